import type { Capability } from '../../shared/protocol/index.ts';
import type { NoteAuthor } from '../../shared/workshop/author.ts';
import type { Clock } from './Clock.ts';
import { TokenBucket, type SessionLimits } from './SessionLimits.ts';
import type { RelaySocket } from './SocketLike.ts';

/** Which link a session came in with, so a revocation can find it (SPEC R7). */
export interface SessionCredential {
  /** sha-256 of the token (never the token itself). */
  tokenHash: Buffer;
  /** When the token was checked (the session's clock): a revocation received after it applies. */
  checkedAt: number;
  /** Who the token's holder is, when the server knows (a workshop member): stamped on shared notes. */
  author?: NoteAuthor | undefined;
  /** The personal link's (or member's) name, shown beside the chosen display name (issue 17). */
  linkName?: string | undefined;
}

/** One participant's connection to a room. */
export interface Session {
  readonly id: number;
  readonly socket: RelaySocket;
  readonly capability: Capability;
  readonly credential: SessionCredential | undefined;
  /** Awareness client ids this session has announced; removed when it leaves. */
  readonly awarenessClients: Set<number>;
  readonly limits: SessionLimits;
  /** The session's rate limits (SPEC R10). */
  readonly rates: { readonly step1: TokenBucket; readonly awareness: TokenBucket };
  state: 'open' | 'closed';
}

let nextSessionId = 1;

/** What a new session is made of, one typed object. */
export interface NewSession {
  socket: RelaySocket;
  capability: Capability;
  limits: SessionLimits;
  clock: Clock;
  credential?: SessionCredential | undefined;
}

/** A new open session. */
export function createSession(input: NewSession): Session {
  const { limits, clock } = input;
  return {
    id: nextSessionId++,
    socket: input.socket,
    capability: input.capability,
    credential: input.credential,
    awarenessClients: new Set(),
    limits,
    rates: {
      step1: new TokenBucket(clock, limits.step1Burst, limits.step1PerSecond),
      awareness: new TokenBucket(clock, limits.awarenessBurst, limits.awarenessPerSecond),
    },
    state: 'open',
  };
}
