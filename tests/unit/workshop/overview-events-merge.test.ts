import { describe, expect, it } from 'vitest';
import type { GroupOverview } from '../../../shared/protocol/index.ts';
import { applyOverviewEvent } from '../../../client/workshop/overviewState.ts';

// Issue 15: the pushed dashboard merges a group's change into the picture it has.

const group = (index: number, over: Partial<GroupOverview> = {}): GroupOverview => ({
  index, name: `G${index}`, boardId: `b${index}`, participants: [], members: [], lastActivity: null, shapeCount: 1, svg: `<svg>${index}</svg>`, ...over,
});

describe('applyOverviewEvent', () => {
  it('takes the whole picture, then changes only the group named, only in what it carries', () => {
    const full = applyOverviewEvent(null, { type: 'full', now: 1, groups: [group(0), group(1)] });
    const next = applyOverviewEvent(full, { type: 'group', now: 2, group: { index: 1, members: [{ id: 'abcdefghijklmnop', name: '田中', role: 'soudan', place: 'private' }] } });
    expect(next?.now).toBe(2);
    expect(next?.groups[0]).toEqual(group(0));
    expect(next?.groups[1]).toEqual(group(1, { members: [{ id: 'abcdefghijklmnop', name: '田中', role: 'soudan', place: 'private' }] }));
    const drawn = applyOverviewEvent(next, { type: 'group', now: 3, group: { index: 1, svg: '<svg>new</svg>', shapeCount: 2 } });
    expect(drawn?.groups[1]?.svg).toBe('<svg>new</svg>');
    expect(drawn?.groups[1]?.members).toHaveLength(1);
  });

  it('ignores a change that comes before any whole picture', () => {
    expect(applyOverviewEvent(null, { type: 'group', now: 1, group: { index: 0, shapeCount: 3 } })).toBeNull();
  });
});
