import type { SerializedSchema, TLRecord, TLStore } from 'tldraw';
import { isStoredRecord } from '../../shared/doc/index.ts';
import type { InvalidRecordReason } from './types.ts';

/** A doc value made fit for the store, or why it is not. */
export type IngestResult =
  | { ok: true; record: TLRecord }
  | { ok: false; reason: InvalidRecordReason; error?: unknown };

/** Why a doc value cannot even be considered a document record of this store, or null. */
export function screenRecord(key: string, value: unknown, store: TLStore): InvalidRecordReason | null {
  if (!isStoredRecord(value)) return 'not-a-record';
  if (value.id !== key) return 'id-mismatch';
  // Session and presence records stay per participant, and unknown types cannot be validated.
  if (!store.scopedTypes.document.has(value.typeName as TLRecord['typeName'])) return 'not-document-scoped';
  return null;
}

/**
 * Checks one value read from the doc under `key`, migrates it up from `migrateFrom` when the doc
 * is older than the store, and validates it as the store would; never throws.
 */
export function ingestRecord(args: {
  key: string;
  value: unknown;
  store: TLStore;
  migrateFrom?: SerializedSchema | undefined;
}): IngestResult {
  const { key, value, store, migrateFrom } = args;
  const unfit = screenRecord(key, value, store);
  if (unfit) return { ok: false, reason: unfit };
  let record = value as unknown as TLRecord;
  if (migrateFrom) {
    const migrated = store.schema.migratePersistedRecord(record, migrateFrom);
    if (migrated.type === 'error') return { ok: false, reason: 'migration-failed', error: migrated.reason };
    record = migrated.value;
  }
  const before = store.get(record.id);
  try {
    record = store.schema.validateRecord(store, record, before ? 'updateRecord' : 'createRecord', before ?? null);
  } catch (error) {
    return { ok: false, reason: 'validation-failed', error };
  }
  return { ok: true, record };
}
