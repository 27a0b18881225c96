import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsMap } from '../../shared/doc/index.ts';
import { CloseCode, LINK_NAME_KEY, linkNameOf, type CreatedPersonalLink } from '../../shared/protocol/index.ts';
import { putRecord, shapeRecord, waitForDoc } from '../helpers/clients.ts';
import { waitForAwareness } from '../helpers/wait.ts';
import { api } from '../helpers/http.ts';
import { createBoardAt } from '../helpers/server.ts';
import { nextClose, ScaleFixture, type Instance } from './helpers.ts';

// Issue 17 across instances: revoking one personal link on A closes that link's sessions on B at
// once (a revocation by token hash on the bus) and no other session, personal or shared.
describe('two instances: revoking a personal link', () => {
  let fx: ScaleFixture;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    fx = await ScaleFixture.create();
    [a, b] = await Promise.all([fx.start('A'), fx.start('B')]);
  });
  afterAll(async () => fx?.dispose());

  it('closes only the revoked link\'s sessions, on the other instance too', async () => {
    const board = await createBoardAt(a.baseUrl, { title: '個別リンク' });
    const issue = async (name: string): Promise<CreatedPersonalLink> => {
      const res = await api(a.baseUrl, 'POST', `/api/boards/${board.id}/personal-links`, { token: board.tokens.owner, json: { name, role: 'edit' } });
      expect(res.status).toBe(201);
      return res.body as CreatedPersonalLink;
    };
    const son = await issue('長男');
    const nurse = await issue('訪問看護 佐々木');
    const sonOnB = fx.connect(b, board.id, son.token);
    const sonAgainOnA = fx.connect(a, board.id, son.token);
    const nurseOnB = fx.connect(b, board.id, nurse.token);
    const sharedOnB = fx.connect(b, board.id, board.tokens.edit);
    const ownerOnA = fx.connect(a, board.id, board.tokens.owner);
    await Promise.all([sonOnB.synced, sonAgainOnA.synced, nurseOnB.synced, sharedOnB.synced, ownerOnA.synced]);
    putRecord(sonOnB.doc, shapeRecord('from-son'));
    await waitForDoc(ownerOnA.doc, (d) => recordsMap(d).has('shape:from-son'));

    const closedOnB = nextClose(sonOnB.provider);
    const closedOnA = nextClose(sonAgainOnA.provider);
    const res = await api(a.baseUrl, 'DELETE', `/api/boards/${board.id}/personal-links/${son.id}`, { token: board.tokens.owner });
    expect(res.status).toBe(200);
    expect(await closedOnB).toBe(CloseCode.TokenRevoked);
    expect(await closedOnA).toBe(CloseCode.TokenRevoked);

    // The nurse's personal link and the shared edit link go on, on B, both ways.
    putRecord(ownerOnA.doc, shapeRecord('after-revoke'));
    await waitForDoc(nurseOnB.doc, (d) => recordsMap(d).has('shape:after-revoke'));
    await waitForDoc(sharedOnB.doc, (d) => recordsMap(d).has('shape:after-revoke'));
    putRecord(nurseOnB.doc, shapeRecord('from-nurse'));
    await waitForDoc(ownerOnA.doc, (d) => recordsMap(d).has('shape:from-nurse'));
    expect(nurseOnB.provider.wsconnected && sharedOnB.provider.wsconnected).toBe(true);
    // B refuses the revoked token at its door.
    expect((await api(b.baseUrl, 'GET', `/api/boards/${board.id}`, { token: son.token })).status).toBe(401);
  });

  // The participants panel reads the link name from awareness, where the relay stamps it: it
  // reaches participants on every instance, and nobody can claim a link they did not come with.
  it('tells participants on the other instance which link someone came with, and only the true one', async () => {
    const board = await createBoardAt(a.baseUrl, { title: '誰のリンクか' });
    const res = await api(a.baseUrl, 'POST', `/api/boards/${board.id}/personal-links`, { token: board.tokens.owner, json: { name: '長女 美咲', role: 'edit' } });
    expect(res.status).toBe(201);
    const daughter = fx.connect(a, board.id, (res.body as CreatedPersonalLink).token);
    const shared = fx.connect(a, board.id, board.tokens.edit);
    const watcherOnB = fx.connect(b, board.id, board.tokens.owner);
    await Promise.all([daughter.synced, shared.synced, watcherOnB.synced]);
    // The daughter claims another name; the shared link's holder claims a link it never had.
    daughter.provider.awareness.setLocalState({ user: { name: 'みさき', role: 'family', color: '#aa3366' }, [LINK_NAME_KEY]: '主治医' });
    shared.provider.awareness.setLocalState({ user: { name: '山田', role: 'soudan', color: '#3366aa' }, [LINK_NAME_KEY]: '個別リンクのふり' });
    const d = daughter.provider.awareness.clientID;
    const s = shared.provider.awareness.clientID;
    await waitForAwareness(watcherOnB.provider.awareness, (states) => (states.get(d) as { user?: { name?: string } } | undefined)?.user?.name === 'みさき' && (states.get(s) as { user?: { name?: string } } | undefined)?.user?.name === '山田');
    const states = watcherOnB.provider.awareness.getStates();
    expect(linkNameOf(states.get(d))).toBe('長女 美咲');
    expect(linkNameOf(states.get(s))).toBeUndefined();
  });

  it('closes a deleted board\'s sessions on the other instance with board-gone', async () => {
    const board = await createBoardAt(a.baseUrl, { title: '削除する会議' });
    const onB = fx.connect(b, board.id, board.tokens.edit);
    await onB.synced;
    const closed = nextClose(onB.provider);
    const res = await api(a.baseUrl, 'DELETE', `/api/boards/${board.id}`, { token: board.tokens.owner, json: { confirm: '削除する会議' } });
    expect(res.status).toBe(200);
    expect(await closed).toBe(CloseCode.BoardGone);
    expect((await api(b.baseUrl, 'GET', `/api/boards/${board.id}`, { token: board.tokens.edit })).status).toBe(404);
  });
});
