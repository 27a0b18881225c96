import {
  createShapeId,
  DocumentRecordType,
  PageRecordType,
  TLDOCUMENT_ID,
  type TLPage,
  type TLPageId,
  type TLParentId,
  type TLRecord,
  type TLShape,
  type TLShapeId,
} from '@tldraw/tlschema';

/** The fixed id of the first page, so templates and tests can refer to it. */
export const FIRST_PAGE_ID = 'page:main' as TLPageId;

/** The records every board has: the document and one page. */
export function baseRecords(pageName = 'ボード'): TLRecord[] {
  return [
    DocumentRecordType.create({ id: TLDOCUMENT_ID, name: '' }),
    PageRecordType.create({ id: FIRST_PAGE_ID, name: pageName, index: 'a1' as TLPage['index'] }),
  ];
}

type IndexKey = TLShape['index'];
type ShapeType = TLShape['type'];
type ShapeMeta = TLShape['meta'];

// tldraw's own key helpers (@tldraw/utils getIndices) add random jitter outside tests, so a
// template built with them would differ on every call. These keys follow the same
// fractional-indexing format (base-62 digits, integer head 'a' = one digit, 'b' = two),
// sort in insertion order as plain strings, and pass tldraw's validateIndexKey.
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const MAX_KEYS = 61 + 62 * 62;

/** The n-th (1-based) sibling index key: 'a1'…'az', then 'b00'…'bzz'. */
export function indexKey(n: number): IndexKey {
  if (!Number.isInteger(n) || n < 1 || n > MAX_KEYS) throw new RangeError(`index position out of range: ${String(n)}`);
  if (n <= 61) return `a${DIGITS[n]}` as IndexKey;
  const m = n - 62;
  return `b${DIGITS[Math.floor(m / 62)]}${DIGITS[m % 62]}` as IndexKey;
}

/**
 * What a template's scaffolding shape is, kept in `meta.rbRole` so that minutes and exports
 * can tell a printed form (grid cells, headers, instructions) from what people wrote.
 * `checklist` items also carry `rbList` and `rbItem` (the domain module's item id).
 */
export type TemplateRole = 'guide' | 'checklist';
export const TEMPLATE_ROLE_KEY = 'rbRole';

/** Meta of an instruction, header, legend or grid cell. */
export const GUIDE_META: ShapeMeta = { [TEMPLATE_ROLE_KEY]: 'guide' };

/** Meta of a checklist item from the domain module (handover, refund conditions). */
export function checklistMeta(list: 'handover' | 'high-cost-refund', item: string): ShapeMeta {
  return { [TEMPLATE_ROLE_KEY]: 'checklist', rbList: list, rbItem: item };
}

/** The template role of a shape (`undefined` for content people wrote or the case's content). */
export function templateRoleOf(shape: { meta?: unknown }): TemplateRole | undefined {
  const meta = shape.meta;
  if (!meta || typeof meta !== 'object') return undefined;
  const role = (meta as Record<string, unknown>)[TEMPLATE_ROLE_KEY];
  return role === 'guide' || role === 'checklist' ? role : undefined;
}

export interface ShapeOptions {
  isLocked?: boolean;
  meta?: ShapeMeta;
}

/** A position in the parent's space (a frame's children are placed relative to the frame). */
export interface Point {
  x: number;
  y: number;
}

/** Shapes of one board under construction: deterministic ids and per-parent index keys. */
export interface ShapeSet {
  /** Add a shape; `key` becomes its id (`shape:<key>`) and must be unique. */
  add<K extends ShapeType>(key: string, type: K, parentId: TLParentId, at: Point, props: TLShape<K>['props'], options?: ShapeOptions): TLShapeId;
  /** The shapes, in insertion order (siblings' indexes ascend in that order). */
  shapes(): TLShape[];
}

/** A fresh shape set; siblings get 'a1', 'a2', … in the order they are added. */
export function createShapeSet(): ShapeSet {
  const shapes: TLShape[] = [];
  const ids = new Set<string>();
  const counts = new Map<string, number>();
  return {
    add(key, type, parentId, at, props, options = {}) {
      const id = createShapeId(key);
      if (ids.has(id)) throw new Error(`duplicate shape id in template: ${id}`);
      ids.add(id);
      const n = (counts.get(parentId) ?? 0) + 1;
      counts.set(parentId, n);
      shapes.push({
        id,
        typeName: 'shape',
        type,
        x: at.x,
        y: at.y,
        rotation: 0,
        index: indexKey(n),
        parentId,
        isLocked: options.isLocked ?? false,
        opacity: 1,
        // Copies: shared constants (GUIDE_META, catalogue data) must not be aliased into a
        // board, whose records the caller may mutate.
        meta: structuredClone(options.meta ?? {}),
        props: structuredClone(props),
      } as TLShape);
      return id;
    },
    shapes: () => shapes.slice(),
  };
}
