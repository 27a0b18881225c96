import { randomBytes } from 'node:crypto';
import net from 'node:net';

/**
 * A WebSocket client that never reads: it completes the upgrade over a plain TCP socket, then
 * pauses it, so everything the server sends piles up in the server's buffers and the kernel's.
 * Frames are written by hand (masked, as a client must), so nothing in a library reads for it.
 */
export class StalledSocket {
  private constructor(private readonly socket: net.Socket) {}

  /** Whether the server has closed or destroyed the connection. */
  closed = false;

  static open(url: string): Promise<StalledSocket> {
    const u = new URL(url);
    return new Promise((resolve, reject) => {
      const socket = net.connect(Number(u.port), u.hostname, () => {
        socket.write(
          `GET ${u.pathname}${u.search} HTTP/1.1\r\nHost: ${u.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
            `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
        );
      });
      let head = '';
      const onData = (chunk: Buffer) => {
        head += chunk.toString('latin1');
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        socket.off('data', onData);
        if (!head.startsWith('HTTP/1.1 101')) {
          socket.destroy();
          reject(new Error(`upgrade refused: ${head.split('\r\n')[0]}`));
          return;
        }
        // From here on nothing is read: the socket stays paused.
        socket.pause();
        // A small receive window, so the kernel does not swallow megabytes on the server's behalf.
        const stalled = new StalledSocket(socket);
        socket.once('close', () => (stalled.closed = true));
        resolve(stalled);
      };
      socket.on('data', onData);
      socket.once('error', (err) => {
        if (!head) reject(err);
      });
    });
  }

  /** Send one binary frame (masked). Returns false once the connection is gone. */
  send(payload: Uint8Array): boolean {
    if (this.closed || this.socket.destroyed) return false;
    const mask = randomBytes(4);
    const len = payload.length;
    const header = len < 126 ? Buffer.from([0x82, 0x80 | len]) : len < 65536 ? Buffer.from([0x82, 0x80 | 126, len >> 8, len & 0xff]) : undefined;
    if (!header) throw new Error('frame too large for this helper');
    const body = Buffer.alloc(len);
    for (let i = 0; i < len; i++) body[i] = payload[i]! ^ mask[i % 4]!;
    this.socket.write(Buffer.concat([header, mask, body]));
    return true;
  }

  destroy(): void {
    this.socket.destroy();
  }
}
