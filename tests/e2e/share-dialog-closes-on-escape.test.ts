import { describe, expect, it } from 'vitest';
import { openBoard } from '../helpers/browser.ts';
import { useE2E } from './harness.ts';

const e2e = useE2E();

describe('the share dialog', () => {
  // A modal dialog closes on Escape and gives focus back to what opened it (WAI-ARIA APG).
  it('closes on Escape and returns focus to the share button', async () => {
    const board = await e2e.server.createBoard({ title: '共有ダイアログ' });
    const { page } = await e2e.participant();
    await openBoard(page, board.links.owner, { name: '山田 太郎' });
    await page.getByTestId('share-button').click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('share-button');
  });
});
