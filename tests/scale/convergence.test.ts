import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsMap } from '../../shared/doc/index.ts';
import { putRecord, shapeRecord, waitForDoc } from '../helpers/clients.ts';
import { createBoardAt } from '../helpers/server.ts';
import { recordsJson, ScaleFixture, waitForConvergence, type Instance } from './helpers.ts';

// SPEC R1, R9: two instances on one database and one Redis relay each other's stored updates,
// so stock providers on different instances converge both ways.
describe('two instances: convergence', () => {
  let fx: ScaleFixture;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    fx = await ScaleFixture.create();
    [a, b] = await Promise.all([fx.start('A'), fx.start('B')]);
  });
  afterAll(async () => fx?.dispose());

  it('relays single writes from A to B and from B to A', async () => {
    const board = await createBoardAt(a.baseUrl, { title: '二拠点' });
    const onA = fx.connect(a, board.id, board.tokens.edit);
    const onB = fx.connect(b, board.id, board.tokens.edit);
    await Promise.all([onA.synced, onB.synced]);

    putRecord(onA.doc, shapeRecord('from-a', { x: 1 }));
    await waitForDoc(onB.doc, (d) => recordsMap(d).get('shape:from-a')?.x === 1);
    putRecord(onB.doc, shapeRecord('from-b', { x: 2 }));
    await waitForDoc(onA.doc, (d) => recordsMap(d).get('shape:from-b')?.x === 2);
    // An overwrite and a delete of a record the other instance's client created.
    putRecord(onB.doc, shapeRecord('from-a', { x: 10 }));
    recordsMap(onA.doc).delete('shape:from-b');
    await waitForDoc(onA.doc, (d) => recordsMap(d).get('shape:from-a')?.x === 10);
    await waitForDoc(onB.doc, (d) => !recordsMap(d).has('shape:from-b'));
    expect(recordsJson(onA.doc)).toEqual(recordsJson(onB.doc));
  });

  it('converges under concurrent bursts from several clients on both instances', async () => {
    const board = await createBoardAt(b.baseUrl, { title: '同時編集' });
    const clients = [a, b, a, b].map((inst) => fx.connect(inst, board.id, board.tokens.edit));
    await Promise.all(clients.map((c) => c.synced));
    const templateRecords = recordsMap(clients[0]!.doc).size;
    const perClient = 40;
    clients.forEach((c, n) => {
      for (let i = 0; i < perClient; i++) putRecord(c.doc, shapeRecord(`c${n}-${i}`, { x: i }));
      // Every client also writes one shared key: Yjs picks one winner, the same everywhere.
      putRecord(c.doc, shapeRecord('shared', { x: n }));
    });
    await waitForConvergence(
      clients.map((c) => c.doc),
      templateRecords + clients.length * perClient + 1,
    );
    const first = recordsJson(clients[0]!.doc);
    for (const c of clients.slice(1)) expect(recordsJson(c.doc)).toEqual(first);
    expect([0, 1, 2, 3]).toContain((first['shape:shared'] as { x: number }).x);
    for (let n = 0; n < clients.length; n++) expect((first[`shape:c${n}-${perClient - 1}`] as { x: number }).x).toBe(perClient - 1);
  });
});
