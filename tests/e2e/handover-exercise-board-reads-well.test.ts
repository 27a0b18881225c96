// The 情報連携（引継ぎ） exercise's board in a real browser: the handover sheet's 23 items and the
// role cards are drawn with their text (readable, not clipped by their frames), beside room for
// the groups' sticky notes.
import { describe, expect, it } from 'vitest';
import type { TLShapeId } from 'tldraw';
import { openBoard, screenshot, type BoardWindow } from '../helpers/browser.ts';
import { useE2E } from './harness.ts';

const e2e = useE2E();

/** Zoom the page's camera to a frame named `prefix…` and return the frame's screen box and its children's. */
async function showFrame(page: import('playwright-core').Page, prefix: string) {
  return page.evaluate((prefix) => {
    const editor = (window as BoardWindow).editor!;
    const frame = editor.getCurrentPageShapes().find((s) => s.type === 'frame' && (s.props as { name: string }).name.startsWith(prefix))!;
    editor.select(frame.id);
    editor.zoomToSelection({ animation: { duration: 0 } });
    editor.selectNone();
    const screen = (id: TLShapeId) => {
      const b = editor.getShapePageBounds(id)!;
      const tl = editor.pageToViewport({ x: b.minX, y: b.minY });
      const br = editor.pageToViewport({ x: b.maxX, y: b.maxY });
      return { x: tl.x, y: tl.y, w: br.x - tl.x, h: br.y - tl.y };
    };
    return { frame: screen(frame.id), children: editor.getSortedChildIdsForParent(frame.id).map((id) => ({ id, box: screen(id) })) };
  }, prefix);
}

describe('the handover exercise board', () => {
  it('shows the 23-item handover sheet and the four role cards, each whole inside its frame', async () => {
    const board = await e2e.server.createBoard({ template: 'handover' });
    const p = await e2e.participant();
    await openBoard(p.page, board.links.edit, { name: '森', role: 'soudan' });

    const sheet = await showFrame(p.page, '引継ぎシート');
    expect(sheet.children).toHaveLength(24); // the guide and 23 items
    for (const c of sheet.children) {
      expect(c.box.x >= sheet.frame.x && c.box.y >= sheet.frame.y && c.box.x + c.box.w <= sheet.frame.x + sheet.frame.w + 0.5 && c.box.y + c.box.h <= sheet.frame.y + sheet.frame.h + 0.5, c.id).toBe(true);
    }
    // What the reader sees: the item names as drawn text on the canvas.
    const drawn = await p.page.locator('.tl-shape').allInnerTexts();
    for (const name of ['1. 基本情報（受付、利用者等基本情報）', '13. 認知機能や判断能力', '23. その他留意すべき事項・状況']) {
      expect(drawn.some((t) => t.includes(name)), name).toBe(true);
    }
    await screenshot(p.page, 'handover-exercise/01-sheet');

    const roles = await showFrame(p.page, '役割カード');
    expect(roles.children).toHaveLength(5); // the guide and four cards
    for (const c of roles.children) expect(c.box.y + c.box.h <= roles.frame.y + roles.frame.h + 0.5, c.id).toBe(true);
    await screenshot(p.page, 'handover-exercise/02-role-cards');
  });
});
