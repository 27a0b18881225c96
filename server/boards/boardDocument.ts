import * as Y from 'yjs';
import type { TLRecord } from '@tldraw/tlschema';
import { lockKey, MetaKeys, metaMap, recordsMap, type StoredRecord } from '../../shared/doc/index.ts';
import { readableRecords, type SkippedRecord } from '../../shared/records/index.ts';
import { serializedBoardSchema } from '../../shared/schema/index.ts';

/** The initial Yjs state of a board seeded with `records`, with `locked` records under the facilitator lock (SPEC D7). */
export function initialBoardState(opts: { title: string; template: string; records: TLRecord[]; locked?: readonly string[] }): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    const records = recordsMap(doc);
    for (const r of opts.records) records.set(r.id, structuredClone(r) as unknown as StoredRecord);
    const meta = metaMap(doc);
    meta.set(MetaKeys.schema, serializedBoardSchema());
    meta.set(MetaKeys.title, opts.title);
    meta.set(MetaKeys.template, opts.template);
    for (const id of opts.locked ?? []) meta.set(lockKey(id), true);
  });
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

/** A tldraw file (`.tldr`) of a board document. */
export interface TldrawFile {
  tldrawFileFormatVersion: 1;
  schema: unknown;
  records: StoredRecord[];
}

/** A `.tldr` file of a board document, and the stored records it had to leave out. */
export interface TldrawExport {
  file: TldrawFile;
  skipped: SkippedRecord[];
}

/**
 * Build a `.tldr` file from a board document as readers see it (docs/SPEC.md D4): records
 * that fail the board schema are left out and named in `skipped`; orphans and parent
 * cycles are re-homed to the first page, so the file imports again.
 */
export function tldrawExportFromDoc(doc: Y.Doc): TldrawExport {
  const stored = metaMap(doc).get(MetaKeys.schema);
  const { records, skipped } = readableRecords(recordsMap(doc).entries(), stored);
  // Readable records are migrated to our schema, so the file says ours.
  const schema = serializedBoardSchema();
  records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { file: { tldrawFileFormatVersion: 1, schema, records }, skipped };
}

/** Build a `.tldr` file from a board document (see {@link tldrawExportFromDoc}). */
export function tldrawFileFromDoc(doc: Y.Doc): TldrawFile {
  return tldrawExportFromDoc(doc).file;
}

/** The response header that names the records an export left out (comma-separated ids). */
export const SKIPPED_RECORDS_HEADER = 'X-Skipped-Records';

/** The value of {@link SKIPPED_RECORDS_HEADER}: ids only, which are ASCII in a valid record. */
export function skippedHeader(skipped: readonly SkippedRecord[]): string {
  return skipped.map((s) => encodeURIComponent(s.id)).join(',').slice(0, 4000);
}
