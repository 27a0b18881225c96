import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CreatedRecordSchema } from '../../shared/protocol/index.ts';
import { ARTIFACTS_DIR, openBoard, screenshot } from '../helpers/browser.ts';
import { useE2E } from './harness.ts';

const e2e = useE2E();

/** 第4表's headings in the form's order, then the consent and the board's content. */
const HEADINGS_IN_ORDER = ['サービス担当者会議の要点', '会議出席者', '欠席者及び照会内容', '検討した項目', '検討内容', '結論', '残された課題（次回の開催時期）', '同意の確認', '本人の言葉', '家族の思い', '付箋・メモ（枠ごと）', '現在のサービス（制度別）', '支援計画の項目（担当別）', '論点・行政への確認事項'];
const STICKY = '母の担当ケアマネにも今日の結論を伝える';
const squash = (s: string) => s.replace(/\s+/g, '');

/** Print a minutes URL to an A4 PDF with Chromium and read its text back with pdftotext. */
async function printed(url: string, token: string, name: string): Promise<string> {
  const context = await e2e.browser.newContext({ locale: 'ja-JP', extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  try {
    const minutes = await context.newPage();
    const res = await minutes.goto(url);
    expect(res?.status()).toBe(200);
    await minutes.evaluate(() => document.fonts.ready.then(() => undefined));
    await minutes.setViewportSize({ width: 900, height: 1300 });
    await minutes.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
    const pdf = path.join(ARTIFACTS_DIR, `${name}.pdf`);
    await minutes.pdf({ path: pdf, format: 'A4', printBackground: true });
    // Readable on A4: no table cell narrower than two characters (11pt ≈ 3.9 mm; A4 content 186 mm).
    await minutes.emulateMedia({ media: 'print' });
    await minutes.setViewportSize({ width: 703, height: 1000 });
    const narrow = await minutes.evaluate(() =>
      [...document.querySelectorAll('th, td')]
        .filter((c) => (c as HTMLElement).offsetParent !== null && (c.textContent ?? '').trim().length > 1)
        .map((c) => ({ text: (c.textContent ?? '').trim().slice(0, 12), width: c.getBoundingClientRect().width }))
        .filter((c) => c.width < 2 * 15 + 16),
    );
    expect(narrow, 'table cells too narrow to read on A4').toEqual([]);
    return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  } finally {
    await context.close();
  }
}

// Issue 13: a record of a real meeting with its 会議の要点 and consent, filed as 第4表, and the
// 相談支援 side's モニタリング報告 of the same record; the diff in English shows a changed memo.
describe('minutes a care manager can file', () => {
  it('saves the meeting details and consent, prints 第4表 and the モニタリング報告, and compares records in English', async () => {
    const board = await e2e.server.createBoard({ title: '山本さん 移行支援会議', template: 'meeting' });
    const { page, newPage } = await e2e.participant();
    await openBoard(page, board.links.owner, { name: '佐藤 恵', role: 'caremanager' });

    // A sticky note put in a frame of the board: its text must reach the minutes as text.
    await page.evaluate((text) => {
      const editor = window.editor!;
      const frame = editor.getCurrentPageShapes().find((s) => s.type === 'frame' && String((s.props as { name: string }).name).startsWith('引継ぎ'))!;
      editor.createShape({ type: 'note', parentId: frame.id, x: 60, y: 500, props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } } });
    }, STICKY);

    await page.getByTestId('record-open-save').click();
    const meeting = page.getByTestId('record-meeting');
    await meeting.waitFor();
    await meeting.getByTestId('meeting-date').fill('2026-04-13');
    await meeting.getByTestId('meeting-start').fill('10:00');
    await meeting.getByTestId('meeting-end').fill('11:15');
    await meeting.getByTestId('meeting-round').fill('第2回');
    await meeting.getByTestId('meeting-place').fill('山本さんの自宅');
    await meeting.getByTestId('meeting-clientName').fill('山本 和夫');
    await meeting.getByTestId('meeting-clientAttendance').selectOption('present');
    await meeting.getByTestId('meeting-familyAttendance').selectOption('present');
    await meeting.getByTestId('meeting-familyRelation').fill('母');
    await expect.poll(() => meeting.getByTestId('meeting-attendee').count()).toBe(1);
    const attendees = meeting.getByTestId('meeting-attendee');
    await attendees.nth(0).getByLabel('所属（職種） 1').fill('居宅介護支援事業所さくら（介護支援専門員）');
    await meeting.getByTestId('meeting-add-attendee').click();
    await attendees.nth(1).getByLabel('所属（職種） 2').fill('相談支援事業所あおば（相談支援専門員）');
    await attendees.nth(1).getByLabel('氏名 2').fill('田中 一郎');
    await meeting.getByTestId('meeting-add-absentee').click();
    const absentee = meeting.getByTestId('meeting-absentee').first();
    await absentee.getByLabel('所属（職種） 1').fill('ひまわり工房（サービス管理責任者）');
    await absentee.getByLabel('氏名 1').fill('鈴木 花');
    await absentee.getByLabel('照会内容 1').fill('工房に週2日通い続けられるか');
    await absentee.getByLabel('回答 1').fill('送迎を含めて続けられる');
    await meeting.getByTestId('meeting-topics').fill('介護保険への移行と工房の継続');
    await meeting.getByTestId('meeting-discussion').fill('院内介助と生活援助の扱いを話し合った');
    await meeting.getByTestId('meeting-conclusion').fill('訪問介護と工房の併用で進める');
    await meeting.getByTestId('meeting-remaining').fill('院内介助の扱いを市に確認する');
    await meeting.getByTestId('meeting-nextMeeting').fill('認定結果が出たあと（6月ごろ）');
    await meeting.getByTestId('meeting-satisfaction').fill('工房に行けるならいいと話す');
    await meeting.getByTestId('meeting-goalAchievement').fill('週2日の通所を続けている');
    await meeting.getByTestId('meeting-planChange').selectOption('needed');
    await meeting.getByTestId('meeting-nextMonth').fill('2026-07');
    await page.getByTestId('record-note').fill('初回の記録');
    const row = page.getByTestId('consent-row').first();
    await row.getByLabel('同意した人 1').fill('山本 和夫');
    await row.getByLabel('同意した日 1').fill('2026-04-06');
    await meeting.getByTestId('meeting-date').scrollIntoViewIfNeeded();
    await screenshot(page, 'minutes-form4/01-save-dialog-meeting-details');
    await page.getByTestId('record-save').click();
    const list = page.getByTestId('records-list');
    await list.waitFor();
    await list.getByTestId('record-memo').getByText('メモ: 初回の記録').waitFor();

    // The board's 会議の要点 card now says what was confirmed.
    await expect.poll(() => page.evaluate(() => window.editor!.getCurrentPageShapes().filter((s) => s.type === 'rb-meeting').map((s) => (s.props as { details: { conclusion: string } }).details.conclusion))).toEqual(['訪問介護と工房の併用で進める']);

    const res = await fetch(`${e2e.server.baseUrl}/api/boards/${board.id}/records`, { headers: { authorization: `Bearer ${board.tokens.view}` } });
    const [rec] = CreatedRecordSchema.array().parse(await res.json());
    expect(rec?.meeting?.attendees).toEqual([
      { affiliation: '居宅介護支援事業所さくら（介護支援専門員）', name: '佐藤 恵' },
      { affiliation: '相談支援事業所あおば（相談支援専門員）', name: '田中 一郎' },
    ]);
    expect(rec?.title).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日（.） \d{2}:\d{2} 山本さん 移行支援会議$/);

    // The record's own page shows its meeting details beside the board as it was.
    const href = await list.getByTestId('record-open').first().getAttribute('href');
    const viewer = await newPage();
    await viewer.goto(`${e2e.server.baseUrl}${href}`);
    const summary = viewer.getByTestId('record-meeting-summary');
    await summary.getByText('訪問介護と工房の併用で進める').waitFor();
    for (const shown of ['2026年4月13日（月）', '10:00〜11:15', '山本さんの自宅', '田中 一郎（相談支援事業所あおば（相談支援専門員））']) await summary.getByText(shown).first().waitFor();
    await viewer.getByTestId('record-viewer-memo').getByText('メモ: 初回の記録').waitFor();
    await screenshot(viewer, 'minutes-form4/02a-record-page');
    await viewer.close();

    const base = `${e2e.server.baseUrl}/api/boards/${board.id}/records/${rec!.id}/minutes.html`;
    const text = await printed(base, board.tokens.view, 'minutes-form4/02-minutes');
    fs.writeFileSync(path.join(ARTIFACTS_DIR, 'minutes-form4/02-minutes.txt'), text);
    const flat = squash(text);
    let at = -1;
    for (const heading of HEADINGS_IN_ORDER) {
      const next = flat.indexOf(heading, at + 1);
      expect(next, `${heading} after position ${at}`).toBeGreaterThan(at);
      at = next;
    }
    for (const detail of ['第4表', '2026年4月13日（月）', '10:00〜11:15', '山本さんの自宅', '第2回', '山本和夫殿', '田中一郎', '本人：【出席】', '家族：【出席】（続柄：母）', '鈴木花', '工房に週2日通い続けられるか', '送迎を含めて続けられる', '訪問介護と工房の併用で進める', '認定結果が出たあと（6月ごろ）']) {
      expect(flat, detail).toContain(squash(detail));
    }
    expect(flat).toContain(squash(STICKY));
    // The consent lines: who, how, when.
    expect(flat).toContain('個人情報を出席者の間で使うことへの同意');
    expect(flat).toContain(squash('山本 和夫 書面 2026年4月6日（月）'));
    // The other layout is not printed with this one.
    expect(flat).not.toContain('次回モニタリング月');

    const monitoring = squash(await printed(`${base}?format=monitoring`, board.tokens.view, 'minutes-form4/03-monitoring'));
    for (const heading of ['モニタリング報告書', '実施日', '本人の満足度', '目標の達成度', 'サービス等利用計画の変更の要否', '次回モニタリング月']) expect(monitoring, heading).toContain(heading);
    for (const value of ['工房に行けるならいいと話す', '要（変更する）', '2026年7月']) expect(monitoring, value).toContain(value);
    expect(monitoring).not.toContain('検討した項目');

    // A second record with another memo; compared in English, the diff says what the memo was and is.
    await page.getByTestId('record-open-save').click();
    await page.getByTestId('record-note').fill('認定結果を待つ');
    await page.getByTestId('consent-row').first().getByLabel('同意した人 1').fill('山本 和夫');
    await page.getByTestId('record-save').click();
    await expect.poll(() => list.locator('li').count()).toBe(2);
    await page.getByTestId('switch-language').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    for (const box of await list.getByRole('checkbox').all()) await box.check();
    await page.getByTestId('record-compare').click();
    const diff = page.getByTestId('record-diff');
    await diff.waitFor();
    await expect.poll(() => diff.getByTestId('diff-change').allTextContents()).toContain("Record's note: 初回の記録 → 認定結果を待つ");
    expect(await diff.locator('h3, h4').allTextContents()).toEqual(['Differences', "The record's note and meeting details"]);
    await diff.scrollIntoViewIfNeeded();
    await screenshot(page, 'minutes-form4/04-diff-in-english');
  });

  it('places a 会議の要点 card from the ケース会議 menu and edits it in its side panel', async () => {
    const board = await e2e.server.createBoard({ title: '山本さん 移行支援会議', template: 'meeting' });
    const { page } = await e2e.participant();
    await openBoard(page, board.links.owner, { name: '田中 一郎', role: 'soudan' });
    await page.getByTestId('add-rb-meeting').click();
    const panel = page.getByTestId('meeting-panel');
    await panel.waitFor();
    await panel.getByTestId('meeting-date').fill('2026-04-13');
    await panel.getByTestId('meeting-conclusion').fill('訪問介護と工房の併用で進める');
    // Written to the board when focus leaves the form.
    await page.getByTestId('records-panel').click({ position: { x: 5, y: 5 } });
    await expect
      .poll(() => page.evaluate(() => window.editor!.getCurrentPageShapes().filter((s) => s.type === 'rb-meeting').map((s) => (s.props as { details: { date: string; conclusion: string } }).details)))
      .toMatchObject([{ date: '2026-04-13', conclusion: '訪問介護と工房の併用で進める' }]);
    const card = page.getByTestId('rb-meeting');
    await card.getByText('2026年4月13日（月）').waitFor();
    await card.getByText('訪問介護と工房の併用で進める').waitFor();
    await page.evaluate(() => {
      const editor = window.editor!;
      const id = editor.getCurrentPageShapes().find((s) => s.type === 'rb-meeting')!.id;
      editor.select(id);
      editor.zoomToSelection({ animation: { duration: 0 } });
      editor.zoomOut(undefined, { animation: { duration: 0 } });
    });
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'minutes-form4/05-meeting-card-and-panel');
  });
});
