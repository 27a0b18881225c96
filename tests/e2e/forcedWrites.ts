import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { canvasPoint, screenshot, shapeIds, waitForShape, type BoardWindow } from '../helpers/browser.ts';
import type { Participant } from './harness.ts';

/**
 * Force writes from a page whose link may not change the board: through the editor API and
 * through the store underneath it. Either may throw or change only the local page; returns what
 * each attempt did, for the log.
 */
export async function forceWrites(page: Page, forcedId: string): Promise<string[]> {
  return page.evaluate((id) => {
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
      editor.store.put([{ ...template, id: id as typeof template.id, x: 700 }]);
      outcome.push(`store.put: ${editor.getCurrentPageShapes().length} shapes locally`);
    } catch (err) {
      outcome.push(`store.put threw: ${(err as Error).message}`);
    }
    return outcome;
  }, forcedId);
}

/**
 * After `forcer` forced its writes: prove that none reached anyone. A barrier on the document
 * channel (the writer's next shape reaches the forcer, whose socket is still up) and on the
 * forcer's own socket (its cursor, sent after the writes, reaches the writer: by then the server
 * has read everything the forcer sent); then the writer's page, a reload after the forcer has
 * left (the server's copy) and the export hold only `expected` plus the barrier shape.
 */
export async function expectForcedWritesReachedNobody(opts: {
  writer: Participant;
  forcer: Participant;
  forcerName: string;
  boardId: string;
  ownerToken: string;
  baseUrl: string;
  expected: readonly string[];
  shots: string;
}): Promise<void> {
  const { writer, forcer } = opts;
  const marker = await writer.page.evaluate(() => {
    const editor = (window as BoardWindow).editor!;
    editor.createShape({ type: 'note', x: 100, y: 400 });
    return editor.getCurrentPageShapes().find((s) => s.type === 'note')!.id as string;
  });
  await waitForShape(forcer.page, marker);
  await moveAndAwaitCursor(forcer.page, writer.page, opts.forcerName);
  const legitimate = [...opts.expected, marker].sort();
  expect(await shapeIds(writer.page)).toEqual(legitimate);
  await screenshot(writer.page, `${opts.shots}-writer-sees-no-forced-shape`);

  await forcer.context.close();
  await writer.page.reload();
  await writer.page.waitForFunction(() => !!(window as BoardWindow).editor);
  await writer.page.locator('[data-testid=connection-status][data-status=synced]').waitFor();
  expect(await shapeIds(writer.page)).toEqual(legitimate);
  const exported = (await (
    await fetch(`${opts.baseUrl}/api/boards/${opts.boardId}/export.tldr`, { headers: { authorization: `Bearer ${opts.ownerToken}` } })
  ).json()) as { records: Array<{ id: string; typeName: string }> };
  expect(exported.records.filter((r) => r.typeName === 'shape').map((r) => r.id).sort()).toEqual(legitimate);
  await screenshot(writer.page, `${opts.shots}-writer-after-reload`);
}

/** Move `mover`'s mouse somewhere new and wait until `watcher` shows its cursor there. */
async function moveAndAwaitCursor(mover: Page, watcher: Page, name: string): Promise<void> {
  const to = await canvasPoint(mover, 0.7, 0.3);
  await mover.mouse.move(to.x, to.y, { steps: 3 });
  const at = await mover.evaluate(() => {
    const p = (window as BoardWindow).editor!.inputs.currentPagePoint;
    return { x: p.x, y: p.y };
  });
  await watcher.waitForFunction(
    ({ name, x, y }) =>
      (window as BoardWindow).editor!.getCollaborators().some((c) => c.userName === name && c.cursor && Math.abs(c.cursor.x - x) < 1 && Math.abs(c.cursor.y - y) < 1),
    { name, x: at.x, y: at.y },
  );
}
