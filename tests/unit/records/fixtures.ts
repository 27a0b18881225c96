import type { StoredRecord } from '../../../shared/doc/index.ts';
import type { MeetingRecordMeta } from '../../../server/storage/index.ts';
import { richTextOf } from '../../../shared/records/index.ts';
import {
  CLIENT_VOICE_TYPE,
  PLAN_ITEM_TYPE,
  SERVICE_CARD_TYPE,
  clientVoiceDefaults,
  planItemDefaults,
  serviceCardDefaults,
  type ClientVoiceProps,
  type PlanItemProps,
  type ServiceCardProps,
} from '../../../shared/shapes/index.ts';

/** The page every hand-made board here sits on. */
export const PAGE_ID = 'page:p1';

/** Where a shape sits: its parent (page, frame or group) and position in that parent. */
export interface At {
  parent?: string;
  x?: number;
  y?: number;
}

let nextIndex = 1;

/** A tldraw-shaped shape record as the document stores it. */
export function shape(id: string, type: string, props: Record<string, unknown>, at: At = {}): StoredRecord {
  return {
    id: `shape:${id}`,
    typeName: 'shape',
    type,
    x: at.x ?? 0,
    y: at.y ?? 0,
    rotation: 0,
    index: `a${(nextIndex++ % 9) + 1}`, // a1…a9: valid fractional index keys
    parentId: at.parent ?? PAGE_ID,
    isLocked: false,
    opacity: 1,
    meta: {},
    props,
  };
}

/** The document and one page. */
export function basics(pageName = 'ボード'): StoredRecord[] {
  return [
    { id: 'document:document', typeName: 'document', name: '', gridSize: 10, meta: {} },
    { id: PAGE_ID, typeName: 'page', name: pageName, index: 'a1', meta: {} },
  ];
}

/** A frame named `name`. */
export function frame(id: string, name: string, at: At = {}): StoredRecord {
  return shape(id, 'frame', { w: 800, h: 600, name, color: 'black' }, at);
}

/** A group (its children name it as their parent). */
export function group(id: string, at: At = {}): StoredRecord {
  return shape(id, 'group', {}, at);
}

/** A sticky note holding `text` as tldraw 5 rich text. */
export function note(id: string, text: string, at: At = {}): StoredRecord {
  return shape(id, 'note', { color: 'yellow', richText: richTextOf(text), size: 'm', font: 'draw', align: 'middle', verticalAlign: 'middle', growY: 0, url: '', scale: 1, labelColor: 'black', fontSizeAdjustment: 0, textLastEditedBy: null }, at);
}

/** A text shape with rich text. */
export function text(id: string, value: string, at: At = {}): StoredRecord {
  return shape(id, 'text', { color: 'black', size: 'm', font: 'draw', textAlign: 'start', w: 200, richText: richTextOf(value), scale: 1, autoSize: true }, at);
}

/** A service card. */
export function service(id: string, props: Partial<ServiceCardProps>, at: At = {}): StoredRecord {
  return shape(id, SERVICE_CARD_TYPE, { ...serviceCardDefaults(), ...props }, at);
}

/** A plan item. */
export function plan(id: string, props: Partial<PlanItemProps>, at: At = {}): StoredRecord {
  return shape(id, PLAN_ITEM_TYPE, { ...planItemDefaults(), ...props }, at);
}

/** A 本人の言葉 card. */
export function voice(id: string, props: Partial<ClientVoiceProps>, at: At = {}): StoredRecord {
  return shape(id, CLIENT_VOICE_TYPE, { ...clientVoiceDefaults(), ...props }, at);
}

/** A copy of `record` with some props replaced. */
export function withProps(record: StoredRecord, patch: Record<string, unknown>): StoredRecord {
  return { ...record, props: { ...(record.props as Record<string, unknown>), ...patch } };
}

/** A record's metadata as the minutes take it. */
export function recordMeta(over: Partial<MeetingRecordMeta> = {}): MeetingRecordMeta {
  return {
    id: 'rec_0123456789abcdef',
    boardId: 'board_0123456789abcd',
    title: '第1回 移行支援会議',
    note: '',
    createdAt: new Date('2026-04-13T01:30:00Z'),
    sha256: 'ab'.repeat(32),
    participants: [],
    attendees: [],
    ...over,
  };
}
