import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBoard, screenshot, type BoardWindow } from '../helpers/browser.ts';
import { useE2E } from './harness.ts';

const e2e = useE2E();

interface Where {
  parent: 'frame' | 'page';
  box: { x: number; y: number; w: number; h: number };
  frame: { x: number; y: number; w: number; h: number };
}

/** Drag shape `id` with the mouse: grab it `grab` page units right of its centre, drop with the pointer at page point `to`. */
async function dragShape(page: Page, id: string, grab: number, to: { x: number; y: number }): Promise<void> {
  const [from, target] = await page.evaluate(
    ([shapeId, dx, at]) => {
      const editor = (window as BoardWindow).editor!;
      const c = editor.getShapePageBounds(shapeId as never)!.center;
      return [editor.pageToScreen({ x: c.x + dx, y: c.y }), editor.pageToScreen(at)];
    },
    [id, grab, to] as const,
  );
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + target.x) / 2, (from.y + target.y) / 2, { steps: 5 });
  await page.mouse.move(target.x, target.y, { steps: 5 });
  await page.mouse.up();
}

/** Where the shape ended once the drag settled (the editor back at rest). */
async function whereIs(page: Page, id: string): Promise<Where> {
  await page.waitForFunction(() => (window as BoardWindow).editor!.isIn('select.idle'));
  // The rule runs as the gesture ends; wait until the shape is whole (fully inside its frame) or outside it.
  await page.waitForFunction((shapeId) => {
    const editor = (window as BoardWindow).editor!;
    const s = editor.getShape(shapeId as never)!;
    const parent = editor.getShape(s.parentId as never);
    if (parent?.type !== 'frame') return true;
    const f = editor.getShapePageBounds(parent)!;
    const b = editor.getShapePageBounds(s)!;
    return b.minX >= f.minX && b.minY >= f.minY && b.maxX <= f.maxX && b.maxY <= f.maxY;
  }, id);
  return page.evaluate((shapeId) => {
    const editor = (window as BoardWindow).editor!;
    const s = editor.getShape(shapeId as never)!;
    const frame = editor.getCurrentPageShapes().find((f) => f.type === 'frame')!;
    const b = (x: string) => {
      const r = editor.getShapePageBounds(x as never)!;
      return { x: r.x, y: r.y, w: r.w, h: r.h };
    };
    return { parent: s.parentId === frame.id ? 'frame' : 'page', box: b(shapeId), frame: b(frame.id) } as const;
  }, id);
}

const within = (a: Where['box'], o: Where['box']) => a.x >= o.x && a.y >= o.y && a.x + a.w <= o.x + o.w && a.y + a.h <= o.y + o.h;

describe('a shape dropped across a frame’s edge is not cut off', () => {
  it('mostly inside: moved fully inside the frame; mostly outside: left outside it, whole', async () => {
    const board = await e2e.server.createBoard({ title: '枠の端' });
    const { page } = await e2e.participant({ viewport: { width: 1400, height: 900 } });
    await openBoard(page, board.links.owner, { name: '田中 相談員', role: 'soudan' });
    const ids = await page.evaluate(() => {
      const editor = (window as BoardWindow).editor!;
      editor.createShape({ type: 'frame', x: 100, y: 100, props: { w: 600, h: 400, name: '本人の思い' } });
      editor.createShape({ type: 'geo', x: 900, y: 150, props: { w: 200, h: 120, geo: 'rectangle', fill: 'solid', color: 'yellow' } });
      editor.createShape({ type: 'geo', x: 900, y: 350, props: { w: 200, h: 120, geo: 'rectangle', fill: 'solid', color: 'light-blue' } });
      const shapes = editor.getCurrentPageShapes().filter((s) => s.type === 'geo');
      editor.zoomToFit({ animation: { duration: 0 } });
      editor.selectNone();
      return shapes.map((s) => s.id as string);
    });
    const [mostlyIn, mostlyOut] = ids as [string, string];

    // Pointer 40 inside the right edge, grabbed at the middle: 140 of the 200 are inside.
    await dragShape(page, mostlyIn, 0, { x: 660, y: 200 });
    const a = await whereIs(page, mostlyIn);
    expect(a.parent, 'it went into the frame').toBe('frame');
    expect(within(a.box, a.frame), 'fully inside the frame').toBe(true);

    // Grabbed near its right end, dropped 20 inside the left edge: 20 of the 200 are inside.
    await dragShape(page, mostlyOut, 80, { x: 120, y: 380 });
    const b = await whereIs(page, mostlyOut);
    expect(b.parent, 'left on the page, drawn whole').toBe('page');
    await page.evaluate(() => void (window as BoardWindow).editor!.selectNone());
    await screenshot(page, 'frame-edge/shapes-whole-after-drops');

    // A paste is no gesture: a copy put down across the frame's bottom edge, mostly inside, is
    // moved fully inside too (through the editor call the clipboard paste uses).
    const pasted = await page.evaluate((source) => {
      const editor = (window as BoardWindow).editor!;
      const before = new Set(editor.getCurrentPageShapeIds());
      const content = editor.getContentFromCurrentPage([source as never])!;
      editor.putContentOntoCurrentPage(content, { point: { x: 400, y: 470 }, select: true });
      return [...editor.getCurrentPageShapeIds()].find((id) => !before.has(id)) as string;
    }, mostlyIn);
    const c = await whereIs(page, pasted);
    expect(c.parent, 'the copy went into the frame').toBe('frame');
    expect(within(c.box, c.frame), 'fully inside the frame').toBe(true);
    await screenshot(page, 'frame-edge/pasted-copy-whole');
  });
});
