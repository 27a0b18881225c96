import { describe, expect, it } from 'vitest';
import { decideBallot, tally, type Ballot, type VoteConfig } from '../../../shared/workshop/index.ts';

// Issue 15, SPEC W1: whether one more vote is taken, decided from a voter's ballots so far.

const vote = (over: Partial<VoteConfig> = {}): VoteConfig => ({ id: 'v1', question: 'q', perPerson: 2, onePerItem: false, anonymous: false, groups: null, startedAt: 0, endsAt: null, closedAt: null, ...over });

describe('decideBallot', () => {
  it('gives the first free slot until the allowance is used', () => {
    expect(decideBallot({ vote: vote(), now: 1, group: 0, mine: [], target: 'a' })).toEqual({ ok: true, slot: 0 });
    expect(decideBallot({ vote: vote(), now: 1, group: 0, mine: [{ target: 'a', slot: 1 }], target: 'a' })).toEqual({ ok: true, slot: 0 });
    expect(decideBallot({ vote: vote(), now: 1, group: 0, mine: [{ target: 'a', slot: 0 }, { target: 'b', slot: 1 }], target: 'c' })).toEqual({ ok: false, reason: 'no-votes-left' });
  });
  it('refuses the same item twice with one vote per item, a group not voting, and after the end', () => {
    expect(decideBallot({ vote: vote({ onePerItem: true }), now: 1, group: 0, mine: [{ target: 'a', slot: 0 }], target: 'a' })).toEqual({ ok: false, reason: 'already-voted-item' });
    expect(decideBallot({ vote: vote({ groups: [1] }), now: 1, group: 0, mine: [], target: 'a' })).toEqual({ ok: false, reason: 'not-your-group' });
    expect(decideBallot({ vote: vote({ endsAt: 10 }), now: 10, group: 0, mine: [], target: 'a' })).toEqual({ ok: false, reason: 'closed' });
    expect(decideBallot({ vote: vote({ closedAt: 5 }), now: 6, group: 0, mine: [], target: 'a' })).toEqual({ ok: false, reason: 'closed' });
  });
});

describe('tally', () => {
  it("counts a group's votes per item, most first, with the names of named votes", () => {
    const b = (target: string, group: number, name?: string): Ballot => ({ vote: 'v1', group, target, label: target, voter: name ?? 'x', at: 0, ...(name ? { name } : {}) });
    expect(tally([b('a', 0, '青木'), b('b', 0, '伊藤'), b('b', 0, '青木'), b('a', 1)], 0)).toEqual([
      { target: 'b', label: 'b', count: 2, names: ['伊藤', '青木'] },
      { target: 'a', label: 'a', count: 1, names: ['青木'] },
    ]);
  });
});
