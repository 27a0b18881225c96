import type { StoredRecord } from '../doc/index.ts';
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
}

/** What changed in the cards and plan items between two records. */
export interface RecordDiff {
  added: CardChange[];
  removed: CardChange[];
  changed: CardChange[];
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
  return String(c.type === SERVICE_CARD_TYPE ? c.props.service : c.props.need) || '（無題）';
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
    const change: CardChange = { id, type, label: labelOf(card), fields };
    if (fields.includes(sk)) change.statusChange = { from: String(old.props[sk]), to: String(card.props[sk]) };
    out.changed.push(change);
  }
  for (const [id, card] of a) if (!b.has(id)) out.removed.push({ id, type: card.type as CardChange['type'], label: labelOf(card), fields: [] });
  return out;
}
