import type { Duplex } from 'node:stream';
import * as wsModule from 'ws';
import { WebSocket } from 'ws';
import { CloseCode } from '../../shared/protocol/index.ts';
import type { RelaySocket, SharedFrame } from '../relay/index.ts';

/** Options of `ws`'s `Sender.frame`, for an unmasked, unfragmented binary frame. */
interface FrameOptions {
  fin: boolean;
  rsv1: boolean;
  opcode: number;
  mask: boolean;
  readOnly: boolean;
}

/**
 * `ws` builds its frames with the static `Sender.frame`; the package exports `Sender`, its type
 * declarations leave it out. This is its signature in ws 8.
 */
const Sender = (wsModule as unknown as { Sender: { frame(data: Buffer, options: FrameOptions): Buffer[] } }).Sender;

const BINARY: FrameOptions = { fin: true, rsv1: false, opcode: 0x2, mask: false, readOnly: false };

/** A binary frame as the server sends it (unmasked, no extensions): its header and payload. */
function frameParts(data: Uint8Array): Buffer[] {
  return Sender.frame(Buffer.from(data.buffer, data.byteOffset, data.byteLength), BINARY);
}

/** A whole binary frame as the server sends it, in one buffer. */
export function binaryFrame(data: Uint8Array): Buffer {
  const parts = frameParts(data);
  return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
}

/** Up to this size a frame is copied into one buffer (one write); above, header and payload go as two. */
const COPY_LIMIT = 16 * 1024;

/**
 * A `ws` connection as a room sees it. Server frames are not masked, so a message going to
 * many participants is the same bytes on every socket: it is framed once (`binaryFrame`, with
 * ws's own framing) and that buffer is written to each TCP socket, instead of `ws.send`
 * framing it again for each one. Control frames (ping, close) still go through `ws`, whose
 * sender writes synchronously without permessage-deflate (disabled on our server), so writes
 * never interleave inside a frame; nothing is written once `ws` has begun closing.
 */
export class WsRelaySocket implements RelaySocket {
  /**
   * Throws (and drops the connection) if the handshake negotiated any extension: the frames
   * written here are plain RFC 6455 frames, wrong under permessage-deflate (RSV1) or any other.
   */
  constructor(
    private readonly ws: WebSocket,
    /** The TCP socket `ws` took over in `handleUpgrade`. */
    private readonly socket: Duplex,
  ) {
    if (ws.extensions !== '') {
      ws.terminate();
      throw new Error(`WsRelaySocket writes unextended frames, but the connection negotiated "${ws.extensions}"; create the WebSocketServer with perMessageDeflate: false`);
    }
  }

  send(data: Uint8Array): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    if (data.byteLength <= COPY_LIMIT) {
      this.socket.write(binaryFrame(data));
      return;
    }
    // A big message (a whole board) is not copied again: header and payload in one writev.
    const [header, payload] = frameParts(data);
    this.socket.cork();
    this.socket.write(header as Buffer);
    if (payload) this.socket.write(payload);
    this.socket.uncork();
  }

  sendShared(frame: SharedFrame): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    frame.wire ??= binaryFrame(frame.data);
    this.socket.write(frame.wire);
  }

  /**
   * A slow consumer's close frame would queue behind the bytes it does not read, and `ws`
   * would hold the socket (and its buffers) until its 30 s closing timeout: it is destroyed
   * at once instead. Every other close is the normal handshake.
   */
  close(code: number, reason: string): void {
    if (code === CloseCode.SlowConsumer) {
      this.ws.terminate();
      return;
    }
    this.ws.close(code, reason);
  }

  /**
   * Bytes written but not yet taken by the kernel: the TCP socket's queue (our frames and
   * `ws`'s) plus what `ws` holds in its own sender. `ws.bufferedAmount` (ws 8) is its
   * socket's queue plus its sender's, and its socket is this one, so only the part beyond
   * the socket's queue is added — and if `ws` stops counting the socket, it is still counted.
   */
  get bufferedAmount(): number {
    const queued = this.socket.writableLength;
    return queued + Math.max(0, this.ws.bufferedAmount - queued);
  }
}
