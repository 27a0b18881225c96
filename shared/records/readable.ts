import type { TLRecord } from '@tldraw/tlschema';
import type { SerializedSchema } from '@tldraw/store';
import { isStoredRecord, type StoredRecord } from '../doc/index.ts';
import { boardSchema, serializedBoardSchema } from '../schema/index.ts';
import { applyRepairs, findDocumentRepairs, type RecordRepair } from './repair.ts';
import { validateRecordSchema } from './validate.ts';

/** A stored record a reader left out, and why. */
export interface SkippedRecord {
  id: string;
  /** The record's type (`rb-service`, `note`, `binding`…) when it has one. */
  type: string;
  error: string;
}

/** A document as every reader should see it. */
export interface ReadableRecords {
  /** The valid records, with orphans and cycle members re-homed to the first page. */
  records: StoredRecord[];
  /** Invalid records (from before records were validated): reported, never read. */
  skipped: SkippedRecord[];
  /** What was re-homed or dropped to make the rest walkable (docs/SPEC.md D3). */
  repairs: RecordRepair[];
}

function typeOf(value: unknown): string {
  if (typeof value !== 'object' || value === null) return typeof value;
  const v = value as { type?: unknown; typeName?: unknown };
  return typeof v.type === 'string' ? v.type : typeof v.typeName === 'string' ? v.typeName : '';
}

function idOf(value: unknown, key: string): string {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : key;
}

/** Records written with an older schema, migrated up to ours; unchanged when already ours or unreadable. */
function migrated(records: StoredRecord[], storedSchema: unknown): StoredRecord[] {
  if (!storedSchema || typeof storedSchema !== 'object') return records;
  const ours = serializedBoardSchema();
  if (JSON.stringify(storedSchema) === JSON.stringify(ours)) return records;
  const store: Record<string, TLRecord> = {};
  for (const r of records) store[r.id] = r as unknown as TLRecord;
  try {
    const result = boardSchema().migrateStoreSnapshot({ store, schema: storedSchema as SerializedSchema });
    return result.type === 'success' ? (Object.values(result.value) as unknown as StoredRecord[]) : records;
  } catch {
    // An unreadable schema: read the records as they are; validation then says which fail.
    return records;
  }
}

/**
 * The records of a stored document as every reader (minutes, exports, diffs, thumbnails)
 * must read them (pure; never throws, never loops): `entries` are the document's
 * `records` map as [key, value] pairs; values that fail the board schema are skipped and
 * reported, and the rest are repaired as the server would repair them (a self-parent
 * included: it goes to the first page) (docs/SPEC.md D4).
 * `storedSchema` is the document's `meta.schema`, to migrate records of an older app first.
 */
export function readableRecords(entries: Iterable<readonly [string, unknown]>, storedSchema?: unknown): ReadableRecords {
  const candidates: StoredRecord[] = [];
  const skipped: SkippedRecord[] = [];
  for (const [key, value] of entries) {
    if (isStoredRecord(value) && value.id === key) candidates.push(value);
    else skipped.push({ id: idOf(value, key), type: typeOf(value), error: isStoredRecord(value) ? `stored under another key (${key.slice(0, 80)})` : 'not a record' });
  }
  const valid: StoredRecord[] = [];
  for (const record of migrated(candidates, storedSchema)) {
    // A self-parent is not skipped: it is a cycle of one, re-homed like any cycle (D4).
    const verdict = validateRecordSchema(record);
    if (verdict.ok) valid.push(record);
    else skipped.push({ id: record.id, type: typeOf(record), error: verdict.error });
  }
  const repairs = findDocumentRepairs(valid);
  skipped.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { records: applyRepairs(valid, repairs), skipped, repairs };
}

/** {@link readableRecords} of a list of records (each keyed by its own id). */
export function readableRecordList(records: Iterable<StoredRecord>, storedSchema?: unknown): ReadableRecords {
  const entries: [string, unknown][] = [];
  for (const r of records) entries.push([typeof r.id === 'string' ? r.id : '', r]);
  return readableRecords(entries, storedSchema);
}
