import type WebSocket from 'ws';
import * as Y from 'yjs';
import type { TestClient } from './clients.ts';
import { decodeServerFrame, syncStep1Frame } from './frames.ts';

/** The `ws` socket under a connected provider. */
export function providerSocket(client: TestClient): WebSocket {
  const ws = client.provider.ws as unknown as WebSocket | null;
  if (!ws || !client.provider.wsconnected) throw new Error('provider is not connected');
  return ws;
}

/**
 * A round trip on the provider's own socket: send sync step 1 and await the server's step 2.
 * Frames of one socket are handled in order and the answer waits for storage (SPEC R1), so
 * once this resolves the server has handled everything the provider sent before it.
 */
export function providerBarrier(client: TestClient): Promise<void> {
  const ws = providerSocket(client);
  return new Promise((resolve, reject) => {
    const onMessage = (data: WebSocket.RawData) => {
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      if (decodeServerFrame(new Uint8Array(bytes)).kind === 'sync-step2') {
        ws.off('message', onMessage);
        ws.off('close', onClose);
        resolve();
      }
    };
    const onClose = () => reject(new Error('provider socket closed during a barrier'));
    ws.on('message', onMessage);
    ws.once('close', onClose);
    ws.send(syncStep1Frame(Y.encodeStateVector(client.doc)));
  });
}

/**
 * Await `promise`, but fail at once (instead of at the test timeout) if the provider's
 * connection closes meanwhile, naming the close code.
 */
export function whileConnected<T>(client: TestClient, promise: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onClose = (event: { code?: number; reason?: string } | null) => {
      reject(new Error(`provider connection closed (${event?.code ?? 'locally'} ${event?.reason ?? ''}) while waiting`));
    };
    client.provider.on('connection-close', onClose);
    promise.then(
      (v) => {
        client.provider.off('connection-close', onClose);
        resolve(v);
      },
      (err: unknown) => {
        client.provider.off('connection-close', onClose);
        reject(err as Error);
      },
    );
  });
}
