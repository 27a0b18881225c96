import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { CloseCode, CloseReason } from '../../shared/protocol/index.ts';
import { WsRelaySocket } from '../../server/http/WsRelaySocket.ts';

/** A real HTTP server on port 0 that hands each upgraded connection (ws and its TCP socket) to `onSocket`. */
async function upgradeServer(opts: { perMessageDeflate: boolean }, onSocket: (ws: WebSocket, socket: Duplex) => void): Promise<{ port: number; close(): Promise<void> }> {
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: opts.perMessageDeflate });
  const server = http.createServer();
  server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => onSocket(ws, socket)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** A client that completes the handshake and then never reads another byte. */
function nonReadingClient(port: number): net.Socket {
  const sock = net.connect(port, '127.0.0.1');
  sock.write(
    'GET /ws/board HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
  );
  sock.pause();
  closers.push(() => void sock.destroy());
  return sock;
}

describe('WsRelaySocket', () => {
  it('refuses a connection that negotiated an extension, and carries frames on one that did not', async () => {
    const outcomes: Array<{ ok: true; socket: WsRelaySocket } | { ok: false; error: string }> = [];
    let settled: () => void = () => {};
    const each = (ws: WebSocket, socket: Duplex) => {
      try {
        outcomes.push({ ok: true, socket: new WsRelaySocket(ws, socket) });
      } catch (err) {
        outcomes.push({ ok: false, error: (err as Error).message });
      }
      settled();
    };

    // A server that agrees to permessage-deflate, which the stock ws client offers.
    const deflating = await upgradeServer({ perMessageDeflate: true }, each);
    closers.push(deflating.close);
    const client = new WebSocket(`ws://127.0.0.1:${deflating.port}/ws/board`);
    const closed = new Promise<number>((resolve) => client.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve) => (settled = resolve));
    expect(outcomes[0]).toEqual({ ok: false, error: expect.stringContaining('permessage-deflate') });
    // The connection is dropped at once (no close frame: 1006 on the client).
    expect(await closed).toBe(1006);

    // Our server's setting: no extension, and a frame written by the adapter arrives intact.
    const plain = await upgradeServer({ perMessageDeflate: false }, each);
    closers.push(plain.close);
    const ok = new WebSocket(`ws://127.0.0.1:${plain.port}/ws/board`);
    closers.push(() => ok.terminate());
    const received = new Promise<Buffer>((resolve) => ok.on('message', (data) => resolve(data as Buffer)));
    await new Promise<void>((resolve) => (settled = resolve));
    const second = outcomes[1];
    if (!second?.ok) throw new Error(`the plain connection was refused: ${JSON.stringify(second)}`);
    second.socket.send(new Uint8Array([0, 1, 2, 250]));
    expect([...(await received)]).toEqual([0, 1, 2, 250]);
  });

  it('counts what waits in the TCP socket for a peer that does not read, and destroys it at once on a slow-consumer close', async () => {
    let got: (pair: { ws: WebSocket; socket: Duplex; relay: WsRelaySocket }) => void = () => {};
    const server = await upgradeServer({ perMessageDeflate: false }, (ws, socket) => got({ ws, socket, relay: new WsRelaySocket(ws, socket) }));
    closers.push(server.close);
    nonReadingClient(server.port);
    const { ws, socket, relay } = await new Promise<{ ws: WebSocket; socket: Duplex; relay: WsRelaySocket }>((resolve) => (got = resolve));

    // Fill the kernel's buffers until bytes stay in the socket's own queue.
    const chunk = new Uint8Array(1024 * 1024).fill(7);
    while (socketQueue(socket) === 0) relay.send(chunk);
    expect(relay.bufferedAmount).toBe(socketQueue(socket));
    expect(relay.bufferedAmount).toBe(ws.bufferedAmount); // no double counting of the one socket

    // From now on every frame waits whole: the count grows by the frame (header + payload).
    const before = relay.bufferedAmount;
    relay.send(chunk);
    expect(relay.bufferedAmount - before).toBe(chunk.byteLength + 10);
    relay.sendShared({ data: new Uint8Array(100) });
    expect(relay.bufferedAmount - before).toBe(chunk.byteLength + 10 + 102);

    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    relay.close(CloseCode.SlowConsumer, CloseReason[CloseCode.SlowConsumer]);
    // Its buffers are released now, not after a closing handshake the peer would never answer.
    expect(socket.destroyed).toBe(true);
    expect(await closed).toBe(1006);
  });

  it('closes a reading peer with the handshake and the named code', async () => {
    let got: (relay: WsRelaySocket) => void = () => {};
    const server = await upgradeServer({ perMessageDeflate: false }, (ws, socket) => got(new WsRelaySocket(ws, socket)));
    closers.push(server.close);
    const client = new WebSocket(`ws://127.0.0.1:${server.port}/ws/board`);
    const closed = new Promise<{ code: number; reason: string }>((resolve) => client.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    const relay = await new Promise<WsRelaySocket>((resolve) => (got = resolve));
    relay.close(CloseCode.MalformedMessage, CloseReason[CloseCode.MalformedMessage]);
    expect(await closed).toEqual({ code: CloseCode.MalformedMessage, reason: 'malformed-message' });
  });
});

/** Bytes waiting in a Node socket's own write queue (beyond what the kernel took). */
function socketQueue(socket: Duplex): number {
  return socket.writableLength;
}
