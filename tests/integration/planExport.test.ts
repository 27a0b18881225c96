// The plan leaves the board as data (issue 14, CONTRACT.md): plan.csv?format=careplan-2 is a
// ケアプラン 第2表 draft in MS932 with the standard's column order (介護保険最新情報 Vol.1156),
// and plan.json follows docs/plan-schema.json. Real server, real SQLite, stock providers.
import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsMap } from '../../shared/doc/index.ts';
import { CAREPLAN2_COLUMNS, PlanJsonSchema } from '../../shared/plan/index.ts';
import { planItemDefaults } from '../../shared/shapes/index.ts';
import { FIRST_PAGE_ID } from '../../shared/templates/records.ts';
import { connectClient, putRecord, waitForDoc, type TestClient } from '../helpers/clients.ts';
import { api, apiError } from '../helpers/http.ts';
import { removeDir, startServer, type TestServer } from '../helpers/server.ts';

describe('plan export', () => {
  let srv: TestServer;
  const clients: TestClient[] = [];
  const connect = (boardId: string, token: string) => {
    const c = connectClient(srv.wsUrl, boardId, token);
    clients.push(c);
    return c;
  };
  const get = (path: string, token?: string) => fetch(`${srv.baseUrl}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

  beforeAll(async () => {
    srv = await startServer();
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await srv.stop();
    removeDir(srv.dataDir);
  });

  it('answers the 第2表 draft in MS932, header in the standard’s order, with a live edit and its warnings', async () => {
    const board = await srv.createBoard({ template: 'exercise-1' });
    const editor = connect(board.id, board.tokens.edit);
    const watcher = connect(board.id, board.tokens.view);
    await Promise.all([editor.synced, watcher.synced]);
    putRecord(editor.doc, {
      id: 'shape:plan-live', typeName: 'shape', type: 'rb-plan', x: 0, y: 5000, rotation: 0, index: 'a9', parentId: FIRST_PAGE_ID,
      isLocked: false, opacity: 1, meta: {},
      props: { ...planItemDefaults(), need: '夜ぐっすり眠りたい🙂', priority: 9, support: '訪問介護（夜間）', goalPeriod: '2026年4月〜2026年9月', insured: 'yes' },
    });
    // The view client receives the item only once the server has applied it.
    await waitForDoc(watcher.doc, (d) => recordsMap(d).has('shape:plan-live'));

    const res = await get(`/api/boards/${board.id}/plan.csv?format=careplan-2`, board.tokens.view);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv; charset=shift_jis/i);
    const bytes = Buffer.from(await res.arrayBuffer());
    const text = iconv.decode(bytes, 'cp932');
    // The bytes are MS932: re-encoding the decoded text gives them back exactly.
    expect(iconv.encode(text, 'cp932').equals(bytes)).toBe(true);
    const lines = text.split('\r\n').filter((l) => l !== '');
    const cells = (line: string) => line.slice(1, -1).split('","');
    expect(cells(lines[0]!)).toEqual([...CAREPLAN2_COLUMNS]);
    const rows = lines.slice(1).map(cells);
    const at = (c: (typeof CAREPLAN2_COLUMNS)[number]) => CAREPLAN2_COLUMNS.indexOf(c);
    // exercise-1's four plan items and the live one, in 優先順位 order.
    expect(rows.map((r) => r[at('課題')])).toEqual([
      'ひまわり工房でパン作りを続けたい',
      '母とこの家で暮らし続けたい。ヘルパーには自分の順番でやってほしい',
      '日中は静かな場所で、絵や散歩をして過ごしたい',
      'お金の心配をしないで暮らしたい',
      '夜ぐっすり眠りたい?',
    ]);
    expect(rows[1]?.[at('サービス事業所名')]).toBe('ヘルパーステーション「あゆみ」');
    // 保険対象区分 is the standard's code (Y:対象 / N:対象外), not the paper form's ○.
    expect(rows[1]?.[at('保険対象区分')]).toBe('Y');
    expect(rows[0]?.[at('保険対象区分')]).toBe('N');
    // 〜 (WAVE DASH) is written as MS932's ～, not lost.
    expect(rows[4]?.[at('短期期間')]).toBe('2026年4月～2026年9月');

    const warnings = JSON.parse(decodeURIComponent(res.headers.get('x-plan-warnings') ?? '')) as { code: string; column: string | null; message: string }[];
    expect(warnings.filter((w) => w.code === 'unknown-column').map((w) => w.column)).toEqual(expect.arrayContaining(['保険者番号', '被保険者番号', 'サービス事業者コード']));
    expect(warnings.find((w) => w.code === 'unencodable')?.message).toContain('🙂');
  });

  it('refuses a missing or unknown format (400 naming format), a missing token (401), an unknown board (404)', async () => {
    const board = await srv.createBoard({ template: 'blank' });
    for (const q of ['', '?format=careplan-3']) {
      const res = await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/plan.csv${q}`, { token: board.tokens.view });
      expect(res.status).toBe(400);
      expect(apiError(res.body)?.field).toBe('format');
    }
    expect((await get(`/api/boards/${board.id}/plan.csv?format=careplan-2`)).status).toBe(401);
    expect((await get(`/api/boards/${board.id}/plan.json`)).status).toBe(401);
    expect((await get('/api/boards/nosuchboard00/plan.json', board.tokens.view)).status).toBe(404);
  });

  it('answers plan.json valid under its schema, with the person’s own words kept apart', async () => {
    const board = await srv.createBoard({ template: 'exercise-1' });
    const res = await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/plan.json`, { token: board.tokens.view });
    expect(res.status).toBe(200);
    const plan = PlanJsonSchema.parse(res.body);
    expect(plan.board).toEqual({ id: board.id, title: expect.any(String) });
    expect(plan.items.map((i) => i.priority)).toEqual([1, 2, 3, 4]);
    expect(plan.items[0]).toMatchObject({ serviceKind: '就労継続支援B型', insured: false, owner: 'soudan', ownerLabel: '相談支援専門員' });
    expect(plan.clientWords.length).toBeGreaterThan(0);
    // The documented schema names exactly the fields the answer has.
    const schema = JSON.parse(readFileSync(new URL('../../docs/plan-schema.json', import.meta.url), 'utf8')) as {
      required: string[]; $defs: { item: { required: string[]; properties: Record<string, unknown> } };
    };
    expect(Object.keys(plan).sort()).toEqual([...schema.required].sort());
    expect(Object.keys(plan.items[0]!).sort()).toEqual([...schema.$defs.item.required].sort());
    expect(Object.keys(schema.$defs.item.properties).sort()).toEqual([...schema.$defs.item.required].sort());
  });
});
