// @vitest-environment jsdom
// docs/SPEC.md D4: a board whose stored document holds records from before validation (wrong
// props, malformed rich text; and a self-parent, a parent cycle, an orphan, which are read on the page) still gives minutes,
// JSON and .tldr exports and diffs — 200, the bad records named, never a 500 or a hang.
// The records are written straight into storage as a raw Yjs update, bypassing the relay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { recordsMap, type StoredRecord } from '../../shared/doc/index.ts';
import { CreatedRecordSchema, type CreateBoardResponse, type CreatedRecord } from '../../shared/protocol/index.ts';
import { findDocumentRepairs, validateRecord } from '../../shared/records/index.ts';
import { serviceCardDefaults } from '../../shared/shapes/index.ts';
import { FIRST_PAGE_ID } from '../../shared/templates/index.ts';
import { api } from '../helpers/http.ts';
import { removeDir, startServer, type TestServer } from '../helpers/server.ts';

function card(id: string, service: string, parentId: string, props: Record<string, unknown> = {}): StoredRecord {
  return {
    id,
    typeName: 'shape',
    type: 'rb-service',
    parentId,
    index: 'a1',
    x: 0,
    y: 0,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: {},
    props: { ...serviceCardDefaults(), service, ...props },
  };
}

const BAD = {
  bogus: card('shape:bogus', '居宅介護（壊れた状態）', FIRST_PAGE_ID, { status: 'bogus' }),
  badNote: {
    ...card('shape:badnote', '', FIRST_PAGE_ID),
    type: 'note',
    props: { color: 'yellow', richText: { type: 'doc', content: 'not-an-array' }, size: 'm', font: 'draw', align: 'middle', verticalAlign: 'middle', growY: 0, url: '', scale: 1, labelColor: 'black', fontSizeAdjustment: 0, textLastEditedBy: null },
  },
};
// A self-parent is refused by the relay (D2) but, once stored, is a cycle of one: read on the page.
const SELF = card('shape:self', '自分が親のカード', 'shape:self');
// Valid one by one, but together a parent cycle and an orphan: read as if on the page.
const CYCLE = [card('shape:loop-a', '循環A', 'shape:loop-b'), card('shape:loop-b', '循環B', 'shape:loop-a')];
const ORPHAN = card('shape:orphan', '親のないカード', 'shape:deleted-frame');

