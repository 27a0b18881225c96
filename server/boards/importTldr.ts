import type { TLRecord } from '@tldraw/tlschema';
import type { StoredRecord } from '../../shared/doc/index.ts';
import { findDocumentRepairs, isDocumentRecordType, validateRecord, type RecordRepair } from '../../shared/records/index.ts';
import { boardSchema, serializedBoardSchema } from '../../shared/schema/index.ts';


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
    if (isDocumentRecordType(r.typeName)) store[r.id] = r as unknown as TLRecord;
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
  // The relay's per-record check (D1, D2): the board schema, and no record its own parent.
  for (const r of records) {
    const verdict = validateRecord(r);
    if (!verdict.ok) return { ok: false, message: `a record is not valid: ${verdict.error}` };
  }
  if (!records.some((r) => r.typeName === 'page')) return { ok: false, message: 'the file has no page' };
  // A file is one author's document, not a merge: what the relay repairs is refused here (D5).
  const broken = findDocumentRepairs(records as unknown as StoredRecord[])[0];
  if (broken) return { ok: false, message: brokenMessage(broken, records) };
  if (!records.some((r) => r.typeName === 'document')) {
    records.unshift(schema.types.document.create({ id: 'document:document' as never, name: '' }) as TLRecord);
  }
  return { ok: true, records };
}

/** Why a file's records do not form a sound document, naming the record. */
function brokenMessage(repair: RecordRepair, records: readonly TLRecord[]): string {
  const record = records.find((r) => r.id === repair.id) as { parentId?: unknown; fromId?: unknown; toId?: unknown } | undefined;
  switch (repair.reason) {
    case 'cycle':
      return `record ${repair.id} is in a parent cycle (its parent ${String(record?.parentId)} is inside it)`;
    case 'orphan':
      return `record ${repair.id} names a parent that is not in the file (${String(record?.parentId)})`;
    case 'dangling-binding':
      return `record ${repair.id} binds a shape that is not in the file (${String(record?.fromId)} → ${String(record?.toId)})`;
    default:
      return exhaustive(repair);
  }
}

function exhaustive(value: never): never {
  throw new Error(`unexpected repair ${JSON.stringify(value)}`);
}
