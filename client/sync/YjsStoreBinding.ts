import type * as Y from 'yjs';
import type { HistoryEntry, SerializedSchema, SerializedSchemaV2, TLRecord, TLStore } from 'tldraw';
import { MetaKeys, metaMap, recordsMap, type StoredRecord } from '../../shared/doc/index.ts';
import { compareSchemas, type SchemaRelation } from './compareSchemas.ts';
import { diffToYjs, isEmptyPlan } from './diffToYjs.ts';
import { homeRecords } from './homeRecords.ts';
import { ingestRecord, screenRecord } from './ingestRecord.ts';
import { migrateDocRecords } from './migrateDocRecords.ts';
import type {
  BindingLogger,
  InvalidRecordReport,
  ReadOnlyReason,
  YjsStoreBindingOptions,
} from './types.ts';

/**
 * Keeps a tldraw store and a board's Y.Doc in step: document records only, both ways.
 *
 * Bind once the doc holds the server's state (after the provider's first `sync`), so that the
 * store is loaded from the board rather than the board from an empty store.
 */
export class YjsStoreBinding {
  /** The origin of every transaction this binding makes; its own observers skip them. */
  readonly origin: object = Object.freeze({ binding: 'YjsStoreBinding' });

  private readonly doc: Y.Doc;
  private readonly store: TLStore;
  private readonly records: Y.Map<StoredRecord>;
  private readonly meta: Y.Map<unknown>;
  private readonly canWrite: boolean;
  private readonly ourSchema: SerializedSchemaV2;
  private readonly logger: BindingLogger;
  private readonly onReadOnly: ((reason: ReadOnlyReason) => void) | undefined;
  private readonly onInvalidRecord: (report: InvalidRecordReport) => void;
  private storedSchema: unknown;
  private relation: SchemaRelation | undefined;
  private reason: ReadOnlyReason | null = null;
  private readonly disposers: Array<() => void> = [];

  constructor(options: YjsStoreBindingOptions) {
    this.doc = options.doc;
    this.store = options.store;
    this.records = recordsMap(options.doc);
    this.meta = metaMap(options.doc);
    this.canWrite = options.canWrite ?? true;
    this.ourSchema = options.store.schema.serialize();
    this.logger = options.logger ?? console;
    this.onReadOnly = options.onReadOnly;
    this.onInvalidRecord =
      options.onInvalidRecord ?? ((r) => this.logger.warn(`skipped doc record ${r.key}: ${r.reason}`, r));

    // Listen before loading, so that what the store's integrity check adds while loading
    // (a missing document or page) reaches the doc like any other local change.
    this.disposers.push(
      this.store.listen((entry) => this.onLocalChange(entry), { source: 'user', scope: 'document' }),
    );
    this.load();
    const onRecords = (event: Y.YMapEvent<StoredRecord>, tx: Y.Transaction) => this.onRemoteRecords(event, tx);
    const onMeta = (event: Y.YMapEvent<unknown>, tx: Y.Transaction) => {
      if (tx.origin !== this.origin && event.keysChanged.has(MetaKeys.schema)) this.refreshSchema();
    };
    this.records.observe(onRecords);
    this.meta.observe(onMeta);
    this.disposers.push(
      () => this.records.unobserve(onRecords),
      () => this.meta.unobserve(onMeta),
    );
  }

  /** Why the binding does not write (open the editor read-only and say so), or null. */
  get readOnlyReason(): ReadOnlyReason | null {
    return this.reason;
  }

  /** Writes pending local changes to the doc now instead of on the store's next frame. */
  flush(): void {
    this.store._flushHistory();
  }

  /** Removes every listener; the store and the doc are left as they are. */
  dispose(): void {
    for (const dispose of this.disposers.splice(0)) dispose();
  }

  private get writable(): boolean {
    return this.canWrite && this.reason === null;
  }

  private load(): void {
    this.refreshSchema();
    if (this.records.size === 0 && this.relation?.kind === 'absent') {
      this.seedDocFromStore();
      return;
    }

    let toLoad: Record<string, StoredRecord> = {};
    for (const [key, value] of this.records.entries()) {
      const unfit = screenRecord(key, value, this.store);
      if (unfit) this.onInvalidRecord({ key, reason: unfit, value });
      else toLoad[key] = value;
    }

    if (this.relation?.kind === 'older') {
      const migrated = migrateDocRecords({ schema: this.store.schema, docSchema: this.relation.schema, records: toLoad });
      if (!migrated.ok) {
        this.freeze({ kind: 'migration-failed', detail: migrated.detail });
      } else {
        toLoad = migrated.records as unknown as Record<string, StoredRecord>;
        if (this.writable) {
          this.transact(() => {
            for (const id of migrated.changed) this.records.set(id, toLoad[id] as StoredRecord);
            for (const id of migrated.removed) this.records.delete(id);
            this.meta.set(MetaKeys.schema, this.ourSchema);
          });
          this.refreshSchema();
        }
      }
    }

    const puts: TLRecord[] = [];
    for (const [key, value] of Object.entries(toLoad)) {
      const result = ingestRecord({ key, value, store: this.store });
      if (result.ok) puts.push(result.record);
      else this.onInvalidRecord({ key, reason: result.reason, value, error: result.error });
    }
    const removes = this.store
      .allRecords()
      .filter((r) => this.store.scopedTypes.document.has(r.typeName) && !this.records.has(r.id))
      .map((r) => r.id);
    this.applyToStore(puts, removes);
  }

