import type { TLRecord } from '@tldraw/tlschema';
import { boardSchema, serializedBoardSchema } from '../../shared/schema/index.ts';

/** Record types that belong to a board document; session state in a file is dropped. */
const DOCUMENT_TYPES = new Set(['document', 'page', 'shape', 'binding', 'asset']);

export type ImportResult = { ok: true; records: TLRecord[] } | { ok: false; message: string };

/**
 * Check a `.tldr` file against the board schema: migrate its records from the file's
 * schema to ours, keep the document-scoped ones, and validate each (pure).
 */
export function recordsFromTldr(file: { schema: unknown; records: Record<string, unknown>[] }): ImportResult {
  const schema = boardSchema();
  const store: Record<string, TLRecord> = {};
  for (const r of file.records) {
    if (typeof r.id !== 'string' || typeof r.typeName !== 'string') return { ok: false, message: 'a record without id or typeName' };
    if (DOCUMENT_TYPES.has(r.typeName)) store[r.id] = r as unknown as TLRecord;
  }
  // tldraw reports a newer file only as a failed migration; say plainly what it is.
  const theirs = (file.schema as { sequences?: Record<string, unknown> } | null)?.sequences;
  const ours = serializedBoardSchema().sequences as Record<string, number>;
  if (theirs && Object.entries(theirs).some(([k, v]) => typeof v === 'number' && (ours[k] === undefined || v > ours[k]))) {
    return { ok: false, message: 'the file was made by a newer version of the app (or with shapes it does not know)' };
  }
  let migrated;
  try {
    migrated = schema.migrateStoreSnapshot({ store, schema: file.schema as never });
  } catch (err) {
    return { ok: false, message: `the file's schema cannot be read: ${(err as Error).message}` };
  }
  if (migrated.type === 'error') {
    return { ok: false, message: migrated.reason === 'target-version-too-old' ? 'the file was made by a newer version of the app' : `the file cannot be migrated (${migrated.reason})` };
  }
  const records = Object.values(migrated.value) as TLRecord[];
  for (const r of records) {
    try {
      schema.validateRecord(null as never, r, 'initialize', null);
    } catch (err) {
      return { ok: false, message: `record ${r.id} is not valid: ${(err as Error).message.slice(0, 300)}` };
    }
  }
  if (!records.some((r) => r.typeName === 'page')) return { ok: false, message: 'the file has no page' };
  if (!records.some((r) => r.typeName === 'document')) {
    records.unshift(schema.types.document.create({ id: 'document:document' as never, name: '' }) as TLRecord);
  }
  return { ok: true, records };
}
