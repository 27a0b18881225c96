import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { canvasPoint, openBoard, screenshot, shapeIds, waitForShape, type BoardWindow } from '../helpers/browser.ts';
import { useE2E } from './harness.ts';

const e2e = useE2E();

const SWITCHER = '山田 太郎';

describe('links to one board', () => {
  // Two links of one board differ only in the fragment (#t=…): going from one to the other
  // is a same-document navigation, which the app must follow — including dropping the edit
  // connection, so that nothing typed after the switch is written with the old token.
  it('going from the edit link to the view link opens the board view-only, and edits after the switch are refused', async () => {
    const board = await e2e.server.createBoard({ title: 'リンクの切り替え' });
    const owner = await e2e.participant();
    const switcher = await e2e.participant();
    await openBoard(owner.page, board.links.owner, { name: '佐藤 花子', role: 'soudan' });
    await openBoard(switcher.page, board.links.edit, { name: SWITCHER, role: 'soudan' });

    // Through the edit link an edit reaches the owner: the path the refusal below closes is open here.
    const beforeSwitch = await switcher.page.evaluate(() => {
      const editor = (window as BoardWindow).editor!;
      editor.createShape({ type: 'geo', x: 100, y: 100, props: { w: 160, h: 90 } });
      return editor.getCurrentPageShapes()[0]!.id as string;
    });
    await waitForShape(owner.page, beforeSwitch);

    await switcher.page.goto(board.links.view);
    await switcher.page.getByTestId('readonly-note').waitFor({ timeout: 10_000 });
    await switcher.page.locator('[data-testid=connection-status][data-status=synced]').waitFor();
    expect(await switcher.page.evaluate(() => (window as BoardWindow).editor!.getInstanceState().isReadonly)).toBe(true);
    await screenshot(switcher.page, 'another-link/01-after-switch-read-only');

    // Forcing writes after the switch: the editor API, and the store underneath it.
    const forced = await switcher.page.evaluate(() => {
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
        editor.store.put([{ ...template, id: 'shape:forced-after-switch' as typeof template.id, x: 700 }]);
        outcome.push(`store.put: ${editor.getCurrentPageShapes().length} shapes locally`);
      } catch (err) {
        outcome.push(`store.put threw: ${(err as Error).message}`);
      }
      return outcome;
    });
    // Both attempts ran (each either threw or changed the local page): the refusal below is the server's.
    expect(forced).toHaveLength(2);
    console.info('edit→view switch, forcing writes:', forced.join('; '));

    // Barrier on the document channel: the owner's next change reaches the switched page...
    const marker = await owner.page.evaluate(() => {
      const editor = (window as BoardWindow).editor!;
      editor.createShape({ type: 'note', x: 100, y: 400 });
      return editor.getCurrentPageShapes().find((s) => s.type === 'note')!.id as string;
    });
    await waitForShape(switcher.page, marker);
    // ...and the switched page's awareness, sent after its forced writes, reaches the owner:
    // by then the server has read everything the page sent before it.
    await moveAndAwaitCursor(switcher.page, owner.page);
    expect(await shapeIds(owner.page)).toEqual([beforeSwitch, marker].sort());
    await screenshot(owner.page, 'another-link/02-owner-sees-no-forced-shape');

    // The server's copy: a reload and the export hold only the two legitimate shapes.
    await switcher.context.close();
    await owner.page.reload();
    await owner.page.waitForFunction(() => !!(window as BoardWindow).editor);
    await owner.page.locator('[data-testid=connection-status][data-status=synced]').waitFor();
    expect(await shapeIds(owner.page)).toEqual([beforeSwitch, marker].sort());
    const exported = (await (
      await fetch(`${e2e.server.baseUrl}/api/boards/${board.id}/export.tldr`, { headers: { authorization: `Bearer ${board.tokens.owner}` } })
    ).json()) as { records: Array<{ id: string; typeName: string }> };
    expect(exported.records.filter((r) => r.typeName === 'shape').map((r) => r.id).sort()).toEqual([beforeSwitch, marker].sort());
    await screenshot(owner.page, 'another-link/03-owner-after-reload');
  });
});

/** Move the switched page's mouse somewhere new and wait until the other page shows its cursor there. */
async function moveAndAwaitCursor(mover: Page, watcher: Page): Promise<void> {
  const to = await canvasPoint(mover, 0.7, 0.3);
  await mover.mouse.move(to.x, to.y, { steps: 3 });
  const at = await mover.evaluate(() => {
    const p = (window as BoardWindow).editor!.inputs.currentPagePoint;
    return { x: p.x, y: p.y };
  });
  await watcher.waitForFunction(
    ({ name, x, y }) =>
      (window as BoardWindow).editor!.getCollaborators().some((c) => c.userName === name && c.cursor && Math.abs(c.cursor.x - x) < 1 && Math.abs(c.cursor.y - y) < 1),
    { name: SWITCHER, x: at.x, y: at.y },
  );
}
