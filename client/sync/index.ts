export { YjsStoreBinding } from './YjsStoreBinding.ts';
export type {
  BindingLogger,
  InvalidRecordReason,
  InvalidRecordReport,
  ReadOnlyReason,
  YjsStoreBindingOptions,
} from './types.ts';
export { compareSchemas, type SchemaRelation } from './compareSchemas.ts';
export { diffToYjs, isEmptyPlan, type WriteLookup, type YjsWritePlan } from './diffToYjs.ts';
export { ingestRecord, screenRecord, type IngestResult } from './ingestRecord.ts';
export { migrateDocRecords, type MigrateDocResult } from './migrateDocRecords.ts';
export { jsonEqual } from './jsonEqual.ts';
export { homeRecords, type StoreBatch } from './homeRecords.ts';
