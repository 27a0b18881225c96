export { plainTextOf, richTextOf } from './richText.ts';
export { extractCase, plansByOwner, servicesBySystem, type CaseContent, type Placed } from './extract.ts';
export { diffRecords, type CardChange, type RecordDiff } from './diff.ts';
