import type * as Y from 'yjs';
import { z } from 'zod';
import { WorkshopDocKeys } from '../doc/index.ts';

/** Shape types a participant can vote for or react to: notes and the case cards. */
export const VOTABLE_TYPES: ReadonlySet<string> = new Set(['note', 'rb-service', 'rb-plan', 'rb-voice', 'rb-person']);

/** A dot vote the facilitator started, as kept in the workshop's state document (`vote`). */
export const VoteConfigSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  question: z.string().min(1).max(200),
  /** Votes per person, 1–10. */
  perPerson: z.number().int().min(1).max(10),
  /** At most one vote per item and person. */
  onePerItem: z.boolean(),
  /** Ballots carry no name (the dashboard shows counts only). */
  anonymous: z.boolean(),
  /** The groups that vote (indexes); null: every group. */
  groups: z.array(z.number().int().min(0)).nullable(),
  startedAt: z.number(),
  /** When voting ends by itself (server time), or null: until the facilitator closes it. */
  endsAt: z.number().nullable(),
  closedAt: z.number().nullable(),
});
export type VoteConfig = z.infer<typeof VoteConfigSchema>;

/** One vote as the server wrote it (`ballot:<vote>:<voter>:<slot>`): a voter's slot holds one target. */
export const BallotSchema = z.object({
  vote: z.string(),
  group: z.number().int(),
  target: z.string(),
  /** The target's text when the vote was cast, for the dashboard and the results. */
  label: z.string(),
  /** Who: a member's id, or for an anonymous vote a value that does not lead to them. */
  voter: z.string(),
  name: z.string().optional(),
  role: z.string().optional(),
  at: z.number(),
});
export type Ballot = z.infer<typeof BallotSchema>;

const VOTE_KEY = 'vote';
const BALLOT_PREFIX = 'ballot:';

/** The state map key of a voter's `slot`-th vote. Slots are 0…perPerson−1, so no voter can ever hold more. */
export function ballotKey(voteId: string, voter: string, slot: number): string {
  return `${BALLOT_PREFIX}${voteId}:${voter}:${slot}`;
}

/** The current (or last) vote of a workshop state document. */
export function readVote(doc: Y.Doc): VoteConfig | null {
  const parsed = VoteConfigSchema.safeParse(doc.getMap<unknown>(WorkshopDocKeys.state).get(VOTE_KEY));
  return parsed.success ? parsed.data : null;
}

/** Set the current vote (the server's edit). */
export function writeVote(doc: Y.Doc, vote: VoteConfig): void {
  doc.getMap<unknown>(WorkshopDocKeys.state).set(VOTE_KEY, vote);
}

/** Every ballot of a vote in a workshop state document. */
export function readBallots(doc: Y.Doc, voteId: string): Ballot[] {
  const out: Ballot[] = [];
  const prefix = `${BALLOT_PREFIX}${voteId}:`;
  for (const [key, value] of doc.getMap<unknown>(WorkshopDocKeys.state).entries()) {
    if (!key.startsWith(prefix)) continue;
    const b = BallotSchema.safeParse(value);
    if (b.success) out.push(b.data);
  }
  return out;
}

/** Whether a vote takes ballots at `now`. */
export function voteOpen(vote: VoteConfig, now: number): boolean {
  return vote.closedAt === null && (vote.endsAt === null || now < vote.endsAt);
}

/** Whether a group takes part in a vote. */
export function voteIncludes(vote: VoteConfig, group: number): boolean {
  return vote.groups === null || vote.groups.includes(group);
}

export type BallotRefusal = 'closed' | 'not-your-group' | 'no-votes-left' | 'already-voted-item';

/**
 * Whether a voter may cast one more vote for `target` (SPEC W1), given their ballots so far: the
 * vote must be open and include their group, they must have votes left, and with one vote per
 * item not have voted for it. The free slot to write into when they may.
 */
export function decideBallot(input: { vote: VoteConfig; now: number; group: number; mine: readonly { target: string; slot: number }[]; target: string }): { ok: true; slot: number } | { ok: false; reason: BallotRefusal } {
  const { vote } = input;
  if (!voteOpen(vote, input.now)) return { ok: false, reason: 'closed' };
  if (!voteIncludes(vote, input.group)) return { ok: false, reason: 'not-your-group' };
  if (vote.onePerItem && input.mine.some((m) => m.target === input.target)) return { ok: false, reason: 'already-voted-item' };
  const used = new Set(input.mine.map((m) => m.slot));
  for (let slot = 0; slot < vote.perPerson; slot++) if (!used.has(slot)) return { ok: true, slot };
  return { ok: false, reason: 'no-votes-left' };
}

/** A voter's ballots of a vote with their slots, from the state map. */
export function ballotsOfVoter(doc: Y.Doc, voteId: string, voter: string): { target: string; slot: number }[] {
  const out: { target: string; slot: number }[] = [];
  const prefix = `${BALLOT_PREFIX}${voteId}:${voter}:`;
  for (const [key, value] of doc.getMap<unknown>(WorkshopDocKeys.state).entries()) {
    if (!key.startsWith(prefix)) continue;
    const b = BallotSchema.safeParse(value);
    const slot = Number(key.slice(prefix.length));
    if (b.success && Number.isInteger(slot)) out.push({ target: b.data.target, slot });
  }
  return out;
}

/** One item's result in a group. */
export interface TallyItem {
  target: string;
  label: string;
  count: number;
  /** Who voted for it (named votes only). */
  names: string[];
}

/** A group's results, most votes first (then by label). */
export function tally(ballots: readonly Ballot[], group: number): TallyItem[] {
  const byTarget = new Map<string, TallyItem>();
  for (const b of ballots) {
    if (b.group !== group) continue;
    const item = byTarget.get(b.target) ?? { target: b.target, label: b.label, count: 0, names: [] };
    item.count++;
    if (b.name && !item.names.includes(b.name)) item.names.push(b.name);
    byTarget.set(b.target, item);
  }
  return [...byTarget.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'ja'));
}
