import * as Y from 'yjs';
import { DocKeys, isStoredRecord, type StoredRecord } from '../../shared/doc/index.ts';

/** One mend of the document's structure, decided by the server. */
export type StructureRepair =
  /** An orphan or a member of a parent cycle becomes a child of the page. */
  | { kind: 'reparent'; id: string; parentId: string }
  /** A binding whose shape is gone. */
  | { kind: 'delete'; id: string };

/** Longest parent chain walked; a real board nests a few levels. */
const MAX_DEPTH = 1000;

/**
 * The cross-record invariants a merge of valid concurrent updates can break, checked around
 * the records an update touched (SPEC D3): a shape's parent exists and its chain reaches a page
 * without a cycle; a binding's shapes exist. Deterministic — every instance that sees the same
 * document decides the same repairs: a cycle is broken at its smallest id, an orphan goes to
 * the first page (by index, then id).
 */
export function findStructureRepairs(doc: Y.Doc, touched: readonly string[]): StructureRepair[] {
  const records = doc.getMap<unknown>(DocKeys.records);
  const get = (id: string): StoredRecord | undefined => {
    const v = records.get(id);
    return isStoredRecord(v) ? v : undefined;
  };
  const repairs = new Map<string, StructureRepair>();
  let page: string | undefined | null = null;
  const firstPage = (): string | undefined => (page === null ? (page = firstPageId(records)) : page);
  const checkShape = (rec: StoredRecord): void => {
    if (rec.typeName !== 'shape' || repairs.has(rec.id)) return;
    const broken = brokenChain(rec, get);
    if (!broken) return;
    const target = firstPage();
    if (target === undefined) return;
    repairs.set(broken, { kind: 'reparent', id: broken, parentId: target });
  };
  const deleted = new Set<string>();
  for (const id of touched) {
    const rec = get(id);
    if (!rec) deleted.add(id);
    else if (rec.typeName === 'shape') checkShape(rec);
    else if (rec.typeName === 'binding' && bindingDangles(rec, get)) repairs.set(rec.id, { kind: 'delete', id: rec.id });
  }
  if (deleted.size > 0) {
    // What pointed at a deleted record: its children and its bindings.
    for (const value of records.values()) {
      if (!isStoredRecord(value)) continue;
      if (value.typeName === 'shape' && typeof value.parentId === 'string' && deleted.has(value.parentId)) checkShape(value);
      else if (value.typeName === 'binding' && (deleted.has(String(value.fromId)) || deleted.has(String(value.toId)))) {
        repairs.set(value.id, { kind: 'delete', id: value.id });
      }
    }
  }
  return [...repairs.values()];
}

/**
 * The id to re-parent when `rec`'s chain is broken: `rec` itself when its parent is missing
 * (an orphan), the smallest id of the cycle when the chain loops; undefined when it reaches a page.
 */
function brokenChain(rec: StoredRecord, get: (id: string) => StoredRecord | undefined): string | undefined {
  const seen: string[] = [rec.id];
  let current: StoredRecord = rec;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const parentId = current.parentId;
    if (typeof parentId !== 'string') return current.id;
    const parent = get(parentId);
    if (!parent) return current.id;
    if (parent.typeName === 'page') return undefined;
    if (parent.typeName !== 'shape') return current.id;
    const at = seen.indexOf(parentId);
    if (at >= 0) return seen.slice(at).sort()[0];
    seen.push(parentId);
    current = parent;
  }
  return current.id;
}

function bindingDangles(rec: StoredRecord, get: (id: string) => StoredRecord | undefined): boolean {
  return !get(String(rec.fromId)) || !get(String(rec.toId));
}

function firstPageId(records: Y.Map<unknown>): string | undefined {
  let best: { id: string; index: string } | undefined;
  for (const value of records.values()) {
    if (!isStoredRecord(value) || value.typeName !== 'page') continue;
    const index = typeof value.index === 'string' ? value.index : '';
    if (!best || index < best.index || (index === best.index && value.id < best.id)) best = { id: value.id, index };
  }
  return best?.id;
}

/**
 * Apply repairs in one transaction with `origin`; the update it made (to store and relay like
 * any other), or undefined when nothing changed.
 */
export function applyStructureRepairs(doc: Y.Doc, repairs: readonly StructureRepair[], origin: unknown): Uint8Array | undefined {
  const records = doc.getMap<unknown>(DocKeys.records);
  let update: Uint8Array | undefined;
  const capture = (u: Uint8Array, o: unknown): void => {
    if (o === origin) update = u;
  };
  doc.on('update', capture);
  try {
    doc.transact(() => {
      for (const r of repairs) {
        if (r.kind === 'delete') records.delete(r.id);
        else {
          const rec = records.get(r.id);
          if (isStoredRecord(rec)) records.set(r.id, { ...rec, parentId: r.parentId });
        }
      }
    }, origin);
  } finally {
    doc.off('update', capture);
  }
  return update;
}
