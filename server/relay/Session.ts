import type { Capability } from '../../shared/protocol/index.ts';
import type { RelaySocket } from './SocketLike.ts';

/** One participant's connection to a room. */
export interface Session {
  readonly id: number;
  readonly socket: RelaySocket;
  readonly capability: Capability;
  /** Awareness client ids this session has announced; removed when it leaves. */
  readonly awarenessClients: Set<number>;
  state: 'open' | 'closed';
}

let nextSessionId = 1;

/** A new open session. */
export function createSession(socket: RelaySocket, capability: Capability): Session {
  return { id: nextSessionId++, socket, capability, awarenessClients: new Set(), state: 'open' };
}
