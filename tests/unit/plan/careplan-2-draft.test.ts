// The ケアプラン 第2表 draft: the 22 columns of 居宅サービス計画2表 in the order of the
// ケアプランデータ連携 standard (介護保険最新情報 Vol.1156, 2表の構成; Q&A Vol.1177), one row per
// service line, and what the board cannot know left empty and listed. Names, the 保険対象区分 code
// and the free-text rule follow the standard's 「CSVファイルレイアウト定義書」 (ケアプランデータ連携標準仕様
// 4.1, 令和6年10月, 居宅サービス計画2表), checked 2026-12-04 (docs/DOMAIN-SOURCES.md).
import { expect, it } from 'vitest';
import { CAREPLAN2_COLUMNS, buildCareplan2, careplan2Csv } from '../../../shared/plan/index.ts';
import { PLAN_ITEM_TYPE } from '../../../shared/shapes/index.ts';
import { basics, plan, shape } from '../records/fixtures.ts';

const at = new Date('2026-03-15T10:00:00Z');

it('has the standard’s 22 columns, from CSVバージョン to 識別子, in its order', () => {
  expect(CAREPLAN2_COLUMNS).toHaveLength(22);
  expect(CAREPLAN2_COLUMNS.slice(0, 3)).toEqual(['CSVバージョン', '保険者番号', '被保険者番号']);
  expect(CAREPLAN2_COLUMNS.indexOf('課題')).toBeLessThan(CAREPLAN2_COLUMNS.indexOf('長期目標'));
  expect(CAREPLAN2_COLUMNS.indexOf('長期目標')).toBeLessThan(CAREPLAN2_COLUMNS.indexOf('短期目標'));
  expect(CAREPLAN2_COLUMNS.indexOf('短期期間')).toBeLessThan(CAREPLAN2_COLUMNS.indexOf('サービス内容'));
  expect(CAREPLAN2_COLUMNS.slice(14, 20)).toEqual(['保険対象区分', 'サービス種別', 'サービス事業者コード', 'サービス事業所名', '頻度', '実施期間']);
  expect(CAREPLAN2_COLUMNS[21]).toBe('識別子');
});

it('spells the columns as the layout definition does: all 22, full-width ＮＯ and （変更）', () => {
  expect(CAREPLAN2_COLUMNS).toEqual([
    'CSVバージョン', '保険者番号', '被保険者番号', '居宅計画書作成年月日', '居宅サービス計画作成（変更）日',
    '課題ＮＯ', '課題', '援助目標ＮＯ', '長期目標', '短期目標', '長期期間', '短期期間', '援助内容ＮＯ', 'サービス内容',
    '保険対象区分', 'サービス種別', 'サービス事業者コード', 'サービス事業所名', '頻度', '実施期間', '更新業者コード', '識別子',
  ]);
});

it('numbers 課題, 援助目標 and 援助内容 as the standard nests them, in 優先順位 order', () => {
  const records = [
    ...basics(),
    plan('b', { need: '外出したい', priority: 2, goal: '週1回買い物に行く', support: '通所介護', provider: 'デイ「そら」', frequency: '週2回', insured: 'yes' }, { y: 0 }),
    plan('a1', { need: '入浴したい', priority: 1, goal: '週2回入浴する', support: '訪問介護（入浴）', serviceKind: '訪問介護', insured: 'yes' }, { y: 100 }),
    plan('a2', { need: '入浴したい', priority: 1, goal: '週2回入浴する', support: '福祉用具貸与（シャワーチェア）', insured: 'no' }, { y: 200 }),
  ];
  const draft = buildCareplan2({ records, createdAt: at });
  const col = (row: string[], c: (typeof CAREPLAN2_COLUMNS)[number]) => row[CAREPLAN2_COLUMNS.indexOf(c)];
  expect(draft.rows.map((r) => [col(r, '課題ＮＯ'), col(r, '援助目標ＮＯ'), col(r, '援助内容ＮＯ'), col(r, 'サービス内容')])).toEqual([
    ['1', '1', '1', '訪問介護（入浴）'],
    ['1', '1', '2', '福祉用具貸与（シャワーチェア）'],
    ['2', '1', '1', '通所介護'],
  ]);
  // 保険対象区分 is the standard's code (layout No.15: Y:対象, N:対象外), not the paper form's ○.
  expect(draft.rows.map((r) => col(r, '保険対象区分'))).toEqual(['Y', 'N', 'Y']);
  expect(draft.rows.every((r) => col(r, '居宅計画書作成年月日') === '20260315')).toBe(true);
  expect(draft.rows.every((r) => col(r, '保険者番号') === '' && col(r, '被保険者番号') === '' && col(r, 'サービス事業者コード') === '')).toBe(true);
});

it('lists the identifiers it leaves empty and the items that lack a field', () => {
  const draft = buildCareplan2({ records: [...basics(), plan('x', { need: '眠りたい', support: '' })], createdAt: at });
  const unknown = draft.warnings.filter((w) => w.code === 'unknown-column').map((w) => w.column);
  expect(unknown).toEqual(expect.arrayContaining(['保険者番号', '被保険者番号', 'サービス事業者コード']));
  const missing = draft.warnings.filter((w) => w.code === 'missing-field');
  expect(missing.find((w) => w.column === 'サービス内容')?.itemIds).toEqual(['shape:x']);
  expect(missing.find((w) => w.column === '保険対象区分')?.message).toContain('1件');
});

it('reads a plan item stored before the sheet fields existed as empty fields', () => {
  const old = shape('old', PLAN_ITEM_TYPE, { w: 300, h: 200, need: '暮らしたい', priority: null, goal: 'g', support: 's', owner: '', due: '', state: 'agreed' });
  const [row] = buildCareplan2({ records: [...basics(), old], createdAt: at }).rows;
  expect(row?.[CAREPLAN2_COLUMNS.indexOf('長期目標')]).toBe('');
  expect(row?.[CAREPLAN2_COLUMNS.indexOf('課題')]).toBe('暮らしたい');
});

it('leaves 保険対象区分 empty for an item nobody has marked, and warns', () => {
  const draft = buildCareplan2({ records: [...basics(), plan('u', { need: '歩きたい', support: '通所リハビリテーション', insured: '' })], createdAt: at });
  expect(draft.rows[0]?.[CAREPLAN2_COLUMNS.indexOf('保険対象区分')]).toBe('');
  expect(draft.warnings.find((w) => w.code === 'missing-field' && w.column === '保険対象区分')?.itemIds).toEqual(['shape:u']);
});

// The layout definition: 「フリーテキストは""（半角）で囲い、改行、半角カンマ（,）は削除しない。フリーテキストに
// 含まれる"（半角）は""（半角2文字）に変換してエスケープすること。」
it('writes CSV with a header row, CRLF between records, quoted cells, line breaks and commas kept', () => {
  const draft = buildCareplan2({ records: [...basics(), plan('q', { need: '「家」で\n暮らす, "いつも"', support: 's' })], createdAt: at });
  const text = careplan2Csv(draft);
  const [header, ...rest] = text.split('\r\n');
  expect(header).toBe(CAREPLAN2_COLUMNS.map((c) => `"${c}"`).join(','));
  expect(rest.join('\r\n')).toContain('"「家」で\n暮らす, ""いつも"""');
  expect(text.endsWith('\r\n')).toBe(true);
  expect(rest).toEqual([expect.any(String), '']);
});
