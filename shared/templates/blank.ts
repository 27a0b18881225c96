import type { TLRecord } from '@tldraw/tlschema';
import { baseRecords } from './records.ts';

/** The blank template's records: the document and one empty page. */
export function buildBlank(): TLRecord[] {
  return baseRecords();
}
