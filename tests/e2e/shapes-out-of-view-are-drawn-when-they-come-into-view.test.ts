import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBoard, screenshot, waitForShapeCount, type BoardWindow } from '../helpers/browser.ts';
import { useE2E } from './harness.ts';

const e2e = useE2E();

/** What the page shows of a shape in the frame after `move` ran (read before that frame paints). */
async function afterMove(page: Page, id: string, move: 'near' | 'far' | 'select-all'): Promise<{ display: string; text: string }> {
  return page.evaluate(
    ({ id, move }) =>
      new Promise<{ display: string; text: string }>((resolve) => {
        const editor = (window as BoardWindow).editor!;
        if (move === 'select-all') editor.selectAll();
        else {
          editor.selectNone();
          const target = move === 'near' ? 'shape:near' : id;
          editor.centerOnPoint(editor.getShapePageBounds(target as never)!.center);
        }
        // rAF callbacks run before the frame is painted: what is here is what that frame shows.
        requestAnimationFrame(() => {
          const el = document.querySelector<HTMLElement>(`.tl-shape[data-shape-id="${id}"]:not(.tl-shape-background)`);
          resolve({ display: el?.style.display ?? 'missing', text: el?.textContent ?? '' });
        });
      }),
    { id, move },
  );
}

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

describe('shapes out of view', () => {
  it('are drawn in the frame they come into view: by a pan and by select-all', async () => {
    const board = await e2e.server.createBoard({ title: '広いボード' });
    const a = await e2e.participant();
    await openBoard(a.page, board.links.owner, { name: '山田 太郎', role: 'soudan' });
    await a.page.evaluate(
      ({ near, farNote, farRect }) => {
        (window as BoardWindow).editor!.createShapes([
          { id: 'shape:near' as never, type: 'note', x: 100, y: 100, props: { richText: near } },
          { id: 'shape:far-note' as never, type: 'note', x: 9000, y: 7000, props: { richText: farNote } },
          { id: 'shape:far-rect' as never, type: 'geo', x: -9000, y: 6000, props: { w: 200, h: 120, richText: farRect } },
        ]);
      },
      { near: doc('近くの付箋'), farNote: doc('遠くの付箋'), farRect: doc('遠くの四角') },
    );

    // A second participant opens the board with those shapes already in it.
    const b = await e2e.participant();
    await openBoard(b.page, board.links.edit, { name: '佐藤 花子', role: 'caremanager' });
    await waitForShapeCount(b.page, 3);
    await b.page.locator('[data-shape-id="shape:near"]').filter({ hasText: '近くの付箋' }).first().waitFor({ state: 'visible' });

    // Out of view: tldraw's wrapper is there (culled), its content not drawn yet.
    const before = await b.page.evaluate(() => {
      const el = document.querySelector<HTMLElement>('.tl-shape[data-shape-id="shape:far-note"]');
      return { display: el?.style.display ?? 'missing', text: el?.textContent ?? '' };
    });
    expect(before).toEqual({ display: 'none', text: '' });

    // A pan brings it into view: drawn in that very frame.
    expect(await afterMove(b.page, 'shape:far-note', 'far')).toEqual({ display: 'block', text: '遠くの付箋' });
    await screenshot(b.page, 'out-of-view/01-far-note-in-view');

    // Its label (measured only now, see lazyLabels.ts) takes a click, and a double-click edits it.
    const center = await b.page.evaluate(() => {
      const editor = (window as BoardWindow).editor!;
      const p = editor.pageToViewport(editor.getShapePageBounds('shape:far-note' as never)!.center);
      const box = editor.getContainer().getBoundingClientRect();
      return { x: box.x + p.x, y: box.y + p.y };
    });
    await b.page.mouse.click(center.x, center.y);
    expect(await b.page.evaluate(() => (window as BoardWindow).editor!.getSelectedShapeIds())).toEqual(['shape:far-note']);
    await b.page.mouse.dblclick(center.x, center.y);
    await b.page.waitForFunction(() => (window as BoardWindow).editor!.getEditingShapeId() === 'shape:far-note');
    await b.page.keyboard.press('Escape');

    // Select-all takes every shape out of culling: the other far shape is drawn at once.
    const selected = await afterMove(b.page, 'shape:far-rect', 'select-all');
    expect(selected.text).toBe('遠くの四角');

    // Back at the start, the far note is culled again by tldraw but keeps its content.
    expect(await afterMove(b.page, 'shape:far-note', 'near')).toEqual({ display: 'none', text: '遠くの付箋' });
    await screenshot(b.page, 'out-of-view/02-back-near');
  });
});
