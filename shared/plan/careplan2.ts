/**
 * A draft of the ケアプラン 第2表 (居宅サービス計画書(2)) in the column order of the ケアプラン
 * データ連携 standard (介護保険最新情報 Vol.1156, 「居宅介護支援事業所と訪問介護などのサービス
 * 提供事業所間における情報連携の標準仕様」; Q&A Vol.1177): 22 columns, one row per service
 * line. What the board does not know (保険者番号, 被保険者番号, 事業所番号, the plan's dates)
 * is left empty and named in `warnings`, so nobody mistakes the draft for a finished file.
 * Names, codes and the free-text rule were checked on 2026-12-04 against the standard's
 * 「CSVファイルレイアウト定義書」 (ケアプランデータ連携標準仕様 4.1, 令和6年10月; see
 * docs/DOMAIN-SOURCES.md). The standard's file has no header row; the draft keeps one, for people.
 * Pure: the text is returned as a string; the server encodes it as MS932.
 */

import type { StoredRecord } from '../doc/index.ts';
import { planItemsOf } from './planData.ts';

/** The 22 columns of 居宅サービス計画2表, in the standard's order and spelling (full-width ＮＯ and
 * （変更）, as the layout definition writes them; Vol.1156, 2表の構成). */
export const CAREPLAN2_COLUMNS = [
  'CSVバージョン',
  '保険者番号',
  '被保険者番号',
  '居宅計画書作成年月日',
  '居宅サービス計画作成（変更）日',
  '課題ＮＯ',
  '課題',
  '援助目標ＮＯ',
  '長期目標',
  '短期目標',
  '長期期間',
  '短期期間',
  '援助内容ＮＯ',
  'サービス内容',
  '保険対象区分',
  'サービス種別',
  'サービス事業者コード',
  'サービス事業所名',
  '頻度',
  '実施期間',
  '更新業者コード',
  '識別子',
] as const;
export type Careplan2Column = (typeof CAREPLAN2_COLUMNS)[number];

/** Columns the board never knows: always empty in the draft, and said so. */
export const CAREPLAN2_UNKNOWN: readonly Careplan2Column[] = [
  'CSVバージョン', '保険者番号', '被保険者番号', '居宅サービス計画作成（変更）日', 'サービス事業者コード', '更新業者コード', '識別子',
];

/** A warning about the draft: a column left empty, or an item that lacks a field. */
export interface Careplan2Warning {
  code: 'unknown-column' | 'missing-field';
  column: Careplan2Column;
  /** Plan item ids concerned (none for an unknown column). */
  itemIds: string[];
  message: string;
}

export interface Careplan2Draft {
  columns: readonly Careplan2Column[];
  rows: string[][];
  warnings: Careplan2Warning[];
}

// 保険対象区分 is a code in the standard's layout definition (No.15, length 1): 「Y:対象」「N:対象外」.
// The paper form's ○ in column ※1 becomes Y; an item nobody has marked stays empty and is warned about.
const INSURED_CODE = { yes: 'Y', no: 'N' } as const;

function yyyymmdd(d: Date): string {
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** The 第2表 draft of a board's plan items: numbered by 課題 and 目標 as the standard nests them. */
export function buildCareplan2(input: { records: Iterable<StoredRecord>; createdAt: Date }): Careplan2Draft {
  const items = planItemsOf(input.records);
  const needNo = new Map<string, number>();
  const goalNo = new Map<string, number>();
  const lineNo = new Map<string, number>();
  const missing = new Map<Careplan2Column, string[]>();
  const note = (column: Careplan2Column, id: string) => missing.set(column, [...(missing.get(column) ?? []), id]);

  const rows = items.map(({ id, props: p }) => {
    // Items sharing a need are one 課題; items sharing a need and a short goal are one 援助目標.
    const needKey = p.need.trim();
    if (!needNo.has(needKey)) needNo.set(needKey, needNo.size + 1);
    const goalKey = `${needKey}\u0000${p.longGoal.trim()}\u0000${p.goal.trim()}`;
    const goalsOfNeed = [...goalNo.keys()].filter((k) => k.startsWith(`${needKey}\u0000`)).length;
    if (!goalNo.has(goalKey)) goalNo.set(goalKey, goalsOfNeed + 1);
    lineNo.set(goalKey, (lineNo.get(goalKey) ?? 0) + 1);

    if (p.need.trim() === '') note('課題', id);
    if (p.support.trim() === '') note('サービス内容', id);
    if (p.provider.trim() === '') note('サービス事業所名', id);
    if (p.frequency.trim() === '') note('頻度', id);
    if (p.insured === '') note('保険対象区分', id);

    const row: Record<Careplan2Column, string> = {
      CSVバージョン: '',
      保険者番号: '',
      被保険者番号: '',
      居宅計画書作成年月日: yyyymmdd(input.createdAt),
      '居宅サービス計画作成（変更）日': '',
      課題ＮＯ: String(needNo.get(needKey)),
      課題: p.need,
      援助目標ＮＯ: String(goalNo.get(goalKey)),
      長期目標: p.longGoal,
      短期目標: p.goal,
      長期期間: p.longGoalPeriod,
      短期期間: p.goalPeriod,
      援助内容ＮＯ: String(lineNo.get(goalKey)),
      サービス内容: p.support,
      保険対象区分: p.insured === '' ? '' : INSURED_CODE[p.insured],
      サービス種別: p.serviceKind,
      サービス事業者コード: '',
      サービス事業所名: p.provider,
      頻度: p.frequency,
      実施期間: p.servicePeriod,
      更新業者コード: '',
      識別子: '',
    };
    return CAREPLAN2_COLUMNS.map((c) => row[c]);
  });

  const warnings: Careplan2Warning[] = [
    ...CAREPLAN2_UNKNOWN.map((column) => ({
      code: 'unknown-column' as const, column, itemIds: [],
      message: `${column}はボードが持たない情報のため空欄。ケアプランの作成ソフトで入れる。`,
    })),
    ...[...missing].map(([column, itemIds]) => ({
      code: 'missing-field' as const, column, itemIds,
      message: `${column}が未記入の計画項目が${itemIds.length}件ある。`,
    })),
  ];
  return { columns: CAREPLAN2_COLUMNS, rows, warnings };
}

// The standard: free text is enclosed in "" and its line breaks and commas are kept
// (「改行、半角カンマ（,）は削除しない」); a " inside becomes "".
function cell(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** The draft as CSV text: a header row in the standard's order, CRLF between records, every cell
 * quoted, line breaks inside a cell kept as the standard asks. */
export function careplan2Csv(draft: Careplan2Draft): string {
  return [draft.columns, ...draft.rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
