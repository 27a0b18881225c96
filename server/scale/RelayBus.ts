import type { Revocation } from '../relay/revocation.ts';

/** A message another instance relayed for a board. */
export type BusMessage =
  | { kind: 'update'; data: Uint8Array }
  | { kind: 'awareness'; data: Uint8Array }
  /** Links taken away: every instance closes the sessions they opened (SPEC R7). */
  | { kind: 'revoke'; revocation: Revocation };

/** Whether the cross-instance channel works now. */
export interface BusHealth {
  ok: boolean;
  state: string;
}

/**
 * Cross-instance relay: each instance publishes what its own sessions send (document
 * updates only once stored) and applies what the others publish, never its own.
 */
export interface RelayBus {
  /** Receive a board's messages from other instances. */
  subscribe(boardId: string, onMessage: (msg: BusMessage) => void): Promise<void>;
  unsubscribe(boardId: string): Promise<void>;
  publish(boardId: string, msg: BusMessage): void;
  /** Called after the channel came back from an outage, so rooms can catch up from storage. */
  onReconnect(listener: () => void): void;
  health(): BusHealth;
  close(): Promise<void>;
}
