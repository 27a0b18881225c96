import { describe, expect, it } from 'vitest';
import { openBoard, screenshot, waitForShape, type BoardWindow } from '../helpers/browser.ts';
import { expectForcedWritesReachedNobody, forceWrites } from './forcedWrites.ts';
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

    const forced = await forceWrites(switcher.page, 'shape:forced-after-switch');
    // Both attempts ran (each either threw or changed the local page): the refusal is the server's.
    expect(forced).toHaveLength(2);
    console.info('edit→view switch, forcing writes:', forced.join('; '));
    await expectForcedWritesReachedNobody({
      writer: owner,
      forcer: switcher,
      forcerName: SWITCHER,
      boardId: board.id,
      ownerToken: board.tokens.owner,
      baseUrl: e2e.server.baseUrl,
      expected: [beforeSwitch],
      shots: 'another-link/02',
    });
  });
});
