import { describe, it } from 'vitest';
import { openBoard } from '../helpers/browser.ts';
import { useE2E } from './harness.ts';

const e2e = useE2E();

describe('links to one board', () => {
  // Two links of one board differ only in the fragment (#t=…): going from one to the other
  // is a same-document navigation, which the app must follow.
  it('going from the edit link to the view link opens the board view-only', async () => {
    const board = await e2e.server.createBoard({ title: 'リンクの切り替え' });
    const { page } = await e2e.participant();
    await openBoard(page, board.links.edit, { name: '山田 太郎' });
    await page.goto(board.links.view);
    await page.getByTestId('readonly-note').waitFor({ timeout: 10_000 });
  });
});
