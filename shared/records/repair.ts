import type { StoredRecord } from '../doc/index.ts';

/**
 * One fix of a cross-record invariant: re-parent a shape to a page, or delete a record.
 * Applying every repair of {@link findDocumentRepairs} leaves a document where each shape
 * reaches a page through existing shapes and each binding joins existing shapes.
 */
export type RecordRepair =
  | { id: string; set: { parentId: string }; reason: 'orphan' | 'cycle' }
  | { id: string; delete: true; reason: 'dangling-binding' };

/** What a reader of a document needs to know of a record to place it. */
interface Node {
  id: string;
  typeName: string;
  parentId?: unknown;
  fromId?: unknown;
  toId?: unknown;
  index?: unknown;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The page a re-homed shape goes to: the first page in the document's order (index, then id). */
export function firstPageId(records: Iterable<StoredRecord>): string | undefined {
  let best: { id: string; index: string } | undefined;
  for (const r of records) {
    if (r.typeName !== 'page') continue;
    const index = typeof r.index === 'string' ? r.index : '';
    if (!best || index < best.index || (index === best.index && r.id < best.id)) best = { id: r.id, index };
  }
  return best?.id;
}

/**
 * The repairs a document needs so that every reader can walk it (pure, deterministic: every
 * instance computes the same answer from the same records, whatever their order):
 * - a shape whose parent is missing (or is not a shape or page) goes to the first page;
 * - in each parent cycle, the member with the smallest id goes to the first page, which
 *   breaks the cycle and keeps the others where they are (inside it);
 * - a binding whose `fromId` or `toId` shape is missing is deleted.
 * Two valid concurrent edits can merge into such a state (a frame deleted while a card is
 * added to it; X moved into Y while Y is moved into X), so this is repaired, not refused
 * (docs/SPEC.md D3). A document without a page gets no shape repairs: there is nowhere to go.
 * O(records); each shape is visited once.
 */
export function findDocumentRepairs(records: Iterable<StoredRecord>): RecordRepair[] {
  const all: Node[] = [];
  const shapes = new Map<string, Node>();
  const pages = new Set<string>();
  for (const r of records) {
    all.push(r);
    if (r.typeName === 'shape') shapes.set(r.id, r);
    else if (r.typeName === 'page') pages.add(r.id);
  }
  const repairs: RecordRepair[] = [];
  const page = pages.size > 0 ? firstPageId(all as StoredRecord[]) : undefined;
  if (page !== undefined) {
    // 1 = on the path being walked, 2 = known to reach a page (or already repaired).
    const state = new Map<string, 1 | 2>();
    const ordered = [...shapes.values()].sort(byId);
    for (const start of ordered) {
      if (state.has(start.id)) continue;
      const path: Node[] = [];
      let node: Node | undefined = start;
      while (node && !state.has(node.id)) {
        state.set(node.id, 1);
        path.push(node);
        const parentId: unknown = node.parentId;
        if (typeof parentId === 'string' && pages.has(parentId)) {
          node = undefined;
          break;
        }
        const parent: Node | undefined = typeof parentId === 'string' ? shapes.get(parentId) : undefined;
        if (!parent) {
          repairs.push({ id: node.id, set: { parentId: page }, reason: 'orphan' });
          node = undefined;
          break;
        }
        node = parent;
      }
      if (node && state.get(node.id) === 1) {
        // The walk came back to a shape on its own path: a cycle from `node` to the path's end.
        const cycle = path.slice(path.indexOf(node));
        const smallest = cycle.reduce((a, b) => (b.id < a.id ? b : a));
        repairs.push({ id: smallest.id, set: { parentId: page }, reason: 'cycle' });
      }
      for (const n of path) state.set(n.id, 2);
    }
  }
  for (const r of all) {
    if (r.typeName !== 'binding') continue;
    const from = typeof r.fromId === 'string' ? shapes.get(r.fromId) : undefined;
    const to = typeof r.toId === 'string' ? shapes.get(r.toId) : undefined;
    if (!from || !to) repairs.push({ id: r.id, delete: true, reason: 'dangling-binding' });
  }
  return repairs.sort(byId);
}

/**
 * The records as a reader should see them once `repairs` are applied (pure; the input is not
 * changed, repaired records are shallow copies).
 */
export function applyRepairs<R extends StoredRecord>(records: Iterable<R>, repairs: readonly RecordRepair[]): R[] {
  if (repairs.length === 0) return [...records];
  const byRecord = new Map(repairs.map((r) => [r.id, r]));
  const out: R[] = [];
  for (const r of records) {
    const fix = byRecord.get(r.id);
    if (!fix) out.push(r);
    else if ('set' in fix) out.push({ ...r, ...fix.set });
  }
  return out;
}

/** The document as {@link findRepairsAfterChange} reads it; a `Y.Map` of records is one. */
export interface DocumentLookup {
  get(id: string): StoredRecord | undefined;
  /** Every record; read only when the change deleted something. */
  values(): Iterable<StoredRecord>;
}

/** What one update did to the records map: ids it set and ids it deleted. */
export interface RecordChange {
  changed: Iterable<string>;
  deleted: Iterable<string>;
}

/**
 * The repairs one update made necessary, for a document that was sound before it (pure,
 * deterministic): the same answer {@link findDocumentRepairs} gives for the whole document,
 * at the cost of walking up from the shapes the update set, and (only when it deleted
 * something) one scan for the children and bindings of what it deleted. Run
 * {@link findDocumentRepairs} once when a document is loaded; this after each update.
 */
export function findRepairsAfterChange(doc: DocumentLookup, change: RecordChange): RecordRepair[] {
  const repairs = new Map<string, RecordRepair>();
  let page: string | undefined | null = null;
  const pageForRepairs = (): string | undefined => {
    if (page === null) page = firstPageId(doc.values());
    return page;
  };
  const shapeOf = (id: unknown): Node | undefined => {
    if (typeof id !== 'string') return undefined;
    const r = doc.get(id);
    return r?.typeName === 'shape' ? r : undefined;
  };
  const checked = new Set<string>();
  const walkUp = (start: Node): void => {
    const path: Node[] = [];
    const onPath = new Set<string>();
    let node: Node | undefined = start;
    while (node && !checked.has(node.id)) {
      if (onPath.has(node.id)) {
        const cycle = path.slice(path.indexOf(node));
        const smallest = cycle.reduce((a, b) => (b.id < a.id ? b : a));
        const to = pageForRepairs();
        if (to !== undefined) repairs.set(smallest.id, { id: smallest.id, set: { parentId: to }, reason: 'cycle' });
        break;
      }
      onPath.add(node.id);
      path.push(node);
      const parentId: unknown = node.parentId;
      if (typeof parentId === 'string' && doc.get(parentId)?.typeName === 'page') break;
      const parent = shapeOf(parentId);
      if (!parent) {
        const to = pageForRepairs();
        if (to !== undefined) repairs.set(node.id, { id: node.id, set: { parentId: to }, reason: 'orphan' });
        break;
      }
      node = parent;
    }
    for (const n of path) checked.add(n.id);
  };
  const checkBinding = (r: Node): void => {
    if (!shapeOf(r.fromId) || !shapeOf(r.toId)) repairs.set(r.id, { id: r.id, delete: true, reason: 'dangling-binding' });
  };
  for (const id of change.changed) {
    const r = doc.get(id);
    if (r?.typeName === 'shape') walkUp(r);
    else if (r?.typeName === 'binding') checkBinding(r);
  }
  const deleted = new Set<string>();
  for (const id of change.deleted) if (!doc.get(id)) deleted.add(id);
  if (deleted.size > 0) {
    for (const r of doc.values()) {
      if (r.typeName === 'shape' && typeof r.parentId === 'string' && deleted.has(r.parentId)) walkUp(r);
      else if (r.typeName === 'binding' && ((typeof r.fromId === 'string' && deleted.has(r.fromId)) || (typeof r.toId === 'string' && deleted.has(r.toId)))) checkBinding(r);
    }
  }
  return [...repairs.values()].sort(byId);
}
