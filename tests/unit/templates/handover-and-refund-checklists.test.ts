// The handover checklist comes from the domain module, item by item, and the 新高額障害福祉
// サービス等給付費 conditions are shown as checks to make — never as a computed verdict.
import { describe, expect, it } from 'vitest';
import { CHECK_STATUSES, HANDOVER_ITEMS, HIGH_COST_REFUND } from '../../../shared/domain/index.ts';
import { FRAME_NAMES, templateRoleOf } from '../../../shared/templates/index.ts';
import { CASE_TEMPLATE_IDS, frameNamed, frameOf, propsOf, recordsOf, shapesOf, textOf } from './helpers.ts';

const checklist = (id: string, list: string) =>
  shapesOf(recordsOf(id)).filter((s) => templateRoleOf(s) === 'checklist' && (s.meta as Record<string, unknown>).rbList === list);

describe.each(CASE_TEMPLATE_IDS)('template %s', (id) => {
  it('lists every handover item in 引継ぎ情報, in the domain module’s order', () => {
    const records = recordsOf(id);
    const items = checklist(id, 'handover');
    expect(items.map((s) => (s.meta as Record<string, unknown>).rbItem)).toEqual(HANDOVER_ITEMS.map((i) => i.id));
    for (const [n, s] of items.entries()) {
      expect(frameOf(s, records)).toBe(frameNamed(records, FRAME_NAMES.handover));
      expect(textOf(s)).toContain(HANDOVER_ITEMS[n]!.label);
    }
  });

  it('puts its open questions in the 論点 frame, each naming whom to ask', () => {
    const records = recordsOf(id);
    const frame = frameNamed(records, FRAME_NAMES.questions);
    const questions = shapesOf(records).filter((s) => s.id.startsWith('shape:question-'));
    expect(questions.length).toBeGreaterThanOrEqual(5);
    for (const q of questions) {
      expect(frameOf(q, records)).toBe(frame);
      expect(textOf(q)).toMatch(/（[^（）]+）$|確かめる$/);
    }
  });
});

describe.each(['exercise-1', 'meeting'])('template %s', (id) => {
  it('shows each refund condition as “to confirm”, and says the municipality decides', () => {
    const records = recordsOf(id);
    const items = checklist(id, 'high-cost-refund');
    expect(items.map((s) => (s.meta as Record<string, unknown>).rbItem)).toEqual(HIGH_COST_REFUND.conditions.map((c) => c.id));
    for (const s of items) {
      expect(textOf(s).startsWith(`${CHECK_STATUSES['to-confirm'].label}：`)).toBe(true);
      expect(textOf(s)).not.toMatch(/確認済み|該当しない|対象です|支給されます/);
    }
    const frameText = shapesOf(records).filter((s) => frameOf(s, records) === frameNamed(records, FRAME_NAMES.questions)).map(textOf).join('\n');
    expect(frameText).toContain(HIGH_COST_REFUND.note);
  });

  it('asks the municipality about 上乗せ and 共生型', () => {
    const text = shapesOf(recordsOf(id)).filter((s) => s.id.startsWith('shape:question-')).map(textOf).join('\n');
    expect(text).toContain('上乗せ');
    expect(text).toContain('共生型');
  });
});

describe('exercise-2', () => {
  it('asks about the top-up of 重度訪問介護 and leaves the refund as a question', () => {
    const text = shapesOf(recordsOf('exercise-2')).filter((s) => s.id.startsWith('shape:question-')).map(textOf).join('\n');
    expect(text).toMatch(/重度訪問介護の上乗せ/);
    expect(text).toContain(HIGH_COST_REFUND.label);
    expect(checklist('exercise-2', 'high-cost-refund')).toHaveLength(0);
    expect(propsOf(frameNamed(recordsOf('exercise-2'), FRAME_NAMES.questions)!).name).toMatch(/^論点/);
  });
});
