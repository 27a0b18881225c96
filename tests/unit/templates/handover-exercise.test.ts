// The curriculum's first exercise 「情報連携（引継ぎ）」 (相談支援従事者研修, 1.5 h; seed slides):
// a handover sheet on the 課題分析標準項目 as revised in 2023 (老認発1016第1号, 令和5年10月16日,
// 介護保険最新情報 Vol.1178), role cards, and a fictional person of its own.
import { describe, expect, it } from 'vitest';
import type { TLShape } from '@tldraw/tlschema';
import { ASSESSMENT_ITEMS } from '../../../shared/domain/assessmentItems.ts';
import { plainTextOf } from '../../../shared/records/richText.ts';
import { EXERCISE_1_CASE, EXERCISE_2_CASE, HANDOVER_CASE } from '../../../shared/templates/index.ts';
import { isTrainingTemplate } from '../../../shared/templates/training.ts';
import { recordsOf, shapesOf } from './helpers.ts';

// The notice's 23 item names, in its order.
const NOTICE_2023 = [
  '基本情報（受付、利用者等基本情報）', 'これまでの生活と現在の状況', '利用者の社会保障制度の利用情報', '現在利用している支援や社会資源の状況',
  '日常生活自立度（障害）', '日常生活自立度（認知症）', '主訴・意向', '認定情報', '今回のアセスメントの理由', '健康状態', 'ADL', 'IADL',
  '認知機能や判断能力', 'コミュニケーションにおける理解と表出の状況', '生活リズム', '排泄の状況', '清潔の保持に関する状況', '口腔内の状況',
  '食事摂取の状況', '社会との関わり', '家族等の状況', '居住環境', 'その他留意すべき事項・状況',
];

type Box = { x: number; y: number; w: number; h: number };
const box = (s: TLShape): Box => {
  const p = s.props as { w: number; h: number };
  return { x: s.x, y: s.y, w: p.w, h: p.h };
};
const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('the 情報連携（引継ぎ） exercise', () => {
  const shapes = shapesOf(recordsOf('handover'));
  const byId = new Map(shapes.map((s) => [s.id as string, s]));

  it('lists the 23 課題分析標準項目 of the 2023 revision, numbered and named as the notice does', () => {
    expect(ASSESSMENT_ITEMS.map((i) => i.no)).toEqual(NOTICE_2023.map((_, i) => i + 1));
    expect(ASSESSMENT_ITEMS.map((i) => i.name)).toEqual(NOTICE_2023);
    // 1–9 基本情報に関する項目, 10–23 課題分析（アセスメント）に関する項目.
    expect(ASSESSMENT_ITEMS.filter((i) => i.group === 'basic').map((i) => i.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const item of ASSESSMENT_ITEMS) {
      expect(item.nameEn && item.needEn && item.soudanSideEn, `item ${item.no} in English`).toBeTruthy();
      expect(item.need && item.soudanSide, `item ${item.no} in Japanese`).toBeTruthy();
    }
  });

  it('puts one card per item on the handover sheet, each whole inside the sheet and none on another', () => {
    const sheet = shapes.find((s) => s.type === 'frame' && (s.props as { name: string }).name.startsWith('引継ぎシート'))!;
    expect(sheet).toBeDefined();
    const cards = shapes.filter((s) => s.parentId === sheet.id && typeof (s.meta as { rbAssessmentItem?: number }).rbAssessmentItem === 'number');
    expect(cards.map((c) => (c.meta as { rbAssessmentItem: number }).rbAssessmentItem).sort((a, b) => a - b)).toEqual(NOTICE_2023.map((_, i) => i + 1));
    const frame = box(sheet);
    for (const c of cards) {
      const b = box(c);
      expect(b.x >= 0 && b.y >= 0 && b.x + b.w <= frame.w && b.y + b.h <= frame.h, `${c.id} inside the sheet`).toBe(true);
      expect(plainTextOf((c.props as { richText: unknown }).richText)).toContain(NOTICE_2023[(c.meta as { rbAssessmentItem: number }).rbAssessmentItem - 1]);
      for (const other of cards) if (other !== c) expect(overlaps(b, box(other)), `${c.id} / ${other.id}`).toBe(false);
    }
  });

  it('hands out four role cards: both specialists, the person, and an observer', () => {
    const roles = shapes.find((s) => s.type === 'frame' && (s.props as { name: string }).name === '役割カード')!;
    const cards = shapes.filter((s) => s.parentId === roles.id && s.id.startsWith('shape:role-')).map((s) => plainTextOf((s.props as { richText: unknown }).richText));
    expect(cards).toHaveLength(4);
    expect(cards.map((t) => t.split('\n')[0])).toEqual(['相談支援専門員（森）の役', '介護支援専門員（あおい）の役', '本人（佐々木さん）の役', '観察者（記録・時間）の役']);
  });

  it('has its own fictional person, and its boards are 研修用', () => {
    expect(new Set([HANDOVER_CASE.name, EXERCISE_1_CASE.name, EXERCISE_2_CASE.name]).size).toBe(3);
    expect(byId.get('shape:basic-info')?.props).toMatchObject({ name: `${HANDOVER_CASE.name}（仮名）`, birthDate: HANDOVER_CASE.birthDate });
    expect(isTrainingTemplate('handover')).toBe(true);
  });

  it('keeps the new frames below the nine standard frames, not on them', () => {
    const frames = shapes.filter((s) => s.type === 'frame' && s.parentId === 'page:main');
    for (const a of frames) for (const b of frames) if (a !== b) expect(overlaps(box(a), box(b)), `${a.id} / ${b.id}`).toBe(false);
  });
});
