// docs/SPEC.md D4 on the client: tldraw walks a shape's parents with no cycle check
// (Editor.getAncestorPageId recurses), so the binding never hands the store a shape in a parent
// cycle or under a missing parent: it reads it as a child of the first page, as every reader
// does, and leaves the document to the server's repair.
import { describe, expect, it } from 'vitest';
import { recordsMap } from '../../../shared/doc/index.ts';
import * as Y from 'yjs';
import { YjsStoreBinding } from '../../../client/sync/index.ts';
import { createPeers, createTestStore, geoShape, PAGE_ID, recordingLogger, seedBoard } from './harness.ts';

function peersWithRawWriterA() {
  const peers = createPeers();
  peers.bindingA.dispose(); // A stands for a client (or a merge) writing the doc directly
  const write = (...records: object[]) =>
    peers.a.transact(() => {
      for (const r of records) recordsMap(peers.a).set((r as { id: string }).id, r as never);
    });
  return { ...peers, write };
}

describe('a remote parent cycle or orphan reaches the store on its page', () => {
  it('a shape that names itself as its parent is placed on the page; the doc is left as it is', () => {
    const peers = peersWithRawWriterA();
    const self = { ...geoShape('self'), parentId: 'shape:self' };
    expect(() => peers.write(self)).not.toThrow();
    expect(peers.storeB.get(self.id as never)).toMatchObject({ id: 'shape:self', parentId: PAGE_ID });
    expect(recordsMap(peers.b).get('shape:self')?.parentId).toBe('shape:self');
    expect(peers.log.warnings).toEqual([expect.stringContaining('shape:self read as a child of page:page: cycle')]);
  });

  it('X into Y, then Y into X: the smaller id goes to the page, the other stays inside it', () => {
    const peers = peersWithRawWriterA();
    const x = geoShape('x');
    const y = geoShape('y');
    peers.write(x, y);
    peers.write({ ...x, parentId: y.id });
    expect(peers.storeB.get(x.id)?.parentId).toBe(y.id);
    peers.write({ ...y, parentId: x.id });
    expect(peers.storeB.get(x.id)?.parentId).toBe(PAGE_ID);
    expect(peers.storeB.get(y.id)?.parentId).toBe(x.id);
  });

  it('a frame deleted under a card moves the card to the page; the server’s repair then agrees', () => {
    const peers = peersWithRawWriterA();
    const frame = geoShape('frame');
    const card = { ...geoShape('card', { x: 10 }), parentId: frame.id };
    peers.write(frame, card);
    expect(peers.storeB.get(card.id)?.parentId).toBe(frame.id);

    peers.a.transact(() => recordsMap(peers.a).delete(frame.id));
    expect(peers.storeB.get(frame.id)).toBeUndefined();
    expect(peers.storeB.get(card.id)).toMatchObject({ parentId: PAGE_ID, x: 10 });

    // The server's repair (the same re-homing) arrives as an ordinary change.
    const warnings = peers.log.warnings.length;
    peers.write({ ...card, parentId: PAGE_ID });
    expect(peers.storeB.get(card.id)).toEqual({ ...card, parentId: PAGE_ID });
    expect(peers.log.warnings.length).toBe(warnings);
  });

  it('a shape whose parent was never there, already in the doc, is placed on the page when a client loads it', () => {
    const doc = new Y.Doc();
    seedBoard(doc);
    const lost = { ...geoShape('lost'), parentId: 'shape:never-was' };
    recordsMap(doc).set(lost.id, lost as never);
    const log = recordingLogger();
    const store = createTestStore();
    new YjsStoreBinding({ doc, store, logger: log.logger });
    expect(store.get(lost.id)?.parentId).toBe(PAGE_ID);
    expect(recordsMap(doc).get(lost.id)?.parentId).toBe('shape:never-was');
    expect(log.warnings).toEqual([expect.stringContaining('shape:lost read as a child of page:page: orphan')]);
  });
});
