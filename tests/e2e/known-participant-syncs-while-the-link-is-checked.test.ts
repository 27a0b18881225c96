import { describe, expect, it } from 'vitest';
import type { Page, Route, WebSocket } from 'playwright-core';
import { waitForEditor, waitForShape, waitForStatus, type BoardWindow } from '../helpers/browser.ts';
import { useE2E, type Participant } from './harness.ts';

const e2e = useE2E();

/** A participant this browser already knows (no identity dialog), as after an earlier visit. */
async function knownParticipant(name: string): Promise<Participant> {
  const p = await e2e.participant();
  await p.context.addInitScript((who: string) => {
    localStorage.setItem('renkei.identity', JSON.stringify({ id: `e2e-${who}`, name: who, role: 'soudan' }));
  }, name);
  return p;
}

/** Hold the board's info request (`GET /api/boards/<id>`) until `release` is called, then answer with `answer`. */
async function holdBoardInfo(page: Page, boardId: string, answer: 'pass' | 'fail'): Promise<{ release(): void; released: Promise<number> }> {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let releasedAt!: (t: number) => void;
  const released = new Promise<number>((r) => (releasedAt = r));
  await page.route(`**/api/boards/${boardId}`, async (route: Route) => {
    await gate;
    releasedAt(Date.now());
    if (answer === 'pass') await route.continue();
    else await route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'unavailable', message: 'held by the test' } }) });
  });
  return { release, released };
}

describe('a known participant’s board syncs while its link is checked', () => {
  it('opens the websocket before the board’s info arrives, and the link’s role still decides (view: read-only)', async () => {
    const board = await e2e.server.createBoard({ title: '先に同期' });
    const owner = await knownParticipant('山田 太郎');
    await owner.page.goto(board.links.owner);
    await waitForEditor(owner.page);
    const seed = await owner.page.evaluate(() => {
      const editor = (window as BoardWindow).editor!;
      editor.createShape({ type: 'geo', x: 100, y: 100, props: { w: 160, h: 90 } });
      return editor.getCurrentPageShapes()[0]!.id as string;
    });

    const viewer = await knownParticipant('見学 さん');
    const held = await holdBoardInfo(viewer.page, board.id, 'pass');
    let socketAt = 0;
    viewer.page.on('websocket', () => (socketAt ||= Date.now()));
    await viewer.page.goto(board.links.view);
    await viewer.page.waitForFunction(() => performance.getEntriesByName('renkei:ws-synced').length > 0);
    expect(socketAt, 'the websocket opened while the board info was held').toBeGreaterThan(0);
    // The document is there but nothing is drawn before the link's role is known.
    expect(await viewer.page.evaluate(() => !!(window as BoardWindow).editor)).toBe(false);

    held.release();
    expect(await held.released).toBeGreaterThan(socketAt);
    await waitForEditor(viewer.page);
    await waitForStatus(viewer.page, 'synced');
    await waitForShape(viewer.page, seed);
    await viewer.page.getByTestId('readonly-note').waitFor();
    expect(await viewer.page.evaluate(() => (window as BoardWindow).editor!.getInstanceState().isReadonly)).toBe(true);
  });

  it('closes that connection when the link does not open a board', async () => {
    const board = await e2e.server.createBoard({ title: '開けない' });
    const p = await knownParticipant('佐藤 花子');
    const held = await holdBoardInfo(p.page, board.id, 'fail');
    const socket = new Promise<WebSocket>((resolve) => p.page.on('websocket', resolve));
    await p.page.goto(board.links.edit);
    const ws = await socket;
    const closed = new Promise<void>((resolve) => ws.on('close', () => resolve()));
    held.release();
    await p.page.getByRole('alert').waitFor();
    await closed;
    expect(ws.isClosed()).toBe(true);
  });
});
