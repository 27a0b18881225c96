export { plainTextOf, richTextOf } from './richText.ts';
export { extractCase, plansByOwner, servicesBySystem, type CaseContent, type Placed } from './extract.ts';
export { diffRecords, diffRecordInfo, type CardChange, type FieldChange, type RecordDiff, type RecordInfoForDiff } from './diff.ts';
export { validateRecord, validateRecordSchema, isDocumentRecordType, type RecordVerdict } from './validate.ts';
export { findDocumentRepairs, findRepairsAfterChange, applyRepairs, firstPageId, type DocumentLookup, type RecordChange, type RecordRepair } from './repair.ts';
export { readableRecords, readableRecordList, type ReadableRecords, type SkippedRecord } from './readable.ts';
export { MAX_PARENT_DEPTH } from './extract.ts';
