import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateBoardResponse, RecordInfo } from '../../shared/protocol/index.ts';
import { REPO_ROOT, startProcessServer, type ProcessServer } from '../helpers/processServer.ts';

// Meeting records in a real browser: save a record of an exercise-1 board from the records
// panel, compare two, open one read-only, and print its minutes to PDF with Chromium, read
// back with pdftotext (poppler-utils) so that Japanese headings are text, not tofu.
// Screenshots of each step go to tests/e2e/artifacts/.

const ARTIFACTS = path.join(REPO_ROOT, 'tests', 'e2e', 'artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--lang=ja-JP'];
const PARTICIPANT = '田中 相談員';
const FIRST_TITLE = '第1回 移行支援会議（e2e）';
const SECOND_TITLE = '第2回 移行支援会議（e2e）';

interface ShapeInfo {
  id: string;
  type: string;
  props: Record<string, unknown>;
}

let server: ProcessServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let board: CreateBoardResponse;
const pageErrors: string[] = [];

async function shot(p: Page, name: string, fullPage = false): Promise<void> {
  await p.screenshot({ path: path.join(ARTIFACTS, `records-${name}.png`), fullPage });
}

/** Every shape of the document (all pages), read through tldraw's `window.editor` hook. */
async function allShapes(p: Page): Promise<ShapeInfo[]> {
  return p.evaluate(() =>
    window
      .editor!.store.allRecords()
      .filter((r) => r.typeName === 'shape')
      .map((r) => {
        const s = r as unknown as { id: string; type: string; props: Record<string, unknown> };
        return { id: s.id, type: s.type, props: s.props };
      }),
  );
}

