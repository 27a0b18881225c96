// docs/SPEC.md D4 in a real browser: a board whose stored document holds a self-parented
// shape, a parent cycle, an orphan and a card with wrong props (as an old server could have
// stored them) opens; tldraw does not loop; the self-parent, the cycle and the orphan show on
// the page; the minutes of a record of it open and name the record they left out.
// The records are written into the server's SQLite file while it is stopped.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStorage } from '../../server/storage/index.ts';
import { recordsMap, type StoredRecord } from '../../shared/doc/index.ts';
import type { CreateBoardResponse } from '../../shared/protocol/index.ts';
import { geoProps, shapeRecord } from '../helpers/clients.ts';
import { collectPageErrors, launchChromium, newParticipant, openBoard, screenshot, type BoardWindow } from '../helpers/browser.ts';
import { startProcessServer, type ProcessServer } from '../helpers/processServer.ts';
import { TEST_CONSENT } from '../helpers/consent.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkei-e2e-broken-'));
let server: ProcessServer | undefined;
let browser: Browser;
let board: CreateBoardResponse;

const shape = (id: string, label: string, parentId: string, x: number, y: number): StoredRecord =>
  shapeRecord(id, { parentId, x, y, props: geoProps(label, { w: 220, h: 90 }) });

const BROKEN: StoredRecord[] = [
  shape('self', '自分が親の図形', 'shape:self', 100, 100),
  shape('ring-a', '循環A', 'shape:ring-b', 400, 100),
  shape('ring-b', '循環B', 'shape:ring-a', 0, 150),
  shape('orphan', '親のない図形', 'shape:deleted-frame', 100, 300),
  shapeRecord('bogus', { parentId: 'page:main', x: 400, y: 400, props: geoProps('壊れた図形', { geo: 'bogus' }) }),
];

async function writeIntoStorage(boardId: string, records: StoredRecord[]): Promise<void> {
  const storage = new SqliteStorage({ dataDir });
  try {
    const stored = await storage.loadDocument(boardId);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(doc, u);
    const before = Y.encodeStateVector(doc);
    doc.transact(() => {
      for (const r of records) recordsMap(doc).set(r.id, r);
    });
    await storage.appendUpdate(boardId, Y.encodeStateAsUpdate(doc, before));
  } finally {
    await storage.close();
  }
}

beforeAll(async () => {
  const first = await startProcessServer({ env: { DATA_DIR: dataDir } });
  board = await first.createBoard({ title: '壊れた図形のあるボード' });
  await first.stop();
  await writeIntoStorage(board.id, BROKEN);
  server = await startProcessServer({ env: { DATA_DIR: dataDir } });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a board with broken stored records', () => {
  it('opens in the browser with the self-parent, the cycle and the orphan on the page, and its minutes name what they left out', async () => {
    const context = await newParticipant(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await openBoard(page, `${server!.baseUrl}/b/${board.id}#t=${board.tokens.owner}`, { name: '田中', role: 'soudan' });
    const seen = await page.evaluate(() => {
      const editor = (window as BoardWindow).editor!;
      editor.zoomToFit();
      const pageId = editor.getCurrentPageId();
      return editor
        .getCurrentPageShapes()
        .map((s) => ({ id: s.id as string, parent: s.parentId === pageId ? 'page' : (s.parentId as string), pageOf: editor.getAncestorPageId(s) === pageId }))
        .sort((a, b) => (a.id < b.id ? -1 : 1));
    });
    expect(seen).toEqual([
      { id: 'shape:orphan', parent: 'page', pageOf: true },
      { id: 'shape:ring-a', parent: 'page', pageOf: true },
      { id: 'shape:ring-b', parent: 'shape:ring-a', pageOf: true },
      { id: 'shape:self', parent: 'page', pageOf: true },
    ]);
    // What a person sees: the labels of the re-homed shapes on the canvas; not the broken one.
    for (const label of ['自分が親の図形', '循環A', '循環B', '親のない図形']) await page.getByText(label, { exact: true }).first().waitFor();
    expect(await page.getByText('壊れた図形', { exact: true }).count()).toBe(0);
    await screenshot(page, 'broken-records/01-board-opens');

    const saved = await fetch(`${server!.baseUrl}/api/boards/${board.id}/records`, {
      method: 'POST',
      headers: { authorization: `Bearer ${board.tokens.owner}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: '壊れた図形を含む記録', consent: TEST_CONSENT }),
    });
    expect(saved.status).toBe(201);
    const rec = (await saved.json()) as { id: string };
    const minutes = await context.newPage();
    await minutes.setExtraHTTPHeaders({ authorization: `Bearer ${board.tokens.view}` });
    const res = await minutes.goto(`${server!.baseUrl}/api/boards/${board.id}/records/${rec.id}/minutes.html`);
    expect(res?.status()).toBe(200);
    // The minutes hold other notes too (e.g. that no 会議の要点 was entered): this one names what was left out.
    const note = minutes.getByRole('note').filter({ has: minutes.getByRole('heading', { name: '読み込めなかった項目' }) });
    await expect.poll(() => note.locator('h2').textContent()).toBe('読み込めなかった項目');
    expect(await note.locator('li code').allTextContents()).toEqual(['shape:bogus']);
    expect(await note.locator('li').allInnerTexts()).toEqual(['shape:bogus（図形）']);
    expect(await note.isVisible()).toBe(true);
    await note.scrollIntoViewIfNeeded();
    await screenshot(minutes, 'broken-records/02-minutes-name-the-skipped-record');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
