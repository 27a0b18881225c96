import { describe, expect, it } from 'vitest';
import { canvasPoint, openBoard, screenshot, shapeIds, waitForShape, type BoardWindow } from '../helpers/browser.ts';
import { expectForcedWritesReachedNobody, forceWrites } from './forcedWrites.ts';
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

    console.info('view participant forcing writes:', (await forceWrites(b.page, 'shape:forced-by-viewer')).join('; '));
    await expectForcedWritesReachedNobody({
      writer: a,
      forcer: b,
      forcerName: VIEWER,
      boardId: board.id,
      ownerToken: board.tokens.owner,
      baseUrl: e2e.server.baseUrl,
      expected: [seed],
      shots: 'view-link/03',
    });
  });
});
