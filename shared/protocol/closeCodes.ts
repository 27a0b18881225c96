/**
 * WebSocket close codes the relay uses, declared once for both ends.
 * 4xxx codes are application-defined (RFC 6455 §7.4.2); clients should not retry on the
 * ones marked permanent.
 */
export const CloseCode = {
  /** The server is shutting down; reconnect to another instance or later. */
  ServerShutdown: 1001,
  /** A frame could not be parsed or broke the document layout. */
  MalformedMessage: 4400,
  /** The link used by this connection was rotated away by the owner (permanent). */
  TokenRevoked: 4401,
  /** The board was deleted while connected (permanent). */
  BoardGone: 4404,
  /** A frame exceeded the configured message size (the standard RFC 6455 code). */
  MessageTooLarge: 1009,
  /** The board has reached its connection limit. */
  RoomFull: 4429,
  /** Storage refused the write; nothing unsaved was relayed. */
  StorageUnavailable: 4503,
  /** The connection did not read what the server sent (too many bytes waiting); reconnect. */
  SlowConsumer: 4408,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Close codes after which a client must not reconnect with the same link. */
export const PERMANENT_CLOSE_CODES: ReadonlySet<number> = new Set([CloseCode.TokenRevoked, CloseCode.BoardGone]);

/** Short machine-readable reasons sent with the close codes (≤ 123 bytes by RFC 6455). */
export const CloseReason: Record<CloseCode, string> = {
  [CloseCode.ServerShutdown]: 'server-shutdown',
  [CloseCode.MalformedMessage]: 'malformed-message',
  [CloseCode.TokenRevoked]: 'token-revoked',
  [CloseCode.BoardGone]: 'board-gone',
  [CloseCode.MessageTooLarge]: 'message-too-large',
  [CloseCode.RoomFull]: 'room-full',
  [CloseCode.StorageUnavailable]: 'storage-unavailable',
  [CloseCode.SlowConsumer]: 'slow-consumer',
};
