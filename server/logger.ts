import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * The server's logger. Tokens travel in `Authorization` headers and `?token=` query
 * strings; both are redacted here as a second line of defence (we never log them anyway).
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'renkei-board' },
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'token', '*.token', 'tokens', '*.tokens'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
