import type { MemberPlace, MemberPresence } from '../../shared/protocol/index.ts';
import type { MemberRow, WorkshopRow } from '../storage/index.ts';

/** Which member tokens (sha-256, hex) have an open session on a document now. */
export type SessionsOn = (boardId: string) => ReadonlySet<string>;

/**
 * Where one member is, from the documents their token has open sessions on: another group's
 * board (watching a presentation) before their private notes, before their own group's board,
 * before the workshop page alone. A participant reading the case beside their private notes
 * is on both their private area and the group board: they are in their private notes.
 */
export function placeOf(member: Pick<MemberRow, 'tokenHash' | 'boardId' | 'privateBoardId'>, workshop: Pick<WorkshopRow, 'id' | 'groups'>, sessionsOn: SessionsOn): MemberPlace {
  const hash = member.tokenHash.toString('hex');
  const on = (boardId: string) => sessionsOn(boardId).has(hash);
  if (workshop.groups.some((g) => g.boardId !== member.boardId && on(g.boardId))) return 'presentation';
  if (on(member.privateBoardId)) return 'private';
  if (on(member.boardId)) return 'group';
  if (on(workshop.id)) return 'workshop';
  return 'offline';
}

/** Every group's members with their place, by the group's board id (members oldest first). */
export function membersByGroup(workshop: Pick<WorkshopRow, 'id' | 'groups'>, members: readonly MemberRow[], sessionsOn: SessionsOn, idOf: (m: MemberRow) => string): Map<string, MemberPresence[]> {
  const out = new Map<string, MemberPresence[]>(workshop.groups.map((g) => [g.boardId, []]));
  for (const m of members) {
    out.get(m.boardId)?.push({ id: idOf(m), name: m.name, role: m.role, place: placeOf(m, workshop, sessionsOn) });
  }
  return out;
}
