import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkshopState, resetTimer, startTimer, writeWorkshopState } from '../../shared/workshop/index.ts';
import { connectClient, waitForDoc, type TestClient } from '../helpers/clients.ts';
import { REPO_ROOT, startProcessServer, type ProcessServer } from '../helpers/processServer.ts';

// A training workshop in real browsers (issue #6): a facilitator and two participants in
// different groups. Phase and timer reach both; the dashboard sees both groups' new shapes;
// a private note shared with its author; a presentation shows group 1's board read-only to
// group 2, following the presenter; the bulk record saves every group; the minutes open.
// Screenshots of each step go to tests/e2e/artifacts/workshop-*.png.

const ARTIFACTS = path.join(REPO_ROOT, 'tests', 'e2e', 'artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let server: ProcessServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const nodeClients: TestClient[] = [];
let facilitator: Page;
let p1: Page; // グループ1 (index 0)
let p2: Page; // グループ2 (index 1)
let workshopId = '';
let facilitatorToken = '';
let joinCode = '';

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1500, height: 950 }, locale: 'ja-JP' });
  contexts.push(context);
  return context.newPage();
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `workshop-${name}.png`) });
}

/** Which canvas the participant view shows: private, group or presentation. */
function canvasKind(page: Page): Promise<string | null> {
  return page.getByTestId('ws-tools').getAttribute('data-canvas');
}

/** The board the mounted editor shows, by its document's title in the header. */
function boardTitle(page: Page): Promise<string | null> {
  return page.locator('.rb-board__title').textContent();
}

/** Wait until the participant's canvas is `kind` with an editor ready on it. */
async function canvasReady(page: Page, kind: string): Promise<void> {
  await expect.poll(() => canvasKind(page), { timeout: 20_000 }).toBe(kind);
  await page.waitForFunction(() => window.editor !== undefined && !window.editor.isDisposed, undefined, { timeout: 20_000 });
}

/** Create a note with `text` on the participant's current board through the editor; select it. */
function addNote(page: Page, text: string, x: number, y: number): Promise<string> {
  return page.evaluate(
    ({ text, x, y }) => {
      const editor = window.editor!;
      const id = `shape:e2e-${Math.random().toString(36).slice(2)}`;
      editor.createShape({ id: id as never, type: 'note', x, y, props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } } as never });
      editor.select(id as never);
      return id;
    },
    { text, x, y },
  );
}

/** The notes on the mounted board whose text contains `needle`, with their meta. */
function notesWith(page: Page, needle: string): Promise<{ id: string; meta: Record<string, unknown> }[]> {
  return page.evaluate(
    (n) =>
      window
        .editor!.getCurrentPageShapes()
        .filter((s) => JSON.stringify(s.props).includes(n))
        .map((s) => ({ id: s.id, meta: s.meta as Record<string, unknown> })),
    needle,
  );
}

async function groupCard(i: number): Promise<{ shapes: number; thumb: string | null }> {
  const card = facilitator.getByTestId(`ws-group-${i}`);
  const shapes = Number((await card.getAttribute('data-shapes')) || -1);
  const thumb = await card.locator('img').getAttribute('src').catch(() => null);
  return { shapes, thumb };
}

async function joinAs(page: Page, group: number, name: string, role: string): Promise<void> {
  await page.goto(`${server.baseUrl}/j/${joinCode}`);
  await page.getByTestId('ws-join-form').waitFor();
  await page.getByTestId(`ws-join-group-${group}`).check();
  await page.getByTestId('ws-join-name').fill(name);
  await page.getByTestId('ws-join-role').selectOption(role);
  if (group === 0) await shot(page, '02-join-page');
  await page.getByTestId('ws-join-submit').click();
  await page.waitForURL(`**/w/${workshopId}/g`);
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await startProcessServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--lang=ja-JP', '--autoplay-policy=no-user-gesture-required'] });
  facilitator = await newPage();
  p1 = await newPage();
  p2 = await newPage();
});

