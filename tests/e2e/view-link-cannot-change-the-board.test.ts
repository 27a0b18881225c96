import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { canvasPoint, openBoard, screenshot, shapeIds, waitForShape, type BoardWindow } from '../helpers/browser.ts';
import { useE2E } from './harness.ts';

const e2e = useE2E();

const VIEWER = '見学 さん';

describe('a view participant cannot create shapes', () => {
  it('shows the read-only note, the rectangle tool draws nothing, and forced writes never reach anyone', async () => {
    const board = await e2e.server.createBoard({ title: '見るだけの確認' });
    const a = await e2e.participant();
    const b = await e2e.participant();
    await openBoard(a.page, board.links.owner, { name: '山田 太郎', role: 'soudan' });
    const seed = await a.page.evaluate(() => {
      const editor = (window as BoardWindow).editor!;
      editor.createShape({ type: 'geo', x: 100, y: 100, props: { w: 160, h: 90 } });
      return editor.getCurrentPageShapes()[0]!.id as string;
    });

    await openBoard(b.page, board.links.view, { name: VIEWER, role: 'observer' });
    await waitForShape(b.page, seed);
    await b.page.getByTestId('readonly-note').waitFor();
    expect(await b.page.evaluate(() => (window as BoardWindow).editor!.getInstanceState().isReadonly)).toBe(true);
    await screenshot(b.page, 'view-link/01-viewer-read-only-note');

    // The rectangle tool does nothing for a viewer.
    const from = await canvasPoint(b.page, 0.5, 0.5);
    await b.page.mouse.click(from.x - 30, from.y - 30);
    await b.page.keyboard.press('r');
    await b.page.mouse.move(from.x, from.y);
    await b.page.mouse.down();
    await b.page.mouse.move(from.x + 150, from.y + 100, { steps: 6 });
    await b.page.mouse.up();
    expect(await shapeIds(b.page)).toEqual([seed]);
    await screenshot(b.page, 'view-link/02-viewer-drag-drew-nothing');

    // Forcing it: the editor API, and the store underneath it. Either may refuse; nothing may leave.
    const forced = await b.page.evaluate(() => {
      const editor = (window as BoardWindow).editor!;
      const outcome: string[] = [];
      try {
        editor.createShape({ type: 'geo', x: 400, y: 300, props: { w: 100, h: 100 } });
        outcome.push(`createShape: ${editor.getCurrentPageShapes().length} shapes locally`);
      } catch (err) {
        outcome.push(`createShape threw: ${(err as Error).message}`);
      }
      try {
        const template = editor.getCurrentPageShapes()[0]!;
        editor.store.put([{ ...template, id: 'shape:forced-by-viewer' as typeof template.id, x: 700 }]);
        outcome.push(`store.put: ${editor.getCurrentPageShapes().length} shapes locally`);
      } catch (err) {
        outcome.push(`store.put threw: ${(err as Error).message}`);
      }
      return outcome;
    });
    console.info('view participant forcing writes:', forced.join('; '));

    // A barrier on the document channel: A's next change reaches B, and B's socket is still up.
    const marker = await a.page.evaluate(() => {
      const editor = (window as BoardWindow).editor!;
      editor.createShape({ type: 'note', x: 100, y: 400 });
      return editor.getCurrentPageShapes().find((s) => s.type === 'note')!.id as string;
    });
    await waitForShape(b.page, marker);
    // B's awareness goes out on the same socket after its forced writes; once A sees the
    // cursor move, the server has read everything B sent before it.
    await moveAndAwaitCursor(b.page, a.page);
    expect(await shapeIds(a.page)).toEqual([marker, seed].sort());
    await screenshot(a.page, 'view-link/03-owner-unchanged');

    // After the viewer leaves, a reload (the server's copy) still holds only A's shapes.
    await b.context.close();
    await a.page.reload();
    await a.page.waitForFunction(() => !!(window as BoardWindow).editor);
    await a.page.locator('[data-testid=connection-status][data-status=synced]').waitFor();
    expect(await shapeIds(a.page)).toEqual([marker, seed].sort());
    const exported = (await (
      await fetch(`${e2e.server.baseUrl}/api/boards/${board.id}/export.tldr`, { headers: { authorization: `Bearer ${board.tokens.owner}` } })
    ).json()) as { records: Array<{ id: string; typeName: string }> };
    expect(exported.records.filter((r) => r.typeName === 'shape').map((r) => r.id).sort()).toEqual([marker, seed].sort());
    await screenshot(a.page, 'view-link/04-owner-after-reload');
  });
});

/** Move the viewer's mouse somewhere new and wait until the other page shows its cursor there. */
async function moveAndAwaitCursor(viewer: Page, watcher: Page): Promise<void> {
  const to = await canvasPoint(viewer, 0.7, 0.3);
  await viewer.mouse.move(to.x, to.y, { steps: 3 });
  const at = await viewer.evaluate(() => {
    const p = (window as BoardWindow).editor!.inputs.currentPagePoint;
    return { x: p.x, y: p.y };
  });
  await watcher.waitForFunction(
    ({ name, x, y }) =>
      (window as BoardWindow).editor!.getCollaborators().some((c) => c.userName === name && c.cursor && Math.abs(c.cursor.x - x) < 1 && Math.abs(c.cursor.y - y) < 1),
    { name: VIEWER, x: at.x, y: at.y },
  );
}