/** The API, called from the test with a token. */
async function apiGet<T>(p: string, token: string): Promise<T> {
  const res = await fetch(`${server.baseUrl}${p}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status, p).toBe(200);
  return (await res.json()) as T;
}

/** Remove all whitespace: PDF text extraction and <br> break lines where the source did not. */
const squash = (s: string) => s.replace(/\s+/g, '');

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await startProcessServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'ja-JP', acceptDownloads: true });
  page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('meeting records in the browser', () => {
  let boardShapes: ShapeInfo[] = [];
  let changedCard: ShapeInfo | undefined;
  let first: RecordInfo | undefined;
  let pdfText = '';

  it('opens a board made from exercise-1 as its owner', async () => {
    board = await server.createBoard({ title: '山本さん 移行支援会議', template: 'exercise-1' });
    await page.goto(`${server.baseUrl}/b/${board.id}#t=${encodeURIComponent(board.tokens.owner)}`);
    await page.getByTestId('identity-name').fill(PARTICIPANT);
    await page.getByTestId('identity-role').selectOption('soudan');
    await page.getByTestId('identity-enter').click();
    await page.getByTestId('records-panel').waitFor();
    await page.waitForFunction(() => window.editor !== undefined && window.editor.getCurrentPageShapes().length > 0);
    await page.evaluate(() => { window.editor!.zoomToFit({ animation: { duration: 0 } }); });
    boardShapes = await allShapes(page);
    expect(boardShapes.filter((s) => s.type === 'rb-service').length).toBeGreaterThan(0);
    await shot(page, '01-board');
  });

  it('saves a record from the records panel, with who is present as attendees', async () => {
    await page.getByTestId('record-open-save').click();
    const attendee = page.getByRole('textbox', { name: '名前 1' });
    await expect.poll(() => attendee.inputValue(), { timeout: 10_000 }).toBe(PARTICIPANT);
    await page.getByTestId('record-title').fill(FIRST_TITLE);
    await page.getByTestId('record-note').fill('認定結果が出たら、もう一度集まる。');
    await shot(page, '02-save-dialog');
    await page.getByTestId('record-save').click();

    const list = page.getByTestId('records-list');
    await list.locator('li', { hasText: FIRST_TITLE }).waitFor();
    expect(await list.locator('li').count()).toBe(1);
    const records = await apiGet<RecordInfo[]>(`/api/boards/${board.id}/records`, board.tokens.view);
    expect(records.map((r) => r.title)).toEqual([FIRST_TITLE]);
    first = records[0];
    expect(first?.attendees).toEqual([{ name: PARTICIPANT, role: 'soudan' }]);
    expect(first?.participants).toEqual([{ name: PARTICIPANT, role: 'soudan' }]);
    await list.scrollIntoViewIfNeeded();
    await shot(page, '03-saved');
  });

  it('saves a second record after a card’s status changed, and compares the two', async () => {
    changedCard = boardShapes.find((s) => s.type === 'rb-service' && s.props.status === 'in-use');
    expect(changedCard).toBeDefined();
    const cardId = changedCard!.id;
    await page.evaluate((id) => { window.editor!.updateShape({ id: id as never, type: 'rb-service', props: { status: 'ending' } }); }, cardId);
    // The change has reached the server before the record is taken.
    await expect
      .poll(async () => (await apiGet<{ records: ShapeInfo[] }>(`/api/boards/${board.id}/export.tldr`, board.tokens.view)).records.find((r) => r.id === cardId)?.props.status)
      .toBe('ending');

    await page.getByTestId('record-open-save').click();
    await page.getByTestId('record-title').fill(SECOND_TITLE);
    await page.getByTestId('record-save').click();
    const list = page.getByTestId('records-list');
    await list.locator('li', { hasText: SECOND_TITLE }).waitFor();
    // Newest first.
    await expect.poll(() => list.locator('li strong').allTextContents()).toEqual([SECOND_TITLE, FIRST_TITLE]);

    for (const title of [FIRST_TITLE, SECOND_TITLE]) await list.locator('li', { hasText: title }).getByRole('checkbox').check();
    await page.getByTestId('record-compare').click();
    const diff = page.getByTestId('record-diff');
    await diff.waitFor();
    await expect.poll(() => diff.textContent()).toContain(`${String(changedCard!.props.service)} — 状態: 利用中 → 終了予定`);
    await diff.scrollIntoViewIfNeeded();
    await shot(page, '04-compare');
  });

  it('opens the first record read-only, with the board as it was', async () => {
    await page.getByTestId('records-list').locator('li', { hasText: FIRST_TITLE }).getByTestId('record-open').click();
    await page.waitForURL(new RegExp(`/b/${board.id}/r/${first!.id}`));
    await page.getByTestId('record-viewer-note').waitFor({ state: 'visible' });
    await page.waitForFunction(() => window.editor !== undefined && window.editor.getCurrentPageShapes().length > 0);
    expect(await page.evaluate(() => window.editor!.getIsReadonly())).toBe(true);

    const shapes = await allShapes(page);
    expect(new Set(shapes.map((s) => s.id))).toEqual(new Set(boardShapes.map((s) => s.id)));
    expect(shapes.find((s) => s.id === changedCard!.id)?.props.status).toBe('in-use');
    expect(await page.locator('h1').first().textContent()).toBe(FIRST_TITLE);

    // Keys that would edit do nothing here (focus on the canvas first, then select the card).
    await page.getByTestId('canvas').first().click({ position: { x: 5, y: 300 } });
    await page.evaluate((id) => { window.editor!.select(id as never); }, changedCard!.id);
    expect(await page.evaluate(() => window.editor!.getSelectedShapeIds().length)).toBe(1);
    await page.keyboard.press('Delete');
    expect(await page.evaluate((id) => window.editor!.getShape(id as never) !== undefined, changedCard!.id)).toBe(true);
    await page.evaluate(() => { window.editor!.zoomToFit({ animation: { duration: 0 } }); });
    await shot(page, '05-record-viewer');
  });

  it('exports the record as a .tldr file from the viewer', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-tldr').click()]);
    const file = path.join(ARTIFACTS, 'record.tldr');
    await download.saveAs(file);
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { tldrawFileFormatVersion: number; records: ShapeInfo[] };
    expect(parsed.tldrawFileFormatVersion).toBe(1);
    expect(parsed.records.find((r) => r.id === changedCard!.id)?.props.status).toBe('in-use');
  });

  it('opens the minutes from the viewer in a new tab', async () => {
    const [tab] = await Promise.all([context.waitForEvent('page'), page.getByTestId('viewer-minutes').click()]);
    await tab.waitForLoadState();
    await tab.locator('h1', { hasText: 'サービス担当者会議の要点' }).waitFor();
    await tab.locator('dl.meta dd', { hasText: FIRST_TITLE }).waitFor();
    expect(await tab.locator('h2').allTextContents()).toEqual(expect.arrayContaining(['会議出席者', '本人の言葉', '現在のサービス（制度別）']));
    await shot(tab, '06-minutes-tab', true);
    await tab.close();
  });

  it('prints the minutes to an A4 PDF whose text is Japanese, not tofu', async () => {
    const printing = await browser.newContext({ locale: 'ja-JP', extraHTTPHeaders: { authorization: `Bearer ${board.tokens.view}` } });
    try {
      const minutes = await printing.newPage();
      const res = await minutes.goto(`${server.baseUrl}/api/boards/${board.id}/records/${first!.id}/minutes.html`);
      expect(res?.status()).toBe(200);
      await minutes.evaluate(() => document.fonts.ready.then(() => undefined));
      await shot(minutes, '07-minutes', true);
      const pdf = path.join(ARTIFACTS, 'minutes.pdf');
      await minutes.pdf({ path: pdf, format: 'A4', printBackground: true });
      expect(fs.statSync(pdf).size).toBeGreaterThan(1000);

      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
      fs.writeFileSync(path.join(ARTIFACTS, 'minutes.txt'), text);
      const flat = squash(text);
      for (const heading of ['サービス担当者会議の要点', '会議出席者', '本人の言葉', '現在のサービス', '支援計画の項目']) expect(flat, heading).toContain(heading);
      expect(flat).toContain(squash(FIRST_TITLE));
      expect(flat).toContain(squash(PARTICIPANT));
      expect(flat).toContain(squash(String(changedCard!.props.service)));
      expect(flat).toContain('利用中');
      expect(text).not.toContain('\uFFFD');

      // The glyphs were drawn with a CJK font, not a last-resort font's empty boxes: ask
      // Chromium which platform fonts rendered the Japanese headings.
      const cdp = await printing.newCDPSession(minutes);
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument');
      const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'h2' });
      expect(nodeIds.length).toBeGreaterThan(4);
      const used = new Map<string, number>();
      for (const nodeId of nodeIds) {
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        for (const f of fonts) used.set(f.familyName, (used.get(f.familyName) ?? 0) + f.glyphCount);
      }
      await cdp.detach();
      expect([...used.keys()].length).toBeGreaterThan(0);
      for (const family of used.keys()) expect(family, JSON.stringify([...used])).toMatch(/CJK|JP|Japanese|Gothic/i);
      pdfText = text;
    } finally {
      await printing.close();
    }
  });

  // The template's spoken voices carry their own 「」 and the minutes quote them again
  // (server/records/minutes.ts wraps each voice in <q>, rendered 「…」 on a ja page).
  it('prints each voice of the person quoted once, not 「「…」」', () => {
    expect(pdfText).toContain('パンを作るのが好き');
    expect(pdfText).not.toContain('「「');
  });

  it('raised no uncaught errors in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
