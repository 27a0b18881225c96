import type { Revocation } from '../relay/revocation.ts';

/** A message another instance relayed for a board. */
export type BusMessage =
  | { kind: 'update'; data: Uint8Array }
  | { kind: 'awareness'; data: Uint8Array }
  /** Links taken away: every instance closes the sessions they opened (SPEC R7). */
  | { kind: 'revoke'; revocation: Revocation };

/**
 * What one instance tells the others about a board it has loaded: who has a session on it there
 * (token hashes, hex), the participants those sessions announce, and when its document last
 * changed there (ms since epoch, 0 if not since loading). The facilitator's dashboard runs on
 * one instance and shows the groups whose people are on any (issue 15).
 */
export interface BoardPresence {
  tokens: string[];
  participants: { name: string; role: string }[];
  lastChangeAt: number;
}

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
  /**
   * Share this instance's presence on its loaded boards, replacing what it shared before (a
   * board left out is no longer shared). Kept by the others only while it is shared again
   * within the bus's expiry, so a crashed instance's people drop off the dashboard.
   */
  sharePresence(boards: ReadonlyMap<string, BoardPresence>): Promise<void>;
  /** What the other live instances share about these boards (this instance's own left out). */
  presenceElsewhere(boardIds: readonly string[]): Promise<Map<string, BoardPresence[]>>;
  close(): Promise<void>;
}
