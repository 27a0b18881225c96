import { describe, expect, it } from 'vitest';
import { recordsMap } from '../../../shared/doc/index.ts';
import * as Y from 'yjs';
import { YjsStoreBinding, type InvalidRecordReport } from '../../../client/sync/index.ts';
import { createPeers, createTestStore, documentRecords, geoShape, recordingLogger, seedBoard } from './harness.ts';

describe('invalid values from a remote are skipped', () => {
  it('applies the valid records of a transaction and reports the others', () => {
    const reports: InvalidRecordReport[] = [];
    const peers = createPeers({ onInvalidRecord: (r) => reports.push(r) });
    peers.bindingA.dispose(); // A stands for a buggy or hostile client writing the doc directly
    const good = geoShape('good');
    const badProps = { ...geoShape('badprops'), props: { ...geoShape('badprops').props, w: 'wide' } };
    const misfiled = geoShape('misfiled');

    expect(() =>
      peers.a.transact(() => {
        const records = recordsMap(peers.a) as unknown as { set(key: string, value: unknown): void };
        records.set('shape:number', 42);
        records.set('shape:noid', { typeName: 'shape', type: 'geo' });
        records.set(badProps.id, badProps);
        records.set('shape:elsewhere', misfiled);
        records.set('shape:alien', { id: 'shape:alien', typeName: 'alien' });
        records.set(good.id, good);
      }),
    ).not.toThrow();

    expect(peers.storeB.get(good.id)).toEqual(good);
    for (const id of ['shape:number', 'shape:noid', badProps.id, 'shape:elsewhere', misfiled.id, 'shape:alien']) {
      expect(peers.storeB.has(id as never)).toBe(false);
    }
    expect(Object.fromEntries(reports.map((r) => [r.key, r.reason]))).toEqual({
      'shape:number': 'not-a-record',
      'shape:noid': 'not-a-record',
      [badProps.id]: 'validation-failed',
      'shape:elsewhere': 'id-mismatch',
      'shape:alien': 'not-document-scoped',
    });
    expect(reports.find((r) => r.key === badProps.id)?.error).toBeInstanceOf(Error);
  });

  it('keeps the last valid version when a record is overwritten with an invalid one', () => {
    const reports: InvalidRecordReport[] = [];
    const peers = createPeers({ onInvalidRecord: (r) => reports.push(r) });
    const shape = geoShape('kept', { x: 5 });
    peers.storeA.put([shape]);
    peers.flush();
    expect(peers.storeB.get(shape.id)).toEqual(shape);

    peers.bindingA.dispose();
    peers.a.transact(() => recordsMap(peers.a).set(shape.id, { ...shape, x: 'left' } as never));
    expect(peers.storeB.get(shape.id)).toEqual(shape);
    expect(reports.map((r) => r.reason)).toEqual(['validation-failed']);

    // The board keeps working: the next valid version applies.
    peers.a.transact(() => recordsMap(peers.a).set(shape.id, { ...shape, x: 6 } as never));
    expect(peers.storeB.get(shape.id)).toMatchObject({ x: 6 });
  });

  it('skips invalid records already in the doc when loading, and warns by default', () => {
    const doc = new Y.Doc();
    seedBoard(doc);
    recordsMap(doc).set('shape:broken', 7 as never);
    const log = recordingLogger();
    const store = createTestStore();
    new YjsStoreBinding({ doc, store, logger: log.logger });
    expect(documentRecords(store).map((r) => r.id)).toEqual(['document:document', 'page:page']);
    expect(log.warnings).toEqual([expect.stringContaining('shape:broken: not-a-record')]);
  });
});
