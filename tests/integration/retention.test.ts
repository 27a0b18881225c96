import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RetentionInfoSchema, type CreatedRecord, type CreateBoardResponse, type CreateWorkshopResponse } from '../../shared/protocol/index.ts';
import { TEST_CONSENT } from '../helpers/consent.ts';
import { FakeClock } from '../helpers/fakeClock.ts';
import { api } from '../helpers/http.ts';
import { rawSql } from '../helpers/testStorage.ts';
import { removeDir, startServer, type TestServer } from '../helpers/server.ts';

const DAY = 24 * 3600_000;

// Issue 17: RETENTION_DAYS and RECORD_RETENTION_DAYS, applied daily (fake clock), logged in the
// audit log, and told to the owner in advance.
describe('retention', () => {
  let srv: TestServer;
  // Boards and records are stamped with this clock; the relay keeps the system clock.
  const clock = new FakeClock(Date.UTC(2029, 3, 1, 0, 0, 0));
  beforeAll(async () => {
    srv = await startServer({ clock, env: { RETENTION_DAYS: '30', RECORD_RETENTION_DAYS: '730' } });
  });
  afterAll(async () => {
    await srv.stop();
    removeDir(srv.dataDir);
  });

  /**
   * Advance the fake clock by whole days, letting each daily run finish. Runs fall a minute after
   * each day's start (the first a minute after the server started), so a day's run is past once
   * the day and a minute have gone.
   */
  const days = async (n: number) => {
    for (let i = 0; i < n; i++) {
      clock.advance(DAY);
      await srv.server.retention.whenIdle();
    }
  };
  const minute = async () => {
    clock.advance(60_000);
    await srv.server.retention.whenIdle();
  };
  const exists = async (id: string) => (await rawSql(srv.dataDir, 'SELECT id FROM boards WHERE id = ?', [id])).length === 1;
  const recordIds = async (boardId: string) => (await rawSql<{ id: string }>(srv.dataDir, 'SELECT id FROM meeting_records WHERE board_id = ?', [boardId])).map((r) => r.id).sort();
  const save = async (board: CreateBoardResponse): Promise<CreatedRecord> => {
    const res = await api(srv.baseUrl, 'POST', `/api/boards/${board.id}/records`, { token: board.tokens.owner, json: { consent: TEST_CONSENT } });
    expect(res.status).toBe(201);
    return res.body as CreatedRecord;
  };
  const events = async (boardId: string) => rawSql<{ event: string; detail: string }>(srv.dataDir, 'SELECT event, detail FROM audit_log WHERE board_id = ? ORDER BY seq', [boardId]);

  it('tells the owner in advance when the board and each record go', async () => {
    const board = await srv.createBoard({ title: '予告' });
    const record = await save(board);
    const info = RetentionInfoSchema.parse((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/retention`, { token: board.tokens.owner })).body);
    expect(info).toMatchObject({ boardDays: 30, recordDays: 730 });
    expect(info.boardDeletesAt).toBe(new Date(clock.now() + 30 * DAY).toISOString());
    expect(info.records).toEqual([{ id: record.id, title: record.title, deletesAt: new Date(clock.now() + 730 * DAY).toISOString() }]);
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/retention`, { token: board.tokens.edit })).status).toBe(403);
  });

  it('deletes boards untouched for RETENTION_DAYS and records older than RECORD_RETENTION_DAYS, nothing else', async () => {
    const idle = await srv.createBoard({ title: '放置された会議' });
    const busy = await srv.createBoard({ title: '続いている会議' });
    const oldRecord = await save(busy);
    await days(29);
    expect(await exists(idle.id)).toBe(true);
    // Edited on day 29: its 30 days start again.
    await srv.server.storage.touchBoard(busy.id, new Date(clock.now()));
    await days(1);
    expect(await exists(idle.id)).toBe(true);
    // Day 30's run, a minute into the day: 30 days and a minute untouched.
    await minute();
    expect(await exists(idle.id)).toBe(false);
    expect(await exists(busy.id)).toBe(true);
    const idleLog = await events(idle.id);
    expect(idleLog.at(-1)?.event).toBe('retention.board-deleted');
    expect(JSON.parse(idleLog.at(-1)?.detail ?? '{}')).toMatchObject({ link: 'system', keepRecords: true });

    // Keep the busy board alive while its record ages: edited every 20 days.
    const youngRecord = { id: '' };
    for (let d = 30; d < 735; d += 20) {
      await srv.server.storage.touchBoard(busy.id, new Date(clock.now()));
      if (d === 450) youngRecord.id = (await save(busy)).id;
      await days(20);
    }
    expect(await exists(busy.id)).toBe(true);
    // 730 days after it was made, the old record went; the younger one stays.
    expect(await recordIds(busy.id)).toEqual([youngRecord.id]);
    const expired = (await events(busy.id)).filter((e) => e.event === 'record.expired');
    expect(expired.map((e) => JSON.parse(e.detail) as { recordId: string })).toEqual([expect.objectContaining({ recordId: oldRecord.id, retentionDays: 730 })]);
  });

  it('deletes a whole workshop once every one of its documents is untouched for RETENTION_DAYS', async () => {
    const create = async (title: string): Promise<CreateWorkshopResponse> => {
      const res = await api(srv.baseUrl, 'POST', '/api/workshops', { json: { title, template: 'exercise-1', groups: 2 } });
      expect(res.status).toBe(201);
      return res.body as CreateWorkshopResponse;
    };
    const idle = await create('終わった研修');
    const busy = await create('続いている研修');
    const docsOf = async (id: string) => (await rawSql<{ id: string }>(srv.dataDir, 'SELECT id FROM boards WHERE id = ? OR workshop_id = ?', [id, id])).map((r) => r.id);
    const idleDocs = await docsOf(idle.id);
    expect(idleDocs.length).toBe(3); // the state document and two group boards
    // Made with the system clock: bring every document to the fake clock's today.
    for (const id of [...idleDocs, ...(await docsOf(busy.id))]) await srv.server.storage.touchBoard(id, new Date(clock.now()));
    await days(20);
    // One group board of the busy workshop is still being written on.
    await srv.server.storage.touchBoard(busy.groups[1]!.boardId, new Date(clock.now()));
    await days(10);
    await minute();
    for (const id of idleDocs) expect(await exists(id), id).toBe(false);
    expect(await exists(busy.id)).toBe(true);
    expect(await exists(busy.groups[0]!.boardId)).toBe(true);
    expect((await events(idle.id)).at(-1)?.event).toBe('retention.board-deleted');
  });
});
