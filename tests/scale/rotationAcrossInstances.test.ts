import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsMap } from '../../shared/doc/index.ts';
import { CloseCode } from '../../shared/protocol/index.ts';
import { putRecord, shapeRecord, waitForDoc } from '../helpers/clients.ts';
import { api } from '../helpers/http.ts';
import { createBoardAt } from '../helpers/server.ts';
import { nextClose, ScaleFixture, type Instance } from './helpers.ts';

// SPEC R7 across instances: a rotation on one instance closes the old links' sessions on every
// instance at once (a revocation on the bus), and nothing they write afterwards is kept.
describe('two instances: rotating a link', () => {
  let fx: ScaleFixture;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    fx = await ScaleFixture.create();
    [a, b] = await Promise.all([fx.start('A'), fx.start('B')]);
  });
  afterAll(async () => fx?.dispose());

  it('closes the rotated role on the other instance too, and keeps the others', async () => {
    const board = await createBoardAt(a.baseUrl, { title: 'ローテーション' });
    const editorOnB = fx.connect(b, board.id, board.tokens.edit);
    const viewerOnB = fx.connect(b, board.id, board.tokens.view);
    const ownerOnA = fx.connect(a, board.id, board.tokens.owner);
    await Promise.all([editorOnB.synced, viewerOnB.synced, ownerOnA.synced]);
    // Both instances have the board loaded and relay between them.
    putRecord(editorOnB.doc, shapeRecord('before', { x: 1 }));
    await waitForDoc(ownerOnA.doc, (d) => recordsMap(d).has('shape:before'));

    const closed = nextClose(editorOnB.provider);
    const rotated = await api(a.baseUrl, 'POST', `/api/boards/${board.id}/links/rotate`, { token: board.tokens.owner, json: { roles: ['edit'] } });
    expect(rotated.status).toBe(200);
    expect(await closed).toBe(CloseCode.TokenRevoked);

    // The view link was not rotated: its session on B goes on and sees the owner's edits.
    putRecord(ownerOnA.doc, shapeRecord('after', { x: 2 }));
    await waitForDoc(viewerOnB.doc, (d) => recordsMap(d).has('shape:after'));
    // The old edit token is refused at B's door.
    const again = await fetch(`${b.baseUrl}/api/boards/${board.id}`, { headers: { authorization: `Bearer ${board.tokens.edit}` } });
    expect(again.status).toBe(401);
  });
});