afterAll(async () => {
  for (const c of nodeClients) c.destroy();
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe('a training workshop: facilitator and two groups', () => {
  it('the facilitator creates a workshop of two groups and sees the join code', async () => {
    await facilitator.goto(`${server.baseUrl}/w/new`);
    await facilitator.getByTestId('ws-title').fill('相談支援従事者研修 演習1');
    await expect.poll(() => facilitator.getByTestId('ws-template').locator('option').count()).toBeGreaterThan(1);
    await facilitator.getByTestId('ws-template').selectOption('exercise-1');
    await facilitator.getByTestId('ws-groups').fill('2');
    await facilitator.getByTestId('ws-create').click();
    joinCode = (await facilitator.getByTestId('ws-join-code').textContent())!.trim();
    expect(joinCode).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(await facilitator.getByTestId('ws-join-link').textContent()).toBe(`${server.baseUrl}/j/${joinCode}`);
    await shot(facilitator, '01-created');

    await facilitator.getByTestId('ws-open-dashboard').click();
    await facilitator.getByTestId('ws-dashboard').waitFor();
    const url = new URL(facilitator.url());
    workshopId = url.pathname.split('/')[2]!;
    facilitatorToken = decodeURIComponent(new URLSearchParams(url.hash.slice(1)).get('t')!);
    // The facilitator link is kept on this browser, like a board's owner link.
    const kept = await facilitator.evaluate(() => localStorage.getItem('renkei.workshops.facilitated'));
    expect(kept).toContain(facilitatorToken);
    await expect.poll(() => facilitator.getByTestId('ws-state-status').getAttribute('data-status')).toBe('synced');
  });

  it('two participants join different groups and start in their private notes (個人ワーク)', async () => {
    await joinAs(p1, 0, '田中 相談員', 'soudan');
    await joinAs(p2, 1, '佐藤 ケアマネ', 'caremanager');
    for (const p of [p1, p2]) {
      await canvasReady(p, 'private');
      await expect.poll(() => p.getByTestId('ws-phase').textContent()).toContain('個人ワーク');
    }
    expect(await boardTitle(p1)).toContain('田中 相談員の個人ワーク');
    await shot(p1, '02-joined-private');
    const membership = await p1.evaluate((id) => JSON.parse(localStorage.getItem(`renkei.workshop.member.${id}`)!) as Record<string, unknown>, workshopId);
    expect(membership).toMatchObject({ workshopId, groupIndex: 0, joinCode });
    expect(membership.privateBoardId).not.toBe(membership.boardId);
  });

  it('a private note stays private until shared; shared, it lands on the group board with its author', async () => {
    await facilitator.getByTestId('ws-groups').getByTestId('ws-group-0').waitFor();
    await expect.poll(() => groupCard(0).then((c) => c.shapes), { timeout: 10_000 }).toBeGreaterThanOrEqual(0);
    const before = await groupCard(0);

    await addNote(p1, '本人は自宅での生活を続けたい（田中）', 0, 0);
    await addNote(p1, 'まだ言えない気がかり', 300, 0);
    await p1.evaluate(() => void window.editor!.zoomToFit({ animation: { duration: 0 } }));
    await shot(p1, '03-private-notes');

    // Select only the first one and share it.
    await p1.evaluate(() => {
      const editor = window.editor!;
      const first = editor.getCurrentPageShapes().find((s) => JSON.stringify(s.props).includes('自宅での生活'))!;
      editor.select(first.id);
    });
    await p1.getByTestId('ws-share-selected').click();
    await canvasReady(p1, 'group');
    await expect.poll(() => notesWith(p1, '自宅での生活を続けたい'), { timeout: 15_000 }).toHaveLength(1);
    const [shared] = await notesWith(p1, '自宅での生活を続けたい');
    expect(shared!.meta.author).toEqual({ name: '田中 相談員', role: 'soudan' });
    expect(await notesWith(p1, 'まだ言えない気がかり')).toHaveLength(0);
    expect(await p1.getByTestId('ws-toast').textContent()).toContain('1個');
    // Issue 13: the note is never cut by a frame's edge: any frame it touches holds it whole,
    // and inside a frame it covers none of the frame's other shapes.
    const fit = await p1.evaluate((id) => {
      const editor = window.editor!;
      const b = editor.getShapePageBounds(id as never)!;
      const box = (x: { x: number; y: number; w: number; h: number }) => ({ x: x.x, y: x.y, w: x.w, h: x.h });
      const frames = editor.getCurrentPageShapes().filter((s) => s.type === 'frame').map((f) => box(editor.getShapePageBounds(f)!));
      const parent = editor.getShape(editor.getShape(id as never)!.parentId as never);
      const siblings = parent ? editor.getSortedChildIdsForParent(parent.id).filter((c) => c !== id).map((c) => box(editor.getShapePageBounds(c)!)) : [];
      return { note: box(b), frames, inFrame: parent?.type === 'frame', siblings };
    }, shared!.id);
    const cut = (a: typeof fit.note, o: typeof fit.note) => a.x < o.x + o.w && o.x < a.x + a.w && a.y < o.y + o.h && o.y < a.y + a.h;
    const inside = (a: typeof fit.note, o: typeof fit.note) => a.x >= o.x && a.y >= o.y && a.x + a.w <= o.x + o.w && a.y + a.h <= o.y + o.h;
    for (const f of fit.frames.filter((f) => cut(fit.note, f))) expect(inside(fit.note, f), 'the shared note is whole inside the frame it is on').toBe(true);
    // The group board's view opens on a frame (事例概要), so the note is put in it.
    expect(fit.inFrame, 'the shared note is placed in the frame it was shared onto').toBe(true);
    expect(fit.siblings.filter((o) => cut(fit.note, o))).toEqual([]);
    await p1.getByTestId('ws-shared-toggle').click();
    expect(await p1.getByTestId('ws-shared-list').textContent()).toContain('田中 相談員');
    await shot(p1, '04-shared-with-author');
    await p1.getByTestId('ws-shared-toggle').click();

    // The dashboard sees group 1's new shape: the count goes up and the thumbnail is redrawn.
    await expect.poll(() => groupCard(0).then((c) => c.shapes), { timeout: 15_000 }).toBeGreaterThan(before.shapes);
    expect((await groupCard(0)).thumb).not.toBe(before.thumb);
  });

  it('phase and timer set by the facilitator show on both groups’ boards, with the same remaining time', async () => {
    await facilitator.getByTestId('ws-timer-minutes').fill('10');
    await facilitator.getByTestId('ws-timer-set').click();
    await facilitator.getByTestId('ws-timer-start').click();
    await facilitator.getByTestId('ws-phase-next').click();
    for (const p of [p1, p2]) {
      await expect.poll(() => p.getByTestId('ws-phase').textContent()).toContain('グループワーク');
      await expect.poll(() => p.getByTestId('ws-timer').getAttribute('class')).toContain('is-running');
    }
    // Leaving 個人ワーク takes participant 2 to the group board.
    await canvasReady(p2, 'group');
    const remaining = async (p: Page) => Number(await p.getByTestId('ws-timer').getAttribute('data-remaining-ms'));
    const [a, b] = await Promise.all([remaining(p1), remaining(p2)]);
    expect(a).toBeGreaterThan(9 * 60_000);
    expect(a).toBeLessThanOrEqual(10 * 60_000);
    expect(Math.abs(a - b)).toBeLessThan(1500);
    expect(await p2.getByTestId('ws-timer').textContent()).toMatch(/9:\d\d|10:00/);
  });

  it('the dashboard shows group 2’s new shapes too', async () => {
    const before = await groupCard(1);
    await addNote(p2, 'グループ2：短期入所の検討', 100, 100);
    await p2.evaluate(() => void window.editor!.zoomToFit({ animation: { duration: 0 } }));
    await expect.poll(() => groupCard(1).then((c) => c.shapes), { timeout: 15_000 }).toBeGreaterThan(before.shapes);
    expect((await groupCard(1)).thumb).not.toBe(before.thumb);
    await expect.poll(() => facilitator.getByTestId('ws-group-1').getAttribute('data-participants')).toBe('1');
    expect(await facilitator.getByTestId('ws-group-1').textContent()).toContain('佐藤 ケアマネ');
    await shot(facilitator, '05-dashboard');
  });

  it('a broadcast message shows as a dismissible banner on every board', async () => {
    await facilitator.getByTestId('ws-message-text').fill('あと5分で発表です');
    await facilitator.getByTestId('ws-message-send').click();
    for (const p of [p1, p2]) await expect.poll(() => p.getByTestId('ws-message').textContent()).toContain('あと5分で発表です');
    expect(await p2.getByTestId('ws-message-region').getAttribute('role')).toBe('status');
    await shot(p2, '06-message');
    await p2.getByTestId('ws-message-dismiss').click();
    await p2.getByTestId('ws-message').waitFor({ state: 'detached' });
    expect(await p1.getByTestId('ws-message').isVisible()).toBe(true);
  });

  it('presentation: group 2 watches group 1’s board read-only, following the presenter; then back to its own', async () => {
    const panel = facilitator.getByTestId('ws-present-panel');
    await panel.getByTestId('ws-present-group').selectOption('0');
    // The presenter list comes from who is on group 1's board.
    await expect.poll(() => panel.getByTestId('ws-present-presenter').locator('option').allTextContents()).toContain('田中 相談員（相談支援専門員）');
    const presenterId = await panel.getByTestId('ws-present-presenter').locator('option', { hasText: '田中 相談員' }).getAttribute('value');
    await panel.getByTestId('ws-present-presenter').selectOption(presenterId!);
    await panel.getByTestId('ws-present-start').click();

    await canvasReady(p2, 'presentation');
    await expect.poll(() => boardTitle(p2)).toContain('グループ1');
    await p2.getByTestId('readonly-note').waitFor();
    await expect.poll(() => p2.evaluate(() => window.editor!.getInstanceState().isReadonly)).toBe(true);
    await expect.poll(() => notesWith(p2, '自宅での生活を続けたい'), { timeout: 15_000 }).toHaveLength(1);
    await expect.poll(() => p2.evaluate(() => window.editor!.getInstanceState().followingUserId), { timeout: 15_000 }).toBe(presenterId);
    // The presenter's group stays on its own board, editable.
    expect(await canvasKind(p1)).toBe('group');
    expect(await p1.evaluate(() => window.editor!.getInstanceState().isReadonly)).toBe(false);
    // Read-only really: an edit attempt through the editor changes nothing.
    const shapeCount = () => p2.evaluate(() => window.editor!.getCurrentPageShapeIds().size);
    const n = await shapeCount();
    await p2.evaluate(() => void window.editor!.createShape({ type: 'geo', x: 0, y: 0, props: { w: 50, h: 50 } }));
    expect(await shapeCount()).toBe(n);
    await shot(p2, '07-presentation');
    await shot(facilitator, '07-presentation-dashboard');

    await panel.getByTestId('ws-present-end').click();
    await canvasReady(p2, 'group');
    await expect.poll(() => boardTitle(p2)).toContain('グループ2');
    await expect.poll(() => notesWith(p2, 'グループ2：短期入所')).toHaveLength(1);
    expect(await p2.evaluate(() => window.editor!.getInstanceState().isReadonly)).toBe(false);
  });

  it('the end signal: a pulse on the timer when it runs out', async () => {
    // Drive the state document as the facilitator from Node: a 3-second timer.
    const client = connectClient(server.wsUrl, workshopId, facilitatorToken);
    nodeClients.push(client);
    await client.synced;
    const serverNow = ((await (await fetch(`${server.baseUrl}/api/time`)).json()) as { now: number }).now;
    writeWorkshopState(client.doc, { timer: startTimer(resetTimer(3000), serverNow) });
    await waitForDoc(client.doc, (d) => readWorkshopState(d).timer.durationMs === 3000);
    await expect.poll(() => p1.getByTestId('ws-timer').getAttribute('class'), { timeout: 10_000 }).toContain('is-pulsing');
    expect(await p1.getByTestId('ws-timer').textContent()).toContain('時間になりました');
    await shot(p1, '08-time-up');
  });

  it('one action saves a record of every group, and all minutes open for printing', async () => {
    await facilitator.getByTestId('ws-save-all').click();
    await expect.poll(() => facilitator.getByTestId('ws-saved').textContent().catch(() => '')).toContain('2グループ');
    for (const boardId of await facilitator.evaluate(() => [...document.querySelectorAll('a[data-testid^="ws-open-"]')].map((a) => new URL((a as HTMLAnchorElement).href).pathname.split('/')[2]!))) {
      const res = await fetch(`${server.baseUrl}/api/boards/${boardId}/records`, { headers: { authorization: `Bearer ${facilitatorToken}` } });
      expect(((await res.json()) as unknown[]).length).toBe(1);
    }
    await shot(facilitator, '09-saved');
    const [minutes] = await Promise.all([facilitator.context().waitForEvent('page'), facilitator.getByTestId('ws-open-minutes').click()]);
    await expect.poll(() => minutes.url()).toMatch(/^blob:/);
    await minutes.waitForLoadState();
    await expect.poll(() => minutes.locator('.group-minutes').count()).toBe(2);
    expect(await minutes.textContent('body')).toContain('グループ1');
    await minutes.screenshot({ path: path.join(ARTIFACTS, 'workshop-10-minutes.png') });
  });
});