  /** An empty doc (no records, no schema) takes the store's document records, if it has any. */
  private seedDocFromStore(): void {
    if (!this.writable) return;
    const documentRecords = this.store.allRecords().filter((r) => this.store.scopedTypes.document.has(r.typeName));
    if (documentRecords.length === 0) return;
    this.transact(() => {
      for (const record of documentRecords) this.records.set(record.id, record as unknown as StoredRecord);
      this.meta.set(MetaKeys.schema, this.ourSchema);
    });
    this.refreshSchema();
  }

  private onLocalChange(entry: HistoryEntry<TLRecord>): void {
    if (!this.writable) return;
    const plan = diffToYjs(entry.changes, {
      current: (id) => this.store.get(id as TLRecord['id']),
      stored: (id) => this.records.get(id),
    });
    if (isEmptyPlan(plan)) return;
    this.transact(() => {
      for (const record of plan.puts) this.records.set(record.id, record as unknown as StoredRecord);
      for (const id of plan.deletes) this.records.delete(id);
      // Records in the doc are always labelled with the schema they were written with.
      if (!this.meta.has(MetaKeys.schema)) this.meta.set(MetaKeys.schema, this.ourSchema);
    });
  }

  private onRemoteRecords(event: Y.YMapEvent<StoredRecord>, tx: Y.Transaction): void {
    if (tx.origin === this.origin) return;
    // A newer client may upgrade meta.schema and records in one transaction; the schema decides
    // how to read the records, whichever observer Yjs calls first.
    this.refreshSchema();
    const migrateFrom = this.migrateFrom();
    const puts: TLRecord[] = [];
    const removes: TLRecord['id'][] = [];
    for (const key of event.keysChanged as Set<string>) {
      if (this.records.has(key)) {
        const value = this.records.get(key);
        const result = ingestRecord({ key, value, store: this.store, migrateFrom });
        if (result.ok) puts.push(result.record);
        else this.onInvalidRecord({ key, reason: result.reason, value, error: result.error });
      } else {
        const existing = this.store.get(key as TLRecord['id']);
        if (existing && this.store.scopedTypes.document.has(existing.typeName)) removes.push(existing.id);
      }
    }
    this.applyToStore(puts, removes);
  }

  /** One `mergeRemoteChanges` per batch: remote changes never enter the local undo stack. */
  private applyToStore(incoming: TLRecord[], incomingRemoves: TLRecord['id'][]): void {
    if (incoming.length === 0 && incomingRemoves.length === 0) return;
    // Nothing reaches tldraw that would make it loop or lose a shape (docs/SPEC.md D4).
    const { puts, removes, repairs } = homeRecords(
      { puts: incoming, removes: incomingRemoves },
      { current: (id) => this.store.get(id as TLRecord['id']), all: () => this.store.allRecords() },
    );
    for (const fix of repairs) this.logger.warn(`doc record ${fix.id} read as ${'set' in fix ? `a child of ${fix.set.parentId}` : 'deleted'}: ${fix.reason}`, fix);
    try {
      this.store.mergeRemoteChanges(() => {
        if (puts.length > 0) this.store.put(puts);
        if (removes.length > 0) this.store.remove(removes);
      });
    } catch (error) {
      // Thrown inside a Yjs observer this would break the provider's message loop.
      this.logger.error('applying remote records to the store failed', error);
    }
  }

  private migrateFrom(): SerializedSchema | undefined {
    return this.relation?.kind === 'older' ? this.relation.schema : undefined;
  }

  /** Re-reads meta.schema when its value changed (cheap otherwise) and freezes if it is ahead. */
  private refreshSchema(): void {
    const stored = this.meta.get(MetaKeys.schema);
    if (this.relation && stored === this.storedSchema) return;
    this.storedSchema = stored;
    const relation = compareSchemas(stored, this.ourSchema);
    this.relation = relation;
    switch (relation.kind) {
      case 'newer':
        this.freeze({ kind: 'schema-too-new', sequences: relation.sequences });
        break;
      case 'unreadable':
        this.freeze({ kind: 'schema-unreadable', detail: relation.detail });
        break;
      case 'absent':
      case 'same':
      case 'older':
        break;
      default:
        exhaustive(relation);
    }
  }

  private freeze(reason: ReadOnlyReason): void {
    if (this.reason) return;
    this.reason = reason;
    this.logger.warn(`board is read-only: ${reason.kind}`, reason);
    this.onReadOnly?.(reason);
  }

  private transact(fn: () => void): void {
    this.doc.transact(fn, this.origin);
  }
}

function exhaustive(value: never): never {
  throw new Error(`unexpected schema relation ${JSON.stringify(value)}`);
}
