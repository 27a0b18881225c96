import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { recordsMap } from '../../shared/doc/index.ts';
import { noteProps } from '../../shared/templates/styles.ts';
import { type CreateWorkshopResponse, type JoinWorkshopResponse, type MyBallots } from '../../shared/protocol/index.ts';
import { ballotKey, readBallots, readReactions, readVote, tally, type VoteConfig } from '../../shared/workshop/index.ts';
import { connectClient, waitForDoc, type TestClient } from '../helpers/clients.ts';
import { api, apiError } from '../helpers/http.ts';
import { providerBarrier } from '../helpers/providerSocket.ts';
import { removeDir, startServer, type TestServer } from '../helpers/server.ts';

// Issue 15, dot voting (docs/SPEC.md W1): the facilitator starts a vote on some groups;
// members vote for notes and cards of their group's board; a vote beyond the allowance (or
// twice for one item, or from a group not voting, or after the close) is refused by the
// server; results reach every dashboard and board through the workshop's state document.

describe('dot voting', () => {
  let srv: TestServer;
  let w: CreateWorkshopResponse;
  let a: JoinWorkshopResponse;
  let b: JoinWorkshopResponse;
  let c: JoinWorkshopResponse;
  const clients: TestClient[] = [];
  const join = async (name: string, group: number) => (await api(srv.baseUrl, 'POST', '/api/workshops/join', { json: { code: w.joinCode, group, name, role: 'soudan' } })).body as JoinWorkshopResponse;
  const vote = (who: JoinWorkshopResponse, target: string) => api(srv.baseUrl, 'POST', `/api/workshops/${w.id}/votes/current/ballots`, { token: who.token, json: { target } });
  const start = (body: Record<string, unknown>) => api(srv.baseUrl, 'POST', `/api/workshops/${w.id}/votes`, { token: w.tokens.facilitator, json: body });

  beforeAll(async () => {
    srv = await startServer();
    w = (await api(srv.baseUrl, 'POST', '/api/workshops', { json: { title: '研修', template: 'exercise-1', groups: 2 } })).body as CreateWorkshopResponse;
    a = await join('青木', 0);
    b = await join('伊藤', 0);
    c = await join('佐藤', 1);
  });
  afterEach(() => {
    for (const x of clients.splice(0)) x.destroy();
  });
  afterAll(async () => {
    await srv.stop();
    removeDir(srv.dataDir);
  });

  it('refuses a vote beyond the allowance, twice for one item, from a group not voting, and for what is not there', async () => {
    const started = await start({ question: 'いちばん大事な課題は？', perPerson: 2, onePerItem: true, anonymous: false, groups: [0] });
    expect(started.status).toBe(201);
    const config = started.body as VoteConfig;
    expect(config).toMatchObject({ perPerson: 2, onePerItem: true, groups: [0], closedAt: null });

    const first = await vote(a, 'shape:family-0');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ vote: config.id, targets: ['shape:family-0'], remaining: 1 });
    const again = await vote(a, 'shape:family-0');
    expect(again.status).toBe(409);
    expect(apiError(again.body)?.message).toMatch(/^これにはもう投票しています/);
    expect((await vote(a, 'shape:family-1')).status).toBe(201);
    const beyond = await vote(a, 'shape:voice-0');
    expect(beyond.status).toBe(409);
    expect(apiError(beyond.body)).toMatchObject({ code: 'vote_refused' });
    expect(apiError(beyond.body)?.message).toMatch(/^持ち票を使い切りました。 \/ You have used all your votes/);

    expect(apiError((await vote(c, 'shape:family-0')).body)?.message).toMatch(/^あなたのグループは/);
    const missing = await vote(b, 'shape:nothing-here');
    expect(missing.status).toBe(409);
    expect(apiError(missing.body)?.field).toBe('target');
    // A frame is not something to vote for.
    expect((await vote(b, 'shape:frame-summary')).status).toBe(409);
    // Only members vote; only the facilitator starts.
    expect((await api(srv.baseUrl, 'POST', `/api/workshops/${w.id}/votes/current/ballots`, { token: w.tokens.facilitator, json: { target: 'shape:family-0' } })).status).toBe(403);
    expect((await api(srv.baseUrl, 'POST', `/api/workshops/${w.id}/votes`, { token: a.token, json: { question: 'x', perPerson: 1, onePerItem: false, anonymous: true } })).status).toBe(403);
    expect((await start({ question: 'x', perPerson: 11, onePerItem: false, anonymous: true })).status).toBe(400);
  });

  it('votes sent at once never exceed the allowance', async () => {
    await start({ question: '同時に', perPerson: 2, onePerItem: false, anonymous: true });
    const answers = await Promise.all(['shape:family-0', 'shape:family-1', 'shape:voice-0', 'shape:voice-1', 'shape:family-0'].map((t) => vote(b, t)));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 201, 409, 409, 409]);
    const mine = (await api(srv.baseUrl, 'GET', `/api/workshops/${w.id}/votes/current/mine`, { token: b.token })).body as MyBallots;
    expect(mine.targets).toHaveLength(2);
    expect(mine.remaining).toBe(0);
  });

  it('results reach the dashboard live through the state document; members cannot write ballots themselves; a closed vote takes no more', async () => {
    const dashboard = connectClient(srv.wsUrl, w.id, w.tokens.facilitator);
    const member = connectClient(srv.wsUrl, w.id, a.token);
    clients.push(dashboard, member);
    await Promise.all([dashboard.synced, member.synced]);
    const config = (await start({ question: '結果を見る', perPerson: 3, onePerItem: false, anonymous: false })).body as VoteConfig;
    await waitForDoc(dashboard.doc, (d) => readVote(d)?.id === config.id);
    await vote(a, 'shape:family-0');
    await vote(b, 'shape:family-0');
    await vote(c, 'shape:family-0');
    await waitForDoc(dashboard.doc, (d) => readBallots(d, config.id).length === 3);
    const results = tally(readBallots(dashboard.doc, config.id), 0);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ target: 'shape:family-0', count: 2, names: ['青木', '伊藤'] });
    expect(results[0]?.label).toContain('母');
    expect(tally(readBallots(dashboard.doc, config.id), 1)[0]?.count).toBe(1);

    // A member's own write of a ballot is dropped by the relay (their token only reads the state).
    member.doc.getMap('workshop').set(ballotKey(config.id, 'forged', 0), { vote: config.id, group: 0, target: 'shape:family-1', label: 'x', voter: 'forged', at: 0 });
    await providerBarrier(member);
    await providerBarrier(dashboard);
    expect(readBallots(dashboard.doc, config.id)).toHaveLength(3);

    expect((await api(srv.baseUrl, 'POST', `/api/workshops/${w.id}/votes/current/close`, { token: w.tokens.facilitator })).status).toBe(200);
    expect(apiError((await vote(a, 'shape:family-1')).body)?.message).toMatch(/^投票は終わっています/);
    await waitForDoc(dashboard.doc, (d) => readVote(d)?.closedAt !== null);
    // The groups' boards are untouched by voting.
    const board = connectClient(srv.wsUrl, a.boardId, a.token);
    clients.push(board);
    await board.synced;
    expect(recordsMap(board.doc).has('shape:family-0')).toBe(true);

    // Saved: each group's record keeps its own sticky notes and the vote's results, and its minutes print them.
    const note = { id: 'shape:aoki-note', typeName: 'shape', type: 'note', x: 40, y: 200, rotation: 0, index: 'a9', parentId: 'shape:frame-summary', isLocked: false, opacity: 1, meta: { author: { name: '青木', role: 'soudan' } }, props: noteProps('本人の楽しみを先に聞く') };
    recordsMap(board.doc).set(note.id, note as never);
    await providerBarrier(board);
    const saved = await api(srv.baseUrl, 'POST', `/api/workshops/${w.id}/records`, { token: w.tokens.facilitator, json: { title: '演習' } });
    expect(saved.status).toBe(201);
    const first = (saved.body as { boardId: string; record: { id: string } }[])[0]!;
    const minutes = await fetch(`${srv.baseUrl}/api/boards/${first.boardId}/records/${first.record.id}/minutes.html`, { headers: { authorization: `Bearer ${w.tokens.facilitator}` } });
    const html = await minutes.text();
    expect(html).toContain('【グループの付箋・メモ】');
    expect(html).toContain('［事例概要］本人の楽しみを先に聞く（青木）');
    expect(html).toContain('【投票】結果を見る');
    expect(html).toMatch(/1\. 2票　母/);
    // The template's own notes are the case, not the group's.
    expect(html.split('【グループの付箋・メモ】')[1]?.split('【投票】')[0]).not.toContain('トシ子');
  });

  it('reactions: one per kind, card and member, counted per card, taken back; only on their own board', async () => {
    const dashboard = connectClient(srv.wsUrl, w.id, w.tokens.facilitator);
    clients.push(dashboard);
    await dashboard.synced;
    const react = (who: JoinWorkshopResponse, body: Record<string, unknown>) => api(srv.baseUrl, 'POST', `/api/workshops/${w.id}/reactions`, { token: who.token, json: body });
    const mine = await react(a, { target: 'shape:voice-0', kind: 'agree', on: true });
    expect(mine.status).toBe(200);
    await react(a, { target: 'shape:voice-0', kind: 'agree', on: true });
    await react(b, { target: 'shape:voice-0', kind: 'agree', on: true });
    await react(b, { target: 'shape:voice-0', kind: 'question', on: true });
    await waitForDoc(dashboard.doc, (d) => readReactions(d, 0).get('shape:voice-0')?.counts.question === 1);
    const me = (mine.body as { voter: string }).voter;
    const entry = readReactions(dashboard.doc, 0, me).get('shape:voice-0')!;
    expect(entry.counts).toEqual({ agree: 2, question: 1, check: 0 });
    expect([...entry.mine]).toEqual(['agree']);
    await react(b, { target: 'shape:voice-0', kind: 'agree', on: false });
    await waitForDoc(dashboard.doc, (d) => readReactions(d, 0).get('shape:voice-0')?.counts.agree === 1);
    // Group 2's member reacts on their own board only; a frame takes no reaction.
    expect((await react(c, { target: 'shape:voice-0', kind: 'check', on: true })).status).toBe(200);
    await waitForDoc(dashboard.doc, (d) => readReactions(d, 1).get('shape:voice-0')?.counts.check === 1);
    expect(readReactions(dashboard.doc, 0).get('shape:voice-0')?.counts.check).toBe(0);
    expect((await react(a, { target: 'shape:frame-summary', kind: 'check', on: true })).status).toBe(400);
    expect((await react(a, { target: 'shape:voice-0', kind: 'love', on: true })).status).toBe(400);
  });
});
