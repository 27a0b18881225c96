import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { canvasPoint, openBoard, screenshot, seriousAxeViolations, type BoardWindow } from '../helpers/browser.ts';
import { useE2E } from './harness.ts';

const e2e = useE2E();

/** B moves over the canvas, so A has a cursor with a name tag to look at. */
async function wiggle(page: Page): Promise<void> {
  const over = await canvasPoint(page, 0.55, 0.45);
  await page.mouse.move(over.x - 30, over.y - 30);
  await page.mouse.move(over.x, over.y, { steps: 4 });
}

/** A sees the participant `name` with `role` in the panel, and as a collaborator of that name. */
async function seenBy(page: Page, name: string, role: string): Promise<void> {
  await page.getByTestId('participants').getByRole('listitem').filter({ hasText: name }).filter({ hasText: role }).waitFor();
  await page.waitForFunction((n) => (window as BoardWindow).editor!.getCollaborators().some((c) => c.userName === n), name);
}

describe('a participant changes who they are from the board', () => {
  it('a new name and role show in the other side’s panel and on the cursor, and “not you?” makes a new participant', async () => {
    const board = await e2e.server.createBoard({ title: '名前を変える' });
    const a = await e2e.participant();
    const b = await e2e.participant({ bypassCSP: true }); // for the injected axe script
    await openBoard(a.page, board.links.owner, { name: '山田 太郎', role: 'soudan' });
    await openBoard(b.page, board.links.edit, { name: '佐藤 花子', role: 'caremanager' });
    await wiggle(b.page);
    await seenBy(a.page, '佐藤 花子', '介護支援専門員');
    const firstId = await b.page.evaluate(() => JSON.parse(localStorage.getItem('renkei.identity')!).id as string);

    // B corrects their name and role from the participants panel.
    await b.page.getByTestId('participant-self').getByTestId('identity-change').click();
    const dialog = b.page.getByTestId('identity-dialog');
    await expect(dialog.getByTestId('identity-name').inputValue()).resolves.toBe('佐藤 花子');
    await dialog.getByTestId('identity-name').fill('佐藤 花子（家族）');
    await dialog.getByTestId('identity-role').selectOption('provider');
    await screenshot(b.page, 'identity-change/01-b-changes-name-and-role');
    expect(await seriousAxeViolations(b.page), 'the dialog over the board is accessible').toEqual([]);
    await dialog.getByTestId('identity-enter').click();
    await dialog.waitFor({ state: 'detached' });
    await wiggle(b.page);

    await seenBy(a.page, '佐藤 花子（家族）', 'サービス事業所');
    await a.page.locator('.tl-nametag', { hasText: '佐藤 花子（家族）' }).waitFor();
    // The same person (same id): A's panel shows one row for B, not the old one as well.
    await expect(a.page.getByTestId('participants').getByRole('listitem').count()).resolves.toBe(2);
    const kept = await b.page.evaluate(() => JSON.parse(localStorage.getItem('renkei.identity')!) as { id: string; name: string; role: string });
    expect(kept).toEqual({ id: firstId, name: '佐藤 花子（家族）', role: 'provider' });
    await screenshot(a.page, 'identity-change/02-a-sees-the-new-name-and-role');

    // The next person at B's PC: 「…さんではありませんか？」 starts fresh, with a new id.
    await b.page.getByTestId('participant-self').getByTestId('identity-change').click();
    await dialog.getByText('佐藤 花子（家族）さんではありませんか？').waitFor();
    await dialog.getByTestId('identity-not-you').click();
    await expect(dialog.getByTestId('identity-name').inputValue()).resolves.toBe('');
    await screenshot(b.page, 'identity-change/03-not-you-starts-fresh');
    await dialog.getByTestId('identity-name').fill('鈴木 一郎');
    await dialog.getByTestId('identity-role').selectOption('nurse');
    await dialog.getByTestId('identity-enter').click();
    await wiggle(b.page);
    await seenBy(a.page, '鈴木 一郎', '保健師・看護師');
    const next = await b.page.evaluate(() => JSON.parse(localStorage.getItem('renkei.identity')!) as { id: string; name: string });
    expect(next.name).toBe('鈴木 一郎');
    expect(next.id).not.toBe(firstId);
    await a.page.getByTestId('participants').getByRole('listitem').filter({ hasText: '佐藤 花子（家族）' }).waitFor({ state: 'detached' });
    await screenshot(a.page, 'identity-change/04-a-sees-the-next-person');
  });
});
