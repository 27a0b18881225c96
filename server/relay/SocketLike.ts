/**
 * The little a room needs of a socket, so rooms can be tested over an in-memory pair and
 * never depend on `ws` directly.
 */
export interface RelaySocket {
  /** Queue a binary frame. */
  send(data: Uint8Array): void;
  /**
   * Queue a frame that goes to several sockets (a broadcast). A transport that frames its
   * messages can keep the wire form on `frame` the first time and reuse it for the others;
   * without this method the room calls `send(frame.data)`.
   */
  sendShared?(frame: SharedFrame): void;
  /** Close with an application close code and a short reason. */
  close(code: number, reason: string): void;
  /** Bytes queued but not yet sent, for back-pressure. */
  readonly bufferedAmount: number;
}

/** One outbound message for many sockets, with room for the transport's wire form of it. */
export interface SharedFrame {
  readonly data: Uint8Array;
  /** Filled by the first socket that frames it; the bytes every later socket writes. */
  wire?: Uint8Array;
}
