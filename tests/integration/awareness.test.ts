import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, type TestClient } from '../helpers/clients.ts';
import { awarenessFrame, encodeAwareness, queryAwarenessFrame } from '../helpers/frames.ts';
import { providerBarrier, whileConnected } from '../helpers/providerSocket.ts';
import { boardWsUrl, RawClient } from '../helpers/rawSocket.ts';
import { removeDir, startServer, type TestServer } from '../helpers/server.ts';
import { waitForAwareness } from '../helpers/wait.ts';

describe('awareness', () => {
  let srv: TestServer;
  const clients: TestClient[] = [];
  const raws: RawClient[] = [];
  const connect = (boardId: string, token: string) => {
    const c = connectClient(srv.wsUrl, boardId, token);
    clients.push(c);
    return c;
  };
  const raw = async (boardId: string, token: string) => {
    const r = await RawClient.open(boardWsUrl(srv.wsUrl, boardId, token));
    raws.push(r);
    return r;
  };

  beforeAll(async () => {
    srv = await startServer();
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    for (const r of raws) r.ws.terminate();
    await srv.stop();
    removeDir(srv.dataDir);
  });

  // SPEC R5: awareness updates are relayed to the other sessions; a leaving provider's state goes away.
  it('relays a participant’s user state and its removal when the provider leaves', async () => {
    const board = await srv.createBoard();
    const a = connect(board.id, board.tokens.edit);
    const b = connect(board.id, board.tokens.owner);
    await Promise.all([a.synced, b.synced]);
    const user = { name: '佐藤 花子', role: '相談支援専門員', color: '#e8590c' };
    a.provider.awareness.setLocalStateField('user', user);
    const aId = a.doc.clientID;
    await whileConnected(b, waitForAwareness(b.provider.awareness, (s) => JSON.stringify(s.get(aId)?.user) === JSON.stringify(user)));
    expect(b.provider.awareness.getStates().get(aId)?.user).toEqual(user);

    // A later change of the same participant is relayed too.
    a.provider.awareness.setLocalStateField('user', { ...user, role: '介護支援専門員' });
    await whileConnected(b, waitForAwareness(b.provider.awareness, (s) => (s.get(aId)?.user as { role?: string } | undefined)?.role === '介護支援専門員'));

    a.provider.disconnect();
    await whileConnected(b, waitForAwareness(b.provider.awareness, (s) => !s.has(aId)));
    expect(b.provider.awareness.getStates().has(aId)).toBe(false);
  });

  // SPEC R5: a stock provider re-broadcasts every awareness change it applies, including other
  // participants' states it just received. Such an echo (same clock) claims nothing and must not
  // close the session; otherwise two stock clients cannot share a board.
  it('keeps a stock provider that echoes another participant’s state', async () => {
    const board = await srv.createBoard();
    const a = connect(board.id, board.tokens.edit);
    const b = connect(board.id, board.tokens.edit);
    await Promise.all([a.synced, b.synced]);
    a.provider.awareness.setLocalStateField('user', { name: 'A', role: '本人', color: '#222' });
    await whileConnected(b, waitForAwareness(b.provider.awareness, (s) => s.has(a.doc.clientID)));
    // B's echo went out before this round trip on its socket; the server has handled it.
    await whileConnected(b, providerBarrier(b));
    expect(b.provider.wsconnected).toBe(true);
    b.provider.awareness.setLocalStateField('user', { name: 'B', role: '家族', color: '#333' });
    await whileConnected(a, waitForAwareness(a.provider.awareness, (s) => s.has(b.doc.clientID)));
    await whileConnected(a, providerBarrier(a));
    expect(a.provider.wsconnected).toBe(true);

    // The same on the wire: a raw session repeating A's state with A's clock stays open.
    const echo = await raw(board.id, board.tokens.edit);
    echo.send(queryAwarenessFrame());
    const known = await echo.next('awareness', (f) => f.entries.some((e) => e.clientId === a.doc.clientID));
    const entryOfA = known.entries.find((e) => e.clientId === a.doc.clientID)!;
    echo.send(awarenessFrame(encodeAwareness([entryOfA])));
    await echo.sync();
    expect(echo.isOpen).toBe(true);
  });

  // SPEC R5: when a session ends without saying goodbye, the server removes its states and relays the removal.
  it('removes the states of a session that vanished and tells the others', async () => {
    const board = await srv.createBoard();
    const b = connect(board.id, board.tokens.edit);
    await b.synced;
    const r = await raw(board.id, board.tokens.edit);
    const clientId = 4_242_424;
    r.send(awarenessFrame(encodeAwareness([{ clientId, clock: 1, state: { user: { name: '本人', role: '本人', color: '#2f9e44' } } }])));
    await whileConnected(b, waitForAwareness(b.provider.awareness, (s) => s.has(clientId)));

    // Drop the TCP connection: no null state is ever sent by the client.
    r.ws.terminate();
    await whileConnected(b, waitForAwareness(b.provider.awareness, (s) => !s.has(clientId)));

    // A late joiner does not get the stale state either.
    const late = await raw(board.id, board.tokens.view);
    late.send(queryAwarenessFrame());
    const answer = await late.next('awareness');
    expect(answer.entries.filter((e) => e.state !== null).map((e) => e.clientId)).not.toContain(clientId);
  });

  // SPEC R5: a session speaks only for the client ids it introduced: entries for another
  // session's id are dropped, the rest of the frame is applied, and the session stays.
  it('drops entries for another session’s client id and applies the rest of the frame', async () => {
    const board = await srv.createBoard();
    const victim = connect(board.id, board.tokens.edit);
    const watcher = connect(board.id, board.tokens.owner);
    await Promise.all([victim.synced, watcher.synced]);
    const user = { name: '山田 太郎', role: '家族', color: '#1971c2' };
    victim.provider.awareness.setLocalStateField('user', user);
    const victimId = victim.doc.clientID;
    await whileConnected(watcher, waitForAwareness(watcher.provider.awareness, (s) => s.has(victimId)));

    const attacker = await raw(board.id, board.tokens.edit);
    const own = { user: { name: '相談員', role: '相談支援専門員', color: '#000' } };
    attacker.send(
      awarenessFrame(
        encodeAwareness([
          { clientId: 777_001, clock: 1, state: own },
          { clientId: victimId, clock: 9_999, state: { user: { name: 'なりすまし', role: '本人', color: '#000' } } },
        ]),
      ),
    );
    // The attacker's own entry arrives; the forged one would have come in the same broadcast.
    await whileConnected(watcher, waitForAwareness(watcher.provider.awareness, (s) => s.has(777_001)));
    expect(watcher.provider.awareness.getStates().get(777_001)).toEqual(own);
    expect(watcher.provider.awareness.getStates().get(victimId)?.user).toEqual(user);
    expect(victim.provider.awareness.getLocalState()?.user).toEqual(user);
    await attacker.sync();
    expect(attacker.isOpen).toBe(true);

    // The server itself kept the victim's own state, not the forged one.
    const observer = await raw(board.id, board.tokens.view);
    observer.send(queryAwarenessFrame());
    const answer = await observer.next('awareness', (f) => f.entries.some((e) => e.clientId === 777_001));
    expect(answer.entries.find((e) => e.clientId === victimId)?.state?.user).toEqual(user);
    expect(victim.provider.wsconnected).toBe(true);
  });

  // SPEC R5: removing another participant (a null state for its id) is dropped as well.
  it('ignores a session that tries to remove another participant', async () => {
    const board = await srv.createBoard();
    const victim = connect(board.id, board.tokens.edit);
    const watcher = connect(board.id, board.tokens.edit);
    await Promise.all([victim.synced, watcher.synced]);
    victim.provider.awareness.setLocalStateField('user', { name: 'v', role: '本人', color: '#111' });
    const victimId = victim.doc.clientID;
    await whileConnected(watcher, waitForAwareness(watcher.provider.awareness, (s) => s.has(victimId)));
    const clock = victim.provider.awareness.meta.get(victimId)?.clock ?? 0;

    const attacker = await raw(board.id, board.tokens.edit);
    attacker.send(awarenessFrame(encodeAwareness([{ clientId: victimId, clock: clock + 1, state: null }])));
    await attacker.sync();
    const observer = await raw(board.id, board.tokens.view);
    observer.send(queryAwarenessFrame());
    const answer = await observer.next('awareness', (f) => f.entries.some((e) => e.clientId === victimId));
    expect(answer.entries.find((e) => e.clientId === victimId)?.state).not.toBeNull();
    // Anything relayed to the watcher would have arrived before a later change of the victim.
    victim.provider.awareness.setLocalStateField('user', { name: 'v2', role: '本人', color: '#111' });
    await whileConnected(
      watcher,
      waitForAwareness(watcher.provider.awareness, (s) => (s.get(victimId)?.user as { name?: string } | undefined)?.name === 'v2'),
    );
    expect(watcher.provider.awareness.getStates().has(victimId)).toBe(true);
  });
});
