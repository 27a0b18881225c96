import type { SerializedSchema, StoreSchema, TLRecord, TLStoreProps } from 'tldraw';
import type { StoredRecord } from '../../shared/doc/index.ts';
import { jsonEqual } from './jsonEqual.ts';

/** The outcome of migrating a document's records; a failure is a value, not a throw. */
export type MigrateDocResult =
  | {
      ok: true;
      /** Every record after migration, keyed by id. */
      records: Record<string, TLRecord>;
      /** Ids whose value the migration changed or created: these must be written back. */
      changed: string[];
      /** Ids the migration dropped: these must be deleted from the doc. */
      removed: string[];
    }
  | { ok: false; detail: string };

/** Migrates a document's records from the schema they were stored with up to `schema`. */
export function migrateDocRecords(args: {
  schema: StoreSchema<TLRecord, TLStoreProps>;
  docSchema: SerializedSchema;
  records: Readonly<Record<string, StoredRecord>>;
}): MigrateDocResult {
  const { schema, docSchema, records } = args;
  const result = schema.migrateStoreSnapshot({
    schema: docSchema,
    store: records as unknown as Record<string, TLRecord>,
  });
  if (result.type === 'error') return { ok: false, detail: result.reason };
  const migrated = result.value as Record<string, TLRecord>;
  const changed: string[] = [];
  const removed: string[] = [];
  for (const [id, record] of Object.entries(migrated)) {
    if (!jsonEqual(record, records[id])) changed.push(id);
  }
  for (const id of Object.keys(records)) {
    if (!(id in migrated)) removed.push(id);
  }
  return { ok: true, records: migrated, changed, removed };
}