describe('stored invalid records are reported and skipped by every reader (D4)', () => {
  let srv: TestServer;
  let board: CreateBoardResponse;
  let first: CreatedRecord;
  let later: CreatedRecord;

  /** Write `records` into the board's stored document as one raw update, as an old server would have. */
  async function writeRaw(records: StoredRecord[], boardId = board.id): Promise<void> {
    const stored = await srv.server.storage.loadDocument(boardId);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(doc, u);
    const before = Y.encodeStateVector(doc);
    doc.transact(() => {
      for (const r of records) recordsMap(doc).set(r.id, r);
    });
    await srv.server.storage.appendUpdate(boardId, Y.encodeStateAsUpdate(doc, before));
    doc.destroy();
  }

  async function saveRecord(title: string): Promise<CreatedRecord> {
    const res = await api(srv.baseUrl, 'POST', `/api/boards/${board.id}/records`, { token: board.tokens.owner, json: { title } });
    expect(res.status).toBe(201);
    return CreatedRecordSchema.parse(res.body);
  }

  const get = (path: string) => fetch(`${srv.baseUrl}/api/boards/${board.id}${path}`, { headers: { authorization: `Bearer ${board.tokens.view}` } });

  beforeAll(async () => {
    srv = await startServer();
    board = await srv.createBoard({ template: 'exercise-1', title: '壊れた記録のあるボード' });
    // The fixture is what it claims to be: each bad record fails the schema, the others pass.
    for (const r of Object.values(BAD)) expect(validateRecord(r).ok).toBe(false);
    for (const r of [...CYCLE, ORPHAN]) expect(validateRecord(r)).toEqual({ ok: true });
    expect(validateRecord(SELF).ok).toBe(false);
    await writeRaw([...Object.values(BAD), SELF, ...CYCLE, ORPHAN]);
    first = await saveRecord('壊れた記録を含む記録');
    await writeRaw([card('shape:after', '後から足したカード', FIRST_PAGE_ID)]);
    later = await saveRecord('その後の記録');
  });

  afterAll(async () => {
    await srv?.stop();
    if (srv) removeDir(srv.dataDir);
  });

  it('minutes.html of the record and of a later record answer 200 and name the skipped records in a visible note', async () => {
    for (const [rec, lang] of [[first, 'ja'], [later, 'ja'], [later, 'en']] as const) {
      const res = await get(`/records/${rec.id}/minutes.html?lang=${lang}`);
      expect(res.status).toBe(200);
      const html = new DOMParser().parseFromString(await res.text(), 'text/html');
      const note = html.querySelector('section.skipped[role="note"]');
      expect(note?.querySelector('h2')?.textContent).toBe(lang === 'ja' ? '読み込めなかった項目' : 'Items that could not be read');
      const items = [...(note?.querySelectorAll('li code') ?? [])].map((c) => c.textContent);
      expect(items).toEqual(['shape:badnote', 'shape:bogus']);
      // The valid cards are read, those of the cycle and the orphan included; the bad ones are not.
      const services = [...html.querySelectorAll('td')].map((td) => td.textContent);
      for (const name of ['循環A', '循環B', '親のないカード', '自分が親のカード']) expect(services).toContain(name);
      expect(services).not.toContain('居宅介護（壊れた状態）');
      expect(services.includes('後から足したカード')).toBe(rec === later);
    }
  });

  it('export.json answers 200 with a skipped field naming each left-out record and why', async () => {
    const res = await get(`/records/${later.id}/export.json`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { skipped: { id: string; type: string; error: string }[]; content: { services: { id: string; frame: string | null }[] } };
    expect(body.skipped.map((s) => [s.id, s.type])).toEqual([
      ['shape:badnote', 'note'],
      ['shape:bogus', 'rb-service'],
    ]);
    expect(body.skipped.find((s) => s.id === 'shape:bogus')?.error).toContain('status');
    expect(body.skipped.find((s) => s.id === 'shape:badnote')?.error).toContain('richText');
    const ids = body.content.services.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['shape:loop-a', 'shape:loop-b', 'shape:orphan', 'shape:self', 'shape:after']));
    expect(ids).not.toContain('shape:bogus');
  });

  it('the board and record .tldr exports leave the bad records out, name them in a header, and import again', async () => {
    for (const path of ['/export.tldr', `/records/${later.id}/export.tldr`]) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-skipped-records')).toBe('shape%3Abadnote,shape%3Abogus');
      const file = (await res.json()) as { records: StoredRecord[] };
      const ids = file.records.map((r) => r.id);
      expect(ids).not.toContain('shape:bogus');
      expect(ids).toEqual(expect.arrayContaining(['shape:loop-a', 'shape:loop-b', 'shape:orphan', 'shape:self']));
      // Orphans and cycles come out on the page, so the file is sound and imports again.
      expect(findDocumentRepairs(file.records)).toEqual([]);
      const imported = await api(srv.baseUrl, 'POST', '/api/boards/import', { json: { title: '読み込み直し', file } });
      expect(imported.status).toBe(201);
    }
  });

  it('the diff between the two records answers 200 and sees only the valid change', async () => {
    const res = await get(`/records/diff?from=${first.id}&to=${later.id}`);
    expect(res.status).toBe(200);
    const diff = (await res.json()) as { added: { id: string }[]; removed: unknown[]; changed: unknown[] };
    expect(diff.added.map((c) => c.id)).toEqual(['shape:after']);
    expect(diff.removed).toEqual([]);
  });

  it('the facilitator dashboard draws a group board holding them: 200, the re-homed cards drawn, the bad one not', async () => {
    const created = await api(srv.baseUrl, 'POST', '/api/workshops', { json: { title: '研修', template: 'blank', groups: 2 } });
    expect(created.status).toBe(201);
    const w = created.body as { id: string; tokens: { facilitator: string }; groups: { boardId: string }[] };
    const group = w.groups[0]!.boardId;
    await writeRaw([BAD.bogus, SELF, ORPHAN, ...CYCLE], group);
    const res = await api(srv.baseUrl, 'GET', `/api/workshops/${w.id}/overview`, { token: w.tokens.facilitator });
    expect(res.status).toBe(200);
    const first = (res.body as { groups: { boardId: string; shapeCount: number; svg: string }[] }).groups.find((g) => g.boardId === group);
    // Four valid shapes (self-parent, cycle of two, orphan) drawn as boxes; the invalid card is neither counted nor drawn.
    expect(first?.shapeCount).toBe(4);
    expect(first?.svg.match(/<rect /g)?.length).toBe(4);
  });
});
