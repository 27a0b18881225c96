import { describe, expect, it } from 'vitest';
import { canvasPoint, drawRectangle, openBoard, screenshot, waitForShape, type BoardWindow } from '../helpers/browser.ts';
import { useE2E } from './harness.ts';

const e2e = useE2E();

const NAME_B = '佐藤 花子';

describe('two participants on one board', () => {
  it('a rectangle drawn by A appears for B, and B’s cursor, name and role appear for A', async () => {
    const board = await e2e.server.createBoard({ title: '二人のボード' });
    const a = await e2e.participant();
    const b = await e2e.participant();
    await openBoard(a.page, board.links.owner, { name: '山田 太郎', role: 'soudan' });
    await openBoard(b.page, board.links.edit, { name: NAME_B, role: 'caremanager' });

    // A draws with the rectangle tool ('r' and a drag), as a person does.
    const id = await drawRectangle(a.page, await canvasPoint(a.page, 0.3, 0.35), await canvasPoint(a.page, 0.45, 0.55));
    expect(id, 'one new shape after the drag').toBeDefined();
    await screenshot(a.page, 'two-participants/01-a-drew-rectangle');

    await waitForShape(b.page, id!);
    const seen = await b.page.evaluate((shapeId) => {
      const shape = (window as BoardWindow).editor!.getShape(shapeId as never) as { type: string; props: { geo?: string; w?: number; h?: number } } | undefined;
      return shape && { type: shape.type, geo: shape.props.geo, w: shape.props.w, h: shape.props.h };
    }, id!);
    expect(seen?.type).toBe('geo');
    expect(seen?.geo).toBe('rectangle');
    // The drag spanned 15% × 20% of the canvas; the shape B got has that size, not a default one.
    expect(seen?.w).toBeGreaterThan(100);
    expect(seen?.h).toBeGreaterThan(100);
    await screenshot(b.page, 'two-participants/02-b-sees-rectangle');

    // And back: a shape B creates through the editor reaches A.
    const fromB = await b.page.evaluate(() => {
      const editor = (window as BoardWindow).editor!;
      editor.createShape({ type: 'geo', x: 900, y: 500, props: { w: 120, h: 80, geo: 'ellipse' } });
      return editor.getCurrentPageShapes().find((s) => s.x === 900 && s.y === 500)?.id as string | undefined;
    });
    expect(fromB).toBeDefined();
    await waitForShape(a.page, fromB!);

    // B moves over the canvas; A sees B as a collaborator with a cursor, and in the panel.
    const over = await canvasPoint(b.page, 0.6, 0.4);
    await b.page.mouse.move(over.x - 40, over.y - 40);
    await b.page.mouse.move(over.x, over.y, { steps: 5 });
    await a.page.waitForFunction(
      (name) => (window as BoardWindow).editor!.getCollaborators().some((c) => c.userName === name && c.cursor !== null),
      NAME_B,
    );
    await a.page.locator('.tl-nametag', { hasText: NAME_B }).waitFor();
    const row = a.page.getByTestId('participants').getByRole('listitem').filter({ hasText: NAME_B });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('介護支援専門員');
    await screenshot(a.page, 'two-participants/03-a-sees-b-cursor-and-name');
  });
});
