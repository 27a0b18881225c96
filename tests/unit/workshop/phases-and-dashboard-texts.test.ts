import { describe, expect, it } from 'vitest';
import { DEFAULT_PHASES } from '../../../shared/workshop/index.ts';
import { parseGroupNames, parseMinutes, parsePhaseList, phaseView, relativeTime, replacePhases, stepPhase } from '../../../client/workshop/viewModel.ts';
import { workshopText } from '../../../client/workshop/texts.ts';

const phases = [...DEFAULT_PHASES];

describe('phase navigation', () => {
  it('shows the current phase and where it stands', () => {
    expect(phaseView({ phases, phaseIndex: 0 })).toEqual({ name: '個人ワーク', index: 0, count: 5, hasPrev: false, hasNext: true });
    expect(phaseView({ phases, phaseIndex: 4 })).toMatchObject({ name: '振り返り', hasPrev: true, hasNext: false });
  });

  it('steps back and forth inside the list, never beyond', () => {
    expect(stepPhase({ phases, phaseIndex: 0 }, 1)).toBe(1);
    expect(stepPhase({ phases, phaseIndex: 0 }, -1)).toBe(0);
    expect(stepPhase({ phases, phaseIndex: 4 }, 1)).toBe(4);
    // A stale index (the list was shortened elsewhere) is clamped first.
    expect(stepPhase({ phases: ['a', 'b'], phaseIndex: 9 }, -1)).toBe(0);
    expect(phaseView({ phases: ['a', 'b'], phaseIndex: 9 }).name).toBe('b');
    expect(phaseView({ phases: [], phaseIndex: 3 })).toMatchObject({ name: '', index: 0, count: 0, hasNext: false });
  });

  it('reads an edited list: one per line, blanks dropped, bounded', () => {
    expect(parsePhaseList(' 個人ワーク \n\nグループワーク\r\n発表\n')).toEqual(['個人ワーク', 'グループワーク', '発表']);
    expect(parsePhaseList(Array.from({ length: 30 }, (_, i) => `p${i}`).join('\n'))).toHaveLength(20);
    expect(parsePhaseList('あ'.repeat(100))[0]).toHaveLength(60);
  });

  it('keeps the current phase by name when the list changes', () => {
    expect(replacePhases({ phases, phaseIndex: 2 }, ['導入', ...phases])).toEqual({ phases: ['導入', ...phases], phaseIndex: 3 });
    // Renamed away: same position, clamped to the new length.
    expect(replacePhases({ phases, phaseIndex: 4 }, ['A', 'B'])).toEqual({ phases: ['A', 'B'], phaseIndex: 1 });
  });
});

describe('dashboard helpers', () => {
  it('last activity as 「3分前」', () => {
    const now = 10_000_000;
    const say = (at: number | null) => {
      const r = relativeTime(at, now);
      return workshopText('ja', r.key, 'n' in r ? { n: r.n } : {});
    };
    expect(say(null)).toBe('まだ変更はありません');
    expect(say(now - 3_000)).toBe('たった今');
    expect(say(now + 2_000)).toBe('たった今'); // a clock a little ahead is not "in the future"
    expect(say(now - 42_000)).toBe('42秒前');
    expect(say(now - 3 * 60_000 - 5_000)).toBe('3分前');
    expect(say(now - 2 * 3600_000)).toBe('2時間前');
  });

  it('timer minutes: 1 to 180, full-width digits accepted', () => {
    expect(parseMinutes('15')).toBe(15);
    expect(parseMinutes('１５')).toBe(15);
    expect(parseMinutes('2.5')).toBe(2.5);
    expect(parseMinutes('0')).toBeUndefined();
    expect(parseMinutes('181')).toBeUndefined();
    expect(parseMinutes('abc')).toBeUndefined();
  });

  it('group names, one per line', () => {
    expect(parseGroupNames('A班\n\n B班 \n')).toEqual(['A班', 'B班']);
    expect(parseGroupNames('')).toEqual([]);
  });
});
