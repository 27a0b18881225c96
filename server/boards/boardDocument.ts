import * as Y from 'yjs';
import type { TLRecord } from '@tldraw/tlschema';
import { MetaKeys, metaMap, recordsMap, type StoredRecord } from '../../shared/doc/index.ts';
import { serializedBoardSchema } from '../../shared/schema/index.ts';

/** The initial Yjs state of a board seeded with `records`. */
export function initialBoardState(opts: { title: string; template: string; records: TLRecord[] }): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    const records = recordsMap(doc);
    for (const r of opts.records) records.set(r.id, structuredClone(r) as unknown as StoredRecord);
    const meta = metaMap(doc);
    meta.set(MetaKeys.schema, serializedBoardSchema());
    meta.set(MetaKeys.title, opts.title);
    meta.set(MetaKeys.template, opts.template);
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

/** Build a `.tldr` file from a board document. */
export function tldrawFileFromDoc(doc: Y.Doc): TldrawFile {
  const schema = metaMap(doc).get(MetaKeys.schema) ?? serializedBoardSchema();
  const records = [...recordsMap(doc).values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { tldrawFileFormatVersion: 1, schema, records };
}
