import type { StoredRecord } from '../doc/index.ts';
import type { MeetingDetails } from '../protocol/meeting.ts';
import { PLAN_ITEM_TYPE, SERVICE_CARD_TYPE } from '../shapes/index.ts';

/** One card that differs between two records of a board. */
export interface CardChange {
  id: string;
  type: typeof SERVICE_CARD_TYPE | typeof PLAN_ITEM_TYPE;
  /** A readable name: the service, or the plan item's need. */
  label: string;
  /** Props whose value changed (status/state changes are also reported in `statusChange`). */
  fields: string[];
  statusChange?: { from: string; to: string };
  /** Each changed prop's value before and after, as text (only on changed cards). */
  changes?: FieldChange[];
}

/** One value that changed: the prop or field, and its value before and after, as text. */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/** What changed in the cards and plan items between two records. */
export interface RecordDiff {
  added: CardChange[];
  removed: CardChange[];
  changed: CardChange[];
  /**
   * What changed in the records themselves (their memo, title and 会議の要点): fields named
   * `title`, `note`, or `meeting.<field>` (see {@link diffRecordInfo}).
   */
  record?: FieldChange[];
}

type Card = StoredRecord & { type: string; props: Record<string, unknown> };

const TRACKED = new Set<string>([SERVICE_CARD_TYPE, PLAN_ITEM_TYPE]);

function cards(records: Iterable<StoredRecord>): Map<string, Card> {
  const out = new Map<string, Card>();
  for (const r of records) {
    if (r.typeName === 'shape' && typeof r.type === 'string' && TRACKED.has(r.type) && r.props && typeof r.props === 'object') out.set(r.id, r as Card);
  }
  return out;
}

function labelOf(c: Card): string {
  // An untitled card has an empty label: the reader names it in their own language.
  return String(c.type === SERVICE_CARD_TYPE ? c.props.service : c.props.need);
}

function statusKey(c: Card): string {
  return c.type === SERVICE_CARD_TYPE ? 'status' : 'state';
}

const IGNORED = new Set(['w', 'h']);

/** Compare the cards and plan items of two records (pure): added, removed, changed. */
export function diffRecords(before: Iterable<StoredRecord>, after: Iterable<StoredRecord>): RecordDiff {
  const a = cards(before);
  const b = cards(after);
  const out: RecordDiff = { added: [], removed: [], changed: [] };
  for (const [id, card] of b) {
    const old = a.get(id);
    const type = card.type as CardChange['type'];
    if (!old) {
      out.added.push({ id, type, label: labelOf(card), fields: [] });
      continue;
    }
    const keys = new Set([...Object.keys(old.props), ...Object.keys(card.props)]);
    const fields = [...keys].filter((k) => !IGNORED.has(k) && JSON.stringify(old.props[k]) !== JSON.stringify(card.props[k])).sort();
    if (fields.length === 0) continue;
    const sk = statusKey(card);
    const change: CardChange = { id, type, label: labelOf(card), fields, changes: fields.map((f) => ({ field: f, before: asText(old.props[f]), after: asText(card.props[f]) })) };
    if (fields.includes(sk)) change.statusChange = { from: String(old.props[sk]), to: String(card.props[sk]) };
    out.changed.push(change);
  }
  for (const [id, card] of a) if (!b.has(id)) out.removed.push({ id, type: card.type as CardChange['type'], label: labelOf(card), fields: [] });
  return out;
}

/** A prop's value as text: strings as they are, null as empty, anything else as JSON. */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** What a record says about itself, as {@link diffRecordInfo} compares it. */
export interface RecordInfoForDiff {
  title: string;
  note: string;
  meeting?: MeetingDetails | null;
}

/**
 * What changed between two records' own fields (pure): `title`, `note` (the memo), and each
 * 会議の要点 field as `meeting.<field>` (lists as one line per person, monitoring items as
 * `meeting.monitoring.<field>`).
 */
export function diffRecordInfo(before: RecordInfoForDiff, after: RecordInfoForDiff): FieldChange[] {
  const out: FieldChange[] = [];
  const push = (field: string, a: string, b: string) => {
    if (a !== b) out.push({ field, before: a, after: b });
  };
  push('title', before.title, after.title);
  push('note', before.note, after.note);
  const flat = (m: MeetingDetails | null | undefined): Map<string, string> => {
    const map = new Map<string, string>();
    if (!m) return map;
    for (const [k, v] of Object.entries(m)) {
      if (k === 'monitoring') for (const [mk, mv] of Object.entries(v as Record<string, unknown>)) map.set(`meeting.monitoring.${mk}`, asText(mv));
      else if (Array.isArray(v)) map.set(`meeting.${k}`, v.map((p: Record<string, unknown>) => Object.values(p).filter((x) => x !== '').join(' / ')).join('\n'));
      else map.set(`meeting.${k}`, typeof v === 'boolean' ? (v ? 'true' : '') : asText(v));
    }
    return map;
  };
  const a = flat(before.meeting);
  const b = flat(after.meeting);
  for (const key of new Set([...a.keys(), ...b.keys()])) push(key, a.get(key) ?? '', b.get(key) ?? '');
  return out;
}
