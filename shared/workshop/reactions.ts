import type * as Y from 'yjs';
import { WorkshopDocKeys } from '../doc/index.ts';

/** Quick reactions on a note or card (issue 15): 賛成 👍, 質問 ❓, 要確認 ❗. */
export const REACTION_KINDS = ['agree', 'question', 'check'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];
export const REACTION_EMOJI: Record<ReactionKind, string> = { agree: '👍', question: '❓', check: '❗' };

const PREFIX = 'react:';

/**
 * The state map key of one member's reaction of one kind on one shape of a group's board; the
 * key's presence is the reaction (a member reacts once per kind and shape; SPEC W3).
 */
export function reactionKey(group: number, target: string, voter: string, kind: ReactionKind): string {
  return `${PREFIX}${group}:${target}:${voter}:${kind}`;
}

/** Reaction counts per shape of a group's board, and which kinds `voter` gave, from the state document. */
export function readReactions(doc: Y.Doc, group: number, voter?: string): Map<string, { counts: Record<ReactionKind, number>; mine: Set<ReactionKind> }> {
  const out = new Map<string, { counts: Record<ReactionKind, number>; mine: Set<ReactionKind> }>();
  const prefix = `${PREFIX}${group}:`;
  for (const [key, value] of doc.getMap<unknown>(WorkshopDocKeys.state).entries()) {
    if (value !== true || !key.startsWith(prefix)) continue;
    // <target>:<voter>:<kind>; a shape id holds one colon (shape:…), so split from the end.
    const rest = key.slice(prefix.length);
    const k = rest.lastIndexOf(':');
    const v = rest.lastIndexOf(':', k - 1);
    const kind = rest.slice(k + 1) as ReactionKind;
    if (v < 0 || !REACTION_KINDS.includes(kind)) continue;
    const target = rest.slice(0, v);
    const who = rest.slice(v + 1, k);
    const entry = out.get(target) ?? { counts: { agree: 0, question: 0, check: 0 }, mine: new Set<ReactionKind>() };
    entry.counts[kind]++;
    if (voter !== undefined && who === voter) entry.mine.add(kind);
    out.set(target, entry);
  }
  return out;
}
