import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsMap } from '../../shared/doc/index.ts';
import { putRecord, shapeRecord, waitForDoc } from '../helpers/clients.ts';
import { createBoardAt } from '../helpers/server.ts';
import { waitUntil } from '../helpers/wait.ts';
import { canonicalRecords, ScaleFixture, type Instance } from './helpers.ts';

// Rooms unload soon after their last session leaves, and compact only when they unload, so a
// moved snapshot mark tells that a room is gone (SPEC R6: unsubscribed, final snapshot stored).
const ENV = { ROOM_IDLE_MS: '100', COMPACT_IDLE_MS: '3600000', COMPACT_EVERY_UPDATES: '100000' };

// SPEC R6, R9, S2: a client joining late on either instance is sent the whole board in its
// first sync: updates relayed into a room it had loaded, and updates written through the
// other instance while it had no room for the board.
describe('two instances: late joiners', () => {
  let fx: ScaleFixture;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    fx = await ScaleFixture.create();
    [a, b] = await Promise.all([fx.start('A', { env: ENV }), fx.start('B', { env: ENV })]);
  });
  afterAll(async () => fx?.dispose());

  const snapshotMark = async (boardId: string) =>
    Number((await fx.schema.pool.query<{ upto_seq: string }>('SELECT upto_seq FROM doc_snapshots WHERE board_id = $1', [boardId])).rows[0]?.upto_seq ?? 0);

  for (const [here, there] of [['A', 'B'], ['B', 'A']] as const) {
    it(`a late joiner on ${here} gets what was written through ${there}, with and without ${here}'s room loaded`, async () => {
      const x = here === 'A' ? a : b;
      const y = there === 'A' ? a : b;
      const board = await createBoardAt(y.baseUrl, { title: `late ${here}` });
      const onX = fx.connect(x, board.id, board.tokens.edit);
      const onY = fx.connect(y, board.id, board.tokens.edit);
      await Promise.all([onX.synced, onY.synced]);

      // Both rooms loaded: writes through both, relayed across.
      for (let i = 0; i < 5; i++) putRecord(onX.doc, shapeRecord(`x${i}`, { x: i }));
      for (let i = 0; i < 5; i++) putRecord(onY.doc, shapeRecord(`y${i}`, { x: i }));
      await waitForDoc(onX.doc, (d) => recordsMap(d).has('shape:y4'));
      await waitForDoc(onY.doc, (d) => recordsMap(d).has('shape:x4'));
      const joinX = fx.connect(x, board.id, board.tokens.view);
      const joinY = fx.connect(y, board.id, board.tokens.view);
      await Promise.all([joinX.synced, joinY.synced]);
      // Checked right after the first sync: it came in the server's answer, not later.
      expect(canonicalRecords(joinX.doc)).toBe(canonicalRecords(onY.doc));
      expect(canonicalRecords(joinY.doc)).toBe(canonicalRecords(onX.doc));

      // Everyone leaves `here`; its room stores a final snapshot and is released.
      onX.provider.destroy();
      joinX.provider.destroy();
      await waitUntil(async () => (await snapshotMark(board.id)) > 0, { what: `${here} to unload the board`, timeoutMs: 10_000, intervalMs: 25 });

      // Writes through `there` while `here` has no room: creations, an overwrite, a deletion.
      for (let i = 5; i < 10; i++) putRecord(onY.doc, shapeRecord(`y${i}`, { x: i }));
      putRecord(onY.doc, shapeRecord('x0', { x: 100 }));
      recordsMap(onY.doc).delete('shape:x1');
      recordsMap(onY.doc).delete('shape:y0');
      // Seen by the other client on `there`, so stored (SPEC R1).
      await waitForDoc(joinY.doc, (d) => recordsMap(d).has('shape:y9') && !recordsMap(d).has('shape:y0'));

      const late = fx.connect(x, board.id, board.tokens.view);
      await late.synced;
      expect(canonicalRecords(late.doc)).toBe(canonicalRecords(onY.doc));
      const got = recordsMap(late.doc);
      expect(got.get('shape:x0')?.x).toBe(100);
      expect(got.has('shape:x1')).toBe(false);
      expect(got.has('shape:y0')).toBe(false);
      expect(got.get('shape:y9')?.x).toBe(9);

      // And `here`, loaded again, relays new writes from `there` as before.
      putRecord(onY.doc, shapeRecord('after', { x: 1 }));
      await waitForDoc(late.doc, (d) => recordsMap(d).has('shape:after'));
    });
  }
});
