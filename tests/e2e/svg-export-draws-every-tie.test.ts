import { describe, expect, it } from 'vitest';
import { openBoard, screenshot, type BoardWindow } from '../helpers/browser.ts';
import { useE2E } from './harness.ts';

const e2e = useE2E();

// Issue 13: the SVG export of 事例演習1 keeps every ecomap tie, including those running up or
// left (11 of its 15 were missing), with each label on its line.
describe('SVG export of 事例演習1', () => {
  it('draws as many ties as the board holds, each with its label', async () => {
    const board = await e2e.server.createBoard({ title: '事例演習1', template: 'exercise-1' });
    const { page } = await e2e.participant();
    await openBoard(page, board.links.owner, { name: '研修 太郎', role: 'soudan' });
    const result = await page.evaluate(async () => {
      const editor = (window as BoardWindow).editor!;
      const ties = editor.getCurrentPageShapes().filter((s) => s.type === 'rb-tie');
      const labels = ties.map((s) => (s.props as { label: string }).label.trim()).filter(Boolean);
      const upOrLeft = ties.filter((s) => {
        const end = (s.props as { end: { x: number; y: number } }).end;
        return end.x < 0 || end.y < 0;
      }).length;
      const svg = await editor.getSvgString([...editor.getCurrentPageShapeIds()], { background: true, padding: 16 });
      return { ties: ties.length, upOrLeft, labels, svg: svg?.svg ?? '' };
    });
    expect(result.ties).toBeGreaterThan(0);
    expect(result.upOrLeft).toBeGreaterThan(0);
    // Each tie is exported as one <g class="rb-tie"> with its line.
    expect(result.svg.split('<g class="rb-tie"').length - 1).toBe(result.ties);
    for (const label of result.labels) expect(result.svg).toContain(`>${label}</text>`);

    // Look at it as a user would: the exported picture, rendered on its own.
    const view = await e2e.participant();
    await view.page.setContent(`<body style="margin:0;background:#fff">${result.svg.replace(/<svg /, '<svg style="width:100%;height:auto" ')}</body>`);
    await screenshot(view.page, 'svg-export/01-exercise-1-ecomap');
  });
});
