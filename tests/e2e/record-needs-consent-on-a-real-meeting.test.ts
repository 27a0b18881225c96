import { describe, expect, it } from 'vitest';
import { CreatedRecordSchema } from '../../shared/protocol/index.ts';
import { openBoard, screenshot } from '../helpers/browser.ts';
import { useE2E } from './harness.ts';

const e2e = useE2E();

// Issue 13, 運営基準 第23条③: the save dialog of a real meeting asks for consent per person;
// a 研修用 board's does not.
describe('saving a record of a real meeting', () => {
  it('asks who consented, how and when, refuses without it, and keeps it in the record', async () => {
    const board = await e2e.server.createBoard({ title: '山本さん 移行支援会議', template: 'meeting' });
    const { page } = await e2e.participant();
    await openBoard(page, board.links.owner, { name: '相談 花子', role: 'soudan' });
    await page.getByTestId('record-open-save').click();
    const consent = page.getByTestId('consent');
    await consent.waitFor();
    await expect(consent.getByText('同意の確認（運営基準 第23条③）').isVisible()).resolves.toBe(true);

    // Nobody entered: the dialog says what is missing and saves nothing.
    await page.getByTestId('record-save').click();
    await page.getByRole('alert').getByText('同意した人を1人以上入れてください。').waitFor();

    const row = page.getByTestId('consent-row').first();
    await row.getByLabel('同意した人 1').fill('山本 和夫');
    await row.getByLabel('方法 1').selectOption('proxy');
    await row.getByLabel('代理人（続柄・氏名） 1').fill('長女 山本 幸子');
    await row.getByLabel('同意した日 1').fill('2026-04-06');
    await page.getByTestId('consent-online').check();
    await page.getByTestId('consent-tool').fill('Zoom');
    await page.getByTestId('record-save').click();
    await page.getByRole('alert').getByText('オンライン開催の同意を1人以上確認してください。').waitFor();
    await row.getByLabel('オンライン開催にも同意').check();
    await screenshot(page, 'consent/01-save-dialog-with-consent');
    await page.getByTestId('record-save').click();
    await page.getByTestId('records-list').waitFor();

    const res = await fetch(`${e2e.server.baseUrl}/api/boards/${board.id}/records`, { headers: { authorization: `Bearer ${board.tokens.view}` } });
    const [rec] = CreatedRecordSchema.array().parse(await res.json());
    const entry = { name: '山本 和夫', method: 'proxy', proxy: '長女 山本 幸子', date: '2026-04-06' };
    expect(rec?.consent).toEqual({ online: true, onlineTool: 'Zoom', personalInfo: [entry], onlineMeeting: [entry] });
  });

  it('on an exercise board says no consent is needed and saves', async () => {
    const board = await e2e.server.createBoard({ title: '事例演習', template: 'exercise-1' });
    const { page } = await e2e.participant();
    await openBoard(page, board.links.owner, { name: '研修 太郎', role: 'soudan' });
    await page.getByTestId('record-open-save').click();
    await page.getByTestId('training-note').getByText('研修用のボードです。同意の記録は要りません。').waitFor();
    expect(await page.getByTestId('consent').count()).toBe(0);
    await page.getByTestId('record-save').click();
    await page.getByTestId('records-list').waitFor();
  });
});
