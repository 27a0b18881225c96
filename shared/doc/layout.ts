import type * as Y from 'yjs';

/**
 * The shared document layout of the contract: `records` holds tldraw records keyed by id,
 * each a plain JSON object; `meta` holds the serialized tldraw schema, title and template.
 * Nothing else lives at the top level of a board document.
 */
export const DocKeys = {
  records: 'records',
  meta: 'meta',
} as const;

export const MetaKeys = {
  schema: 'schema',
  title: 'title',
  template: 'template',
} as const;

/** Top-level shared types allowed in a board document. */
export const ALLOWED_ROOT_TYPES: ReadonlySet<string> = new Set(Object.values(DocKeys));

/** A tldraw record as stored in the document: a plain JSON object with an id and type. */
export interface StoredRecord {
  id: string;
  typeName: string;
  [key: string]: unknown;
}

/** The records map of a board document. */
export function recordsMap(doc: Y.Doc): Y.Map<StoredRecord> {
  return doc.getMap<StoredRecord>(DocKeys.records);
}

/** The meta map of a board document. */
export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(DocKeys.meta);
}

/** True for a value that may be stored in `records`: a JSON object with string id and typeName. */
export function isStoredRecord(value: unknown): value is StoredRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.typeName === 'string';
}

/** What a document is: a board, a workshop's shared state, or a participant's private area. */
export const DOC_KINDS = ['board', 'workshop', 'private'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

/** The workshop state document: one map holding phase, timer, message and presentation. */
export const WorkshopDocKeys = { state: 'workshop' } as const;

/** Top-level shared types allowed in a document of each kind. */
export function allowedRootTypes(kind: DocKind): ReadonlySet<string> {
  return kind === 'workshop' ? WORKSHOP_ROOTS : ALLOWED_ROOT_TYPES;
}
const WORKSHOP_ROOTS: ReadonlySet<string> = new Set([WorkshopDocKeys.state]);
