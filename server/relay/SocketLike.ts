/**
 * The little a room needs of a socket, so rooms can be tested over an in-memory pair and
 * never depend on `ws` directly.
 */
export interface RelaySocket {
  /** Queue a binary frame. */
  send(data: Uint8Array): void;
  /** Close with an application close code and a short reason. */
  close(code: number, reason: string): void;
  /** Bytes queued but not yet sent, for back-pressure. */
  readonly bufferedAmount: number;
}
