import { DocumentRecordType, PageRecordType, TLDOCUMENT_ID, type TLPage, type TLPageId, type TLRecord } from '@tldraw/tlschema';

/** A board template: metadata and a pure function from nothing to tldraw records. */
export interface BoardTemplate {
  id: string;
  title: string;
  description: string;
  /** The document-scoped records a new board starts with. */
  build(): TLRecord[];
}

/** The fixed id of the first page, so templates and tests can refer to it. */
export const FIRST_PAGE_ID = 'page:main' as TLPageId;

/** The records every board has: the document and one page. */
export function baseRecords(pageName = 'ボード'): TLRecord[] {
  return [
    DocumentRecordType.create({ id: TLDOCUMENT_ID, name: '' }),
    PageRecordType.create({ id: FIRST_PAGE_ID, name: pageName, index: 'a1' as TLPage['index'] }),
  ];
}

const TEMPLATES: readonly BoardTemplate[] = [
  {
    id: 'blank',
    title: '白紙のボード',
    description: '何も置かれていないボードです。自由に使えます。',
    build: () => baseRecords(),
  },
  {
    id: 'exercise-1',
    title: '事例演習1：障害福祉サービスの利用者が介護保険サービスを使い始める',
    description: '65歳を迎える障害福祉サービス利用者の移行を、相談支援専門員と介護支援専門員が一緒に考える演習です。',
    build: () => baseRecords('事例演習1'),
  },
  {
    id: 'exercise-2',
    title: '事例演習2：介護保険の第2号被保険者（40〜64歳）',
    description: '特定疾病（ALS・脳血管疾患など）で40〜64歳から介護保険を使う方の支援と連携を考える演習です。',
    build: () => baseRecords('事例演習2'),
  },
];

/** Every template, in display order. */
export function listTemplates(): readonly BoardTemplate[] {
  return TEMPLATES;
}

/** A template by id, or undefined. */
export function findTemplate(id: string): BoardTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
