import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CreatedRecord } from '../../shared/protocol/index.ts';
import { openBoard, screenshot, waitForStatus } from '../helpers/browser.ts';
import { TEST_CONSENT } from '../helpers/consent.ts';
import { api } from '../helpers/http.ts';
import { useE2E } from './harness.ts';

const e2e = useE2E({ env: { RECORD_RETENTION_DAYS: '730', RETENTION_DAYS: '365' } });

/** Open the owner's personal-data dialog on a tab. */
async function openTab(page: Page, tab: 'links' | 'audit' | 'retention' | 'delete'): Promise<void> {
  if (!(await page.getByTestId('privacy-dialog').isVisible())) await page.getByTestId('privacy-button').click();
  await page.getByTestId(`privacy-tab-${tab}`).click();
}

// Issue 17 in the browser: the owner issues a personal link, sees its name beside the chosen one,
// reads the audit log and the retention dates, stops the link, and deletes the board.
describe('the owner manages the board\'s personal data', () => {
  it('issues and stops a personal link, reads the log and retention, deletes the board', async () => {
    const title = '山本様 サービス担当者会議';
    const board = await e2e.server.createBoard({ title });
    const saved = await api(e2e.server.baseUrl, 'POST', `/api/boards/${board.id}/records`, { token: board.tokens.owner, json: { title: '第1回 担当者会議', consent: TEST_CONSENT } });
    const record = saved.body as CreatedRecord;
    // A Japanese browser, as at a 事業所 (the date-time field follows the browser's language).
    const owner = await e2e.participant({ viewport: { width: 1280, height: 860 }, locale: 'ja-JP' });
    await openBoard(owner.page, board.links.owner, { name: '相談員 佐藤', role: 'soudan' });

    await openTab(owner.page, 'links');
    await owner.page.getByTestId('personal-link-name').fill('山本 幸子（長女）');
    await owner.page.getByLabel('メモ（本人には見えません）').fill('長女・キーパーソン');
    await owner.page.getByLabel('有効期限').selectOption({ label: '90日' });
    await owner.page.getByTestId('personal-link-issue').click();
    const link = await owner.page.getByTestId('personal-link-issued').inputValue();
    expect(link).toContain(`/b/${board.id}#t=`);
    await owner.page.getByTestId('personal-link-list').getByText('期限:').waitFor();
    await screenshot(owner.page, 'privacy/01-personal-link-issued');

    // The daughter opens her link with a name of her own choosing.
    await owner.page.getByRole('button', { name: '閉じる' }).last().click();
    const daughter = await e2e.participant();
    await openBoard(daughter.page, link, { name: 'さちこ', role: 'family' });
    const shown = owner.page.getByTestId('participant-link-name');
    await shown.waitFor();
    expect(await shown.textContent()).toBe('個別リンク：山本 幸子（長女）');
    await screenshot(owner.page, 'privacy/02-participants-show-the-link-name');

    // The audit log shows her joining through her link.
    await openTab(owner.page, 'audit');
    const joined = owner.page.getByTestId('audit-log').locator('tr', { hasText: '入室' }).filter({ hasText: '山本 幸子（長女）' });
    await joined.first().waitFor();
    const download = owner.page.waitForEvent('download');
    await owner.page.getByTestId('audit-csv').click();
    expect((await download).suggestedFilename()).toBe(`${title}_監査ログ.csv`);
    await screenshot(owner.page, 'privacy/03-audit-log');

    // Retention, told in advance, in Japanese months.
    await openTab(owner.page, 'retention');
    const month = new Intl.DateTimeFormat('ja-JP', { year: 'numeric', month: 'long', timeZone: 'Asia/Tokyo' }).format(new Date(Date.parse(record.createdAt) + 730 * 24 * 3600_000));
    await owner.page.getByText(`この記録は${month}に削除されます`).waitFor();
    await screenshot(owner.page, 'privacy/04-retention');

    // Stopping her link closes her session.
    await openTab(owner.page, 'links');
    await owner.page.getByRole('button', { name: 'このリンクを止める' }).click();
    await waitForStatus(daughter.page, 'revoked');
    await owner.page.getByTestId('personal-link-list').getByText('停止済み').waitFor();
    await screenshot(owner.page, 'privacy/05-link-stopped');

    // The same dialog in English.
    await owner.page.evaluate(() => localStorage.setItem('renkei.locale', 'en'));
    await owner.page.reload();
    await owner.page.getByTestId('privacy-button').waitFor();
    await openTab(owner.page, 'links');
    await owner.page.getByTestId('personal-link-list').getByText('Stopped', { exact: true }).waitFor();
    await screenshot(owner.page, 'privacy/06-english-links');
    await openTab(owner.page, 'retention');
    await owner.page.getByText('This record will be deleted in').waitFor();
    await openTab(owner.page, 'delete');
    await screenshot(owner.page, 'privacy/07-english-delete');

    // Deleting needs the title typed again.
    await owner.page.evaluate(() => localStorage.setItem('renkei.locale', 'ja'));
    await owner.page.reload();
    await openTab(owner.page, 'delete');
    const button = owner.page.getByTestId('delete-board-button');
    await owner.page.getByTestId('delete-confirm').fill('山本様');
    expect(await button.isDisabled()).toBe(true);
    await owner.page.getByTestId('delete-confirm').fill(title);
    await screenshot(owner.page, 'privacy/08-delete-typed');
    await button.click();
    await owner.page.waitForURL((url) => url.pathname === '/');
    expect((await api(e2e.server.baseUrl, 'GET', `/api/boards/${board.id}`, { token: board.tokens.owner })).status).toBe(404);
  });
});
