import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awarenessFrame, encodeAwareness } from '../helpers/frames.ts';
import { boardWsUrl, RawClient } from '../helpers/rawSocket.ts';
import { createBoardAt } from '../helpers/server.ts';
import { waitForAwareness } from '../helpers/wait.ts';
import { ScaleFixture, within, type Instance } from './helpers.ts';

/** Well below the 30 s after which y-protocols drops a silent state by itself. */
const REMOVAL_MS = 5000;

/** An awareness state as the contract shapes it: `{ user: { name, role, color }, presence }`. */
const participant = (name: string, role: string, x: number) => ({
  user: { name, role, color: '#1e88e5' },
  presence: { cursor: { x, y: 0, type: 'default', rotation: 0 }, currentPageId: 'page:main' },
});

const cursorX = (state: Record<string, unknown> | undefined): number | undefined =>
  (state?.presence as { cursor?: { x: number } } | undefined)?.cursor?.x;

// SPEC R5, R9: awareness crosses instances through Redis, and so does its removal when a
// participant's session ends on the other instance.
describe('two instances: awareness', () => {
  let fx: ScaleFixture;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    fx = await ScaleFixture.create();
    [a, b] = await Promise.all([fx.start('A'), fx.start('B')]);
  });
  afterAll(async () => fx?.dispose());

  it('shows each participant on the other instance, follows their moves, and removes them when they leave', async () => {
    const board = await createBoardAt(a.baseUrl, { title: '在席' });
    const onA = fx.connect(a, board.id, board.tokens.edit);
    const onB = fx.connect(b, board.id, board.tokens.view);
    await Promise.all([onA.synced, onB.synced]);
    const idA = onA.doc.clientID;
    const idB = onB.doc.clientID;

    onA.provider.awareness.setLocalState(participant('相談員 佐藤', '相談支援専門員', 10));
    onB.provider.awareness.setLocalState(participant('ケアマネ 鈴木', '介護支援専門員', 20));
    await waitForAwareness(onB.provider.awareness, (s) => cursorX(s.get(idA)) === 10);
    await waitForAwareness(onA.provider.awareness, (s) => cursorX(s.get(idB)) === 20);
    const seenOnB = onB.provider.awareness.getStates().get(idA) as Record<string, unknown>;
    expect(seenOnB.user).toEqual({ name: '相談員 佐藤', role: '相談支援専門員', color: '#1e88e5' });

    // A move is relayed as well, both ways.
    onA.provider.awareness.setLocalStateField('presence', participant('', '', 11).presence);
    onB.provider.awareness.setLocalStateField('presence', participant('', '', 21).presence);
    await waitForAwareness(onB.provider.awareness, (s) => cursorX(s.get(idA)) === 11);
    await waitForAwareness(onA.provider.awareness, (s) => cursorX(s.get(idB)) === 21);

    // A late joiner on B sees the participant on A at once (B holds A's state in its room).
    const lateOnB = fx.connect(b, board.id, board.tokens.view);
    await waitForAwareness(lateOnB.provider.awareness, (s) => cursorX(s.get(idA)) === 11 && cursorX(s.get(idB)) === 21);

    // The participant on A leaves: the stock provider sends no removal of its own on destroy,
    // so the removal B's clients see is the one A's server made and relayed.
    // Clients also drop a state after 30 s without renewal, so the removal must come sooner.
    onA.provider.destroy();
    await within(waitForAwareness(onB.provider.awareness, (s) => !s.has(idA)), REMOVAL_MS, 'removal seen on B');
    await within(waitForAwareness(lateOnB.provider.awareness, (s) => !s.has(idA)), REMOVAL_MS, 'removal seen by the late joiner');
    expect(onB.provider.awareness.getStates().has(idB)).toBe(true);
  });

  it('removes the state of a participant whose socket dies without a goodbye', async () => {
    const board = await createBoardAt(b.baseUrl, { title: '切断' });
    const onA = fx.connect(a, board.id, board.tokens.edit);
    const onB = fx.connect(b, board.id, board.tokens.edit);
    await Promise.all([onA.synced, onB.synced]);
    onB.provider.awareness.setLocalState(participant('本人', '本人', 5));
    await waitForAwareness(onA.provider.awareness, (s) => cursorX(s.get(onB.doc.clientID)) === 5);
    // No reconnect, and the socket is cut from the client side without any closing frame.
    onB.provider.shouldConnect = false;
    (onB.provider.ws as unknown as { terminate(): void }).terminate();
    await within(waitForAwareness(onA.provider.awareness, (s) => !s.has(onB.doc.clientID)), REMOVAL_MS, 'removal seen on A');
  });

  // SPEC R5 across instances: a session may only speak for the client ids it introduced. Here
  // a session on B claims the id of a participant connected to A and sends a state of its own
  // making. On one instance the claim is refused; across instances B knows no owner for the
  // id, applies it and publishes it, so everyone, A's clients and the victim included, shows
  // the forged name and role.
  it('does not let a session on B speak for a participant connected to A', async () => {
    const board = await createBoardAt(a.baseUrl, { title: 'なりすまし' });
    const victim = fx.connect(a, board.id, board.tokens.edit);
    const watcherA = fx.connect(a, board.id, board.tokens.view);
    const watcherB = fx.connect(b, board.id, board.tokens.view);
    await Promise.all([victim.synced, watcherA.synced, watcherB.synced]);
    const id = victim.doc.clientID;
    victim.provider.awareness.setLocalState(participant('本人', '本人', 7));
    await waitForAwareness(watcherB.provider.awareness, (s) => cursorX(s.get(id)) === 7);
    await waitForAwareness(watcherA.provider.awareness, (s) => cursorX(s.get(id)) === 7);

    const clock = victim.provider.awareness.meta.get(id)?.clock ?? 0;
    const spoofer = await RawClient.open(boardWsUrl(b.wsUrl, board.id, board.tokens.edit));
    spoofer.send(awarenessFrame(encodeAwareness([{ clientId: id, clock: clock + 1, state: participant('偽物', '家族', 666) }])));
    // A round trip on the spoofer's socket, then one from B to A: whatever B made of the claim
    // has reached A's clients by then.
    await spoofer.closeOrAnswer();
    watcherB.provider.awareness.setLocalStateField('mark', 1);
    await waitForAwareness(watcherA.provider.awareness, (s) => s.get(watcherB.doc.clientID)?.mark === 1);
    spoofer.ws.terminate();
    expect(cursorX(watcherA.provider.awareness.getStates().get(id))).toBe(7);
    expect(cursorX(watcherB.provider.awareness.getStates().get(id))).toBe(7);
  });
});
