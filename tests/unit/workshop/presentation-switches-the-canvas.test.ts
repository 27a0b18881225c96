import { describe, expect, it } from 'vitest';
import { decideCanvas, initialMode, isSameUser, modeAfterPhaseChange, modeAfterPresentation, type MemberPlace } from '../../../client/workshop/presentation.ts';
import { presentPeople } from '../../../client/workshop/useGroupPresence.ts';

const groups = [
  { index: 0, boardId: 'board-g0' },
  { index: 1, boardId: 'board-g1' },
  { index: 2, boardId: 'board-g2' },
];
const me: MemberPlace = { groupIndex: 1, boardId: 'board-g1', privateBoardId: 'private-me', userId: 'me-123' };

describe('presentation switching', () => {
  it('without a presentation, shows the board the participant chose', () => {
    expect(decideCanvas({ member: me, groups, presenting: null, mode: 'group' })).toEqual({ kind: 'group', boardId: 'board-g1', readOnly: false, follow: null, presenting: false });
    expect(decideCanvas({ member: me, groups, presenting: null, mode: 'private' })).toEqual({ kind: 'private', boardId: 'private-me', readOnly: false, follow: null });
  });

  it('another group presenting: its board, read-only, following the presenter — even from the private notes', () => {
    for (const mode of ['group', 'private'] as const) {
      expect(decideCanvas({ member: me, groups, presenting: { groupIndex: 0, followUserId: 'user:presenter' }, mode })).toEqual({
        kind: 'presentation',
        boardId: 'board-g0',
        groupIndex: 0,
        readOnly: true,
        follow: 'user:presenter',
      });
    }
    expect(decideCanvas({ member: me, groups, presenting: { groupIndex: 2, followUserId: null }, mode: 'group' })).toMatchObject({ kind: 'presentation', boardId: 'board-g2', follow: null });
  });

  it('own group presenting: stays on its own board, editable, and does not follow itself', () => {
    expect(decideCanvas({ member: me, groups, presenting: { groupIndex: 1, followUserId: 'user:other' }, mode: 'private' })).toEqual({
      kind: 'group',
      boardId: 'board-g1',
      readOnly: false,
      follow: 'user:other',
      presenting: true,
    });
    expect(decideCanvas({ member: me, groups, presenting: { groupIndex: 1, followUserId: 'user:me-123' }, mode: 'group' })).toMatchObject({ follow: null });
    expect(isSameUser('user:me-123', 'me-123')).toBe(true);
    expect(isSameUser('user:me-1234', 'me-123')).toBe(false);
  });

  it('a presentation of a group that does not exist is ignored', () => {
    expect(decideCanvas({ member: me, groups, presenting: { groupIndex: 9, followUserId: null }, mode: 'group' })).toMatchObject({ kind: 'group', boardId: 'board-g1' });
  });

  it('back to the own group when the presentation ends, whatever was shown before', () => {
    expect(modeAfterPresentation(true, false, 'private')).toBe('group');
    expect(modeAfterPresentation(false, false, 'private')).toBe('private');
    expect(modeAfterPresentation(false, true, 'private')).toBe('private');
  });

  it('個人ワーク opens the private notes; leaving it goes to the group board; other moves keep the choice', () => {
    expect(initialMode('個人ワーク')).toBe('private');
    expect(initialMode('グループワーク')).toBe('group');
    expect(modeAfterPhaseChange('グループワーク', '個人ワーク', 'group')).toBe('private');
    expect(modeAfterPhaseChange('個人ワーク', 'グループワーク', 'private')).toBe('group');
    expect(modeAfterPhaseChange('グループワーク', '発表', 'private')).toBe('private');
    expect(modeAfterPhaseChange('個人ワーク', '個人ワーク', 'group')).toBe('group');
  });
});

describe('choosing the presenter', () => {
  it('lists who publishes a presence, by tldraw user id, without the facilitator’s empty state', () => {
    const people = presentPeople([
      { user: { name: 'さとう', role: 'caremanager' }, presence: { userId: 'user:b' } },
      {},
      { user: { name: 'あおき', role: 'soudan' }, presence: { userId: 'user:a' } },
      { user: { name: '名前だけ' } },
      { user: { name: 'さとう', role: 'caremanager' }, presence: { userId: 'user:b' } },
    ]);
    expect(people).toEqual([
      { userId: 'user:a', name: 'あおき', role: 'soudan' },
      { userId: 'user:b', name: 'さとう', role: 'caremanager' },
    ]);
  });
});
