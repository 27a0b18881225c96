import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  canvasPoint,
  cuttableWebSockets,
  drawRectangle,
  openBoard,
  screenshot,
  shapeIds,
  waitForEditor,
  waitForShape,
  waitForStatus,
} from '../helpers/browser.ts';
import { useE2E } from './harness.ts';

const e2e = useE2E();

// Observed with Chromium 14x under Playwright: `context.setOffline(true)` makes navigator.onLine
// false and fails new connections, but keeps an open WebSocket open and only holds its frames
// until the context is online again. So the tests also cut the open sockets (cuttableWebSockets).

describe('offline work', () => {
  it('a shape drawn offline reaches the other participant once A is back online', async () => {
    const board = await e2e.server.createBoard({ title: 'オフラインの確認' });
    const a = await e2e.participant();
    const b = await e2e.participant();
    const net = await cuttableWebSockets(a.page);
    await openBoard(a.page, board.links.owner, { name: '山田 太郎', role: 'soudan' });
    await openBoard(b.page, board.links.edit, { name: '佐藤 花子', role: 'caremanager' });

    await a.context.setOffline(true);
    await net.cut();
    await waitForStatus(a.page, 'offline');
    await screenshot(a.page, 'offline/01-a-offline-badge');

    const id = await drawRectangle(a.page, await canvasPoint(a.page, 0.3, 0.3), await canvasPoint(a.page, 0.45, 0.5));
    expect(id).toBeDefined();
    await screenshot(a.page, 'offline/02-a-drew-offline');
    // A's sockets are closed and new ones fail: nothing of it can have left A.
    expect(await shapeIds(b.page)).not.toContain(id);

    await a.context.setOffline(false);
    await waitForStatus(a.page, 'synced');
    await waitForShape(b.page, id!);
    await screenshot(b.page, 'offline/03-b-sees-offline-shape');
  });

  it('offline edits kept in IndexedDB survive closing the page and reach B when A opens the board again', async () => {
    const board = await e2e.server.createBoard({ title: 'オフラインで閉じる' });
    const a = await e2e.participant();
    const b = await e2e.participant();
    const net = await cuttableWebSockets(a.page);
    await openBoard(a.page, board.links.owner, { name: '山田 太郎', role: 'soudan' });
    await openBoard(b.page, board.links.edit, { name: '佐藤 花子', role: 'caremanager' });

    await a.context.setOffline(true);
    await net.cut();
    await waitForStatus(a.page, 'offline');
    const id = await drawRectangle(a.page, await canvasPoint(a.page, 0.35, 0.35), await canvasPoint(a.page, 0.5, 0.55));
    expect(id).toBeDefined();
    await waitForLocalCopy(a.page, board.id, id!);

    // There is no service worker: the page itself cannot be loaded offline.
    const reload = await a.page.reload().then(
      () => 'loaded',
      (err: Error) => err.message,
    );
    expect(reload).toMatch(/ERR_INTERNET_DISCONNECTED/);
    // Chromium's own error page cannot always be captured; the screenshot is best effort.
    await screenshot(a.page, 'offline/04-reload-offline-fails-no-service-worker').catch(() => undefined);
    await a.page.close();

    // Back online, but the realtime server out of reach: the board opens from IndexedDB alone.
    await a.context.setOffline(false);
    const local = await a.newPage();
    await local.routeWebSocket(/\/ws\//, (ws) => void ws.close({ code: 4000, reason: 'test: realtime unreachable' }));
    await local.goto(board.links.owner);
    await waitForEditor(local);
    await waitForShape(local, id!);
    expect(await local.getByTestId('connection-status').getAttribute('data-status')).not.toBe('synced');
    expect(await shapeIds(b.page)).not.toContain(id);
    await screenshot(local, 'offline/05-reopened-from-indexeddb-without-server');
    await local.close();

    // Opened normally: the kept edit is sent and B gets it.
    const again = await a.newPage();
    await openBoard(again, board.links.owner, { name: '山田 太郎' });
    await waitForShape(b.page, id!);
    await screenshot(b.page, 'offline/06-b-sees-edit-after-a-reopened');
  });
});

/** Resolve once the board's IndexedDB copy (y-indexeddb, `renkei-board:<id>`) holds the shape id. */
async function waitForLocalCopy(page: Page, boardId: string, shapeId: string): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(
          ({ db, needle }) =>
            new Promise<boolean>((resolve, reject) => {
              const open = indexedDB.open(db);
              open.onerror = () => reject(open.error);
              open.onsuccess = () => {
                const all = open.result.transaction('updates').objectStore('updates').getAll();
                all.onerror = () => reject(all.error);
                all.onsuccess = () => {
                  const text = new TextDecoder('utf-8', { fatal: false });
                  resolve((all.result as Uint8Array[]).some((u) => text.decode(u).includes(needle)));
                  open.result.close();
                };
              };
            }),
          { db: `renkei-board:${boardId}`, needle: shapeId },
        ),
      { timeout: 10_000, interval: 100 },
    )
    .toBe(true);
}
