import type { WorkshopState } from '../../shared/workshop/index.ts';

/** Which of a participant's own boards they chose to show. */
export type CanvasMode = 'private' | 'group';

/** A participant's place in the workshop. */
export interface MemberPlace {
  groupIndex: number;
  boardId: string;
  privateBoardId: string;
  /** Our tldraw user id (identity id), to avoid following ourselves. */
  userId: string;
}

/** What the participant's main canvas shows. */
export type Canvas =
  | { kind: 'private'; boardId: string; readOnly: false; follow: null }
  | { kind: 'group'; boardId: string; readOnly: false; follow: string | null; presenting: boolean }
  | { kind: 'presentation'; boardId: string; groupIndex: number; readOnly: true; follow: string | null };

/** True when a tldraw user id (`user:<id>` or a bare id) is ours. */
export function isSameUser(a: string, b: string): boolean {
  const bare = (s: string) => s.replace(/^user:/, '');
  return bare(a) === bare(b);
}

/**
 * The presentation switch: while a group presents, everyone else watches that group's board
 * read-only (following the presenter when one is chosen) and the presenting group stays on
 * its own board; otherwise each participant sees the board they chose. A presentation of a
 * group that does not exist is ignored.
 */
export function decideCanvas(input: {
  member: MemberPlace;
  groups: readonly { index: number; boardId: string }[];
  presenting: WorkshopState['presenting'];
  mode: CanvasMode;
}): Canvas {
  const { member, presenting } = input;
  const follow = (id: string | null | undefined) => (id && !isSameUser(id, member.userId) ? id : null);
  if (presenting) {
    if (presenting.groupIndex === member.groupIndex) {
      return { kind: 'group', boardId: member.boardId, readOnly: false, follow: follow(presenting.followUserId), presenting: true };
    }
    const group = input.groups.find((g) => g.index === presenting.groupIndex);
    if (group) return { kind: 'presentation', boardId: group.boardId, groupIndex: group.index, readOnly: true, follow: follow(presenting.followUserId) };
  }
  if (input.mode === 'private') return { kind: 'private', boardId: member.privateBoardId, readOnly: false, follow: null };
  return { kind: 'group', boardId: member.boardId, readOnly: false, follow: null, presenting: false };
}

/** True for the individual-work phase (個人ワーク), where private notes come first. */
export function isIndividualPhase(name: string | undefined): boolean {
  return name !== undefined && (/個人/.test(name) || /individual/i.test(name));
}

/** The board to show when a participant first opens the workshop in a phase. */
export function initialMode(phaseName: string | undefined): CanvasMode {
  return isIndividualPhase(phaseName) ? 'private' : 'group';
}

/**
 * The mode after the facilitator moves to another phase: into 個人ワーク opens the private
 * notes, out of it goes back to the group board; other moves keep the participant's choice.
 */
export function modeAfterPhaseChange(previous: string | undefined, next: string | undefined, current: CanvasMode): CanvasMode {
  if (previous === next) return current;
  if (isIndividualPhase(next)) return 'private';
  if (isIndividualPhase(previous)) return 'group';
  return current;
}

/** The mode after a presentation ends: back to the own group's board. */
export function modeAfterPresentation(wasPresenting: boolean, isPresenting: boolean, current: CanvasMode): CanvasMode {
  return wasPresenting && !isPresenting ? 'group' : current;
}
