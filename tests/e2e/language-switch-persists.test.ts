import { describe, expect, it } from 'vitest';
import { openBoard, screenshot } from '../helpers/browser.ts';
import { useE2E } from './harness.ts';

const e2e = useE2E();

describe('the language switch', () => {
  it('switches the home page to English, keeps it after a reload, and the board follows', async () => {
    const { page } = await e2e.participant();
    await page.goto(`${e2e.server.baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: '連携ボード' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    await screenshot(page, 'language/01-home-japanese');

    await page.getByTestId('switch-language').click();
    await page.getByRole('heading', { level: 1, name: 'Renkei Board' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Create a board' }).waitFor();
    await expect(page.getByTestId('home-create').textContent()).resolves.toBe('Create board');
    await expect(page.getByTestId('switch-language').textContent()).resolves.toBe('日本語');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await screenshot(page, 'language/02-home-english');

    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Create a board' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await screenshot(page, 'language/03-home-english-after-reload');

    // The board (identity dialog, header, panels) is in English too, and switches back.
    const board = await e2e.server.createBoard({ title: 'Language check' });
    await page.goto(board.links.owner);
    await page.getByRole('heading', { name: 'Tell us about you' }).waitFor();
    await screenshot(page, 'language/04-identity-english');
    await openBoard(page, board.links.owner, { name: 'Alex', role: 'facilitator' });
    await expect(page.getByTestId('connection-status').textContent()).resolves.toBe('Synced');
    await page.getByTestId('participants').getByRole('heading', { name: /Participants/ }).waitFor();
    await screenshot(page, 'language/05-board-english');

    await page.getByTestId('switch-language').click();
    await page.getByTestId('participants').getByRole('heading', { name: /参加者/ }).waitFor();
    await expect(page.getByTestId('connection-status').textContent()).resolves.toBe('同期済み');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    await screenshot(page, 'language/06-board-back-to-japanese');
  });
});
