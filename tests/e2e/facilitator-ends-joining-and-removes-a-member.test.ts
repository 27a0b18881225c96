import path from 'node:path';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateWorkshopResponse } from '../../shared/protocol/index.ts';
import { ARTIFACTS_DIR, launchChromium, newParticipant } from '../helpers/browser.ts';
import { startProcessServer, type ProcessServer } from '../helpers/processServer.ts';

// Issue 12 §4 in a real browser: the facilitator sees who joined, removes one member after a
// confirmation (whose open board then says the link no longer works), and ends joining, after
// which the join page says so in Japanese. Screenshots: tests/e2e/artifacts/members-*.png.

let server: ProcessServer;
let browser: Browser;
let workshop: CreateWorkshopResponse;

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS_DIR, `members-${name}.png`) });

/** A name long enough to need more than one line in the members panel. */
const LONG_NAME = '長谷川 みなみ（北区地域包括支援センター 主任介護支援専門員・社会福祉士）';

async function joinInBrowser(page: Page, name: string): Promise<void> {
  await page.goto(`${server.baseUrl}/j/${workshop.joinCode}`);
  await page.getByTestId('ws-join-name').fill(name);
  await page.getByTestId('ws-join-submit').click();
  await page.waitForURL(`**/w/${workshop.id}/g`);
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  server = await startProcessServer();
  browser = await launchChromium();
  const res = await fetch(`${server.baseUrl}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: '相談支援従事者研修 演習2', template: 'exercise-1', groups: 2 }),
  });
  workshop = (await res.json()) as CreateWorkshopResponse;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a facilitator ends joining and removes a member', () => {
  it('lists the members, removes one after a confirmation, and the removed member’s page says the link no longer works', async () => {
    const memberA = await (await newParticipant(browser)).newPage();
    const memberB = await (await newParticipant(browser)).newPage();
    const memberC = await (await newParticipant(browser)).newPage();
    await joinInBrowser(memberA, '山田 花子');
    await joinInBrowser(memberB, '鈴木 一郎');
    await joinInBrowser(memberC, LONG_NAME);
    await memberA.getByTestId('connection-status').waitFor();

    const fac = await (await newParticipant(browser)).newPage();
    await fac.goto(workshop.links.facilitator);
    const panel = fac.getByTestId('ws-members-panel');
    await panel.getByText('山田 花子').waitFor();
    await panel.getByText('鈴木 一郎').waitFor();
    await panel.getByText(LONG_NAME).waitFor();
    // Every row keeps its 削除 button beside the name, on the right, however long the name:
    // a long name wraps inside its own column instead of pushing the button under it.
    for (const li of await panel.getByTestId('ws-members').locator('li').all()) {
      const who = (await li.locator('.rb-ws-members__who').boundingBox())!;
      const button = (await li.getByTestId('ws-member-remove').boundingBox())!;
      expect(button.x).toBeGreaterThanOrEqual(who.x + who.width - 1);
      expect(button.y + button.height / 2).toBeGreaterThan(who.y);
      expect(button.y + button.height / 2).toBeLessThan(who.y + who.height);
    }
    // The role shows as the user knows it, never as its id.
    expect(await panel.locator('li', { hasText: '鈴木 一郎' }).textContent()).toContain('相談支援専門員・グループ1');
    expect(await fac.getByTestId('ws-joining-status').textContent()).toBe('参加受付中です。参加コードで新しい人が入れます。');
    await panel.scrollIntoViewIfNeeded();
    await shot(fac, '01-list');

    const row = panel.locator('li', { hasText: '山田 花子' });
    await row.getByTestId('ws-member-remove').click();
    await row.getByText('山田 花子さんを削除しますか？').waitFor();
    await shot(fac, '02-confirm');
    await row.getByTestId('ws-member-remove-yes').click();
    await panel.getByText('山田 花子さんを削除しました。').waitFor();
    await expect.poll(() => panel.getByTestId('ws-members').locator('li').allTextContents()).toEqual([expect.stringContaining('鈴木 一郎'), expect.stringContaining(LONG_NAME)]);
    await shot(fac, '03-removed');

    // The removed member's open board says so; the other member's stays connected.
    await expect.poll(() => memberA.getByTestId('connection-status').textContent(), { timeout: 15_000 }).toContain('このリンクは使えなくなりました');
    await shot(memberA, '04-removed-member');
    expect(await memberB.getByTestId('connection-status').getAttribute('data-status')).not.toBe('revoked');
  });

  it('ends joining: the toggle says so and a newcomer’s join page says joining has ended', async () => {
    const fac = await (await newParticipant(browser)).newPage();
    await fac.goto(workshop.links.facilitator);
    await fac.getByTestId('ws-joining-toggle').click();
    await expect.poll(() => fac.getByTestId('ws-joining-status').textContent()).toBe('参加受付は終了しています。参加コードではもう入れません。');
    expect(await fac.getByTestId('ws-joining-toggle').textContent()).toBe('参加受付を再開');
    await fac.getByTestId('ws-members-panel').scrollIntoViewIfNeeded();
    await shot(fac, '05-joining-ended');

    const newcomer = await (await newParticipant(browser)).newPage();
    await newcomer.goto(`${server.baseUrl}/j/${workshop.joinCode}`);
    await newcomer.getByText('この研修の参加受付は終了しています。講師に再開を頼んでください。').waitFor();
    await shot(newcomer, '06-join-closed');

    await fac.getByTestId('ws-joining-toggle').click();
    await expect.poll(() => fac.getByTestId('ws-joining-status').textContent()).toBe('参加受付中です。参加コードで新しい人が入れます。');
    await newcomer.reload();
    await newcomer.getByTestId('ws-join-form').waitFor();
  });
});
