import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openBoard, screenshot, waitForEditor } from '../helpers/browser.ts';
import { useE2E } from './harness.ts';
import { outlineAxe } from './outline.ts';

const e2e = useE2E();

/** What an element shows with its ruby, as 「base(reading)」 runs between plain text: 参加者(さんかしゃ). */
function shownWithRuby(el: Locator): Promise<string> {
  return el.evaluate((node) => {
    const shown = node.querySelector('.rb-ruby-text');
    if (!shown) return `(no ruby) ${node.textContent ?? ''}`;
    return [...shown.childNodes].map((n) => (n instanceof HTMLElement && n.localName === 'ruby' ? `${[...n.childNodes].filter((c) => c.nodeType === Node.TEXT_NODE).map((c) => c.textContent).join('')}(${n.querySelector('rt')?.textContent ?? ''})` : (n.textContent ?? ''))).join('');
  });
}

/** Texts in the side panel and header whose box is narrower than what they draw (clipped). */
function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.rb-board__side :is(h2, h3, button, label, p, li, summary), .rb-board__header :is(button, a, label, .rb-status)')]
      .filter((el) => el.offsetParent !== null && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1))
      .map((el) => `${el.localName}: ${el.textContent?.slice(0, 30)}`),
  );
}

describe('the ふりがな switch reaches the board chrome', () => {
  it('switched on in the board header: the side panel shows ruby with the right readings, the outline too, axe-clean; the setting survives a reload; no ruby in English', async () => {
    const board = await e2e.server.createBoard({ template: 'exercise-1' });
    const a = await e2e.participant({ bypassCSP: true });
    const dictionary: string[] = [];
    a.context.on('request', (r) => void (new URL(r.url()).pathname.startsWith('/dict/') && dictionary.push(r.url())));
    const { page } = a;
    await openBoard(page, board.links.owner, { name: '山田 太郎', role: 'soudan' });
    const side = page.locator('.rb-board__side');
    await page.getByTestId('case-menu').waitFor();
    await page.getByTestId('summary-moves').waitFor();
    await screenshot(page, 'ruby/01-board-off');
    expect(await side.locator('ruby').count(), 'no ruby while the switch is off').toBe(0);
    expect(dictionary, 'the dictionary is not fetched before the switch is on').toEqual([]);

    // On, by keyboard, from the header (beside 文字を大きく).
    const header = page.locator('.rb-board__header');
    await header.getByRole('checkbox', { name: '文字を大きく' }).waitFor();
    await header.getByTestId('switch-ruby').focus();
    await page.keyboard.press('Space');
    await page.locator('[data-testid=switch-ruby-label][data-ruby-state=on]').waitFor({ timeout: 60_000 });
    await side.locator('ruby').first().waitFor();
    expect(dictionary.length, 'the dictionary comes from our server once the switch is on').toBeGreaterThan(0);

    // A fixed sample, read as a person reads them (readings written here by hand).
    expect(await shownWithRuby(page.locator('#rb-participants-h'))).toBe('参加者(さんかしゃ)');
    expect(await shownWithRuby(page.getByTestId('add-rb-plan'))).toBe('計画項目(けいかくこうもく)');
    expect(await shownWithRuby(page.getByTestId('add-rb-voice'))).toBe('本人(ほんにん)の言葉(ことば)');
    expect(await shownWithRuby(page.locator('#rb-case-menu-heading'))).toBe('ケース会議(かいぎ)');
    expect(await shownWithRuby(page.getByTestId('summary-moves').locator('h3'))).toBe('介護保険(かいごほけん)に移(うつ)るもの');
    expect(await shownWithRuby(page.locator('#rb-records-h'))).toBe('会議(かいぎ)の記録(きろく)');
    expect(await shownWithRuby(page.getByTestId('connection-status'))).toBe('同期済(どうきず)み');
    // The header's own settings have ruby too; the people's names do not (their readings are theirs).
    expect(await shownWithRuby(header.locator('label', { hasText: '文字を大きく' }))).toBe('文字(もじ)を大(おお)きく');
    expect(await page.getByTestId('participant-self').locator('.rb-name ruby').count()).toBe(0);
    // Names stay the plain words: what a screen reader says, and what voice control matches.
    await page.getByRole('button', { name: '計画項目', exact: true }).waitFor();
    await page.getByRole('heading', { name: /^参加者 1$/ }).waitFor();
    await page.getByRole('checkbox', { name: '文字を大きく' }).waitFor();

    await screenshot(page, 'ruby/02-board-on');
    await side.screenshot({ path: 'tests/e2e/artifacts/ruby/03-side-panel-on.png' });
    expect(await clipped(page)).toEqual([]);
    const findings = (await outlineAxe(page, { include: ['.rb-board__side', '.rb-board__header'] })).map((v) => `[${v.impact}] ${v.id} — ${v.help} — ${v.targets.join(', ')}`);
    expect(findings).toEqual([]);

    // The share dialog (owner) has ruby too.
    await page.getByTestId('share-button').click();
    const dialog = page.getByRole('dialog');
    expect(await shownWithRuby(dialog.locator('h2'))).toBe('リンクを共有(きょうゆう)する');
    await screenshot(page, 'ruby/04-share-dialog-on');
    expect((await outlineAxe(page, { include: ['.rb-dialog'] })).map((v) => v.id)).toEqual([]);
    await dialog.getByRole('button', { name: '閉じる' }).click();
    await dialog.waitFor({ state: 'detached' });

    // So has the save-record dialog (its meeting details and consent fields too).
    await page.getByTestId('record-open-save').click();
    const save = page.getByRole('dialog');
    expect(await shownWithRuby(save.locator('h2'))).toBe('この時点(じてん)のボードを記録(きろく)として保存(ほぞん)');
    await save.getByTestId('meeting-date').waitFor();
    await screenshot(page, 'ruby/04b-save-record-on');
    expect((await outlineAxe(page, { include: ['.rb-dialog'] })).map((v) => `${v.id} ${v.targets.join(', ')}`)).toEqual([]);
    await save.getByRole('button', { name: 'やめる', exact: true }).click();
    await save.waitFor({ state: 'detached' });

    // The outline has the same setting: its switch is on and its texts have ruby.
    await page.getByTestId('switch-layout').click();
    await page.getByRole('main', { name: 'よみやすい画面' }).waitFor();
    await expect.poll(() => page.getByTestId('outline-ruby').isChecked()).toBe(true);
    expect(await shownWithRuby(page.locator('#rb-outline-voices'))).toBe('本人(ほんにん)の言葉(ことば)');
    await screenshot(page, 'ruby/05-outline-on');

    // A reload keeps it on (remembered in this browser), on the outline and in the header.
    await page.reload();
    await waitForEditor(page);
    await page.locator('#rb-outline-voices ruby').first().waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('switch-ruby').isChecked()).toBe(true);
    expect(await shownWithRuby(page.locator('.rb-board__header').getByTestId('switch-layout'))).toBe('ボードに戻(もど)る');

    // Off from the outline's switch: the header's follows (one setting, not two).
    await page.getByTestId('outline-ruby').click();
    await expect.poll(() => page.getByTestId('switch-ruby').isChecked()).toBe(false);
    expect(await page.locator('.rb-board__header ruby, #rb-outline ruby').count()).toBe(0);

    // In English: the switch is there (Furigana) and on, but the UI shows no ruby.
    await page.getByTestId('switch-ruby').click();
    await page.locator('#rb-outline ruby').first().waitFor();
    await page.getByTestId('switch-language').click();
    await page.getByRole('main', { name: 'Easy-read view' }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Furigana' }).first().isChecked()).toBe(true);
    expect(await page.locator('ruby').count()).toBe(0);
    await screenshot(page, 'ruby/06-english-no-ruby');
  });

  it('says so beside the switch when the dictionary cannot be loaded, and the texts stay plain', async () => {
    const board = await e2e.server.createBoard({ template: 'blank' });
    const a = await e2e.participant();
    const { page } = a;
    await page.route('**/dict/**', (route) => route.abort('connectionrefused'));
    await openBoard(page, board.links.edit, { name: '佐藤 花子', role: 'caremanager' });
    await page.getByTestId('switch-ruby').check();
    await page.locator('[data-testid=switch-ruby-label][data-ruby-state=failed]').waitFor({ timeout: 60_000 });
    await page.locator('.rb-board__header').getByRole('status').filter({ hasText: 'ふりがなの辞書を読み込めませんでした。' }).waitFor();
    expect(await page.locator('ruby').count()).toBe(0);
    expect(await page.locator('#rb-participants-h').textContent()).toContain('参加者');
    await screenshot(page, 'ruby/07-dictionary-failed');
  });

  it('is on from the first page of a browser that chose it: the identity dialog shows ruby, axe-clean, names stay plain words', async () => {
    const board = await e2e.server.createBoard({ template: 'blank' });
    const a = await e2e.participant({ bypassCSP: true });
    const { page } = a;
    // The choice as this browser remembers it (as the first test made it through the switch).
    await page.addInitScript(() => localStorage.setItem('renkei.ruby', '1'));
    await page.goto(board.links.edit);
    const dialog = page.getByTestId('identity-dialog');
    await dialog.locator('h1 ruby').first().waitFor({ timeout: 60_000 });
    expect(await shownWithRuby(dialog.locator('h1'))).toBe('あなたのことを教(おし)えてください');
    expect(await shownWithRuby(dialog.locator('label').first())).toBe('表示(ひょうじ)する名前(なまえ)');
    await page.getByRole('textbox', { name: '表示する名前', exact: true }).fill('佐藤 花子');
    await screenshot(page, 'ruby/08-identity-dialog-on');
    expect((await outlineAxe(page, { include: ['[data-testid=identity-dialog]'] })).map((v) => `${v.id} ${v.targets.join(', ')}`)).toEqual([]);
    await page.getByRole('button', { name: 'ボードに入る', exact: true }).click();
    await waitForEditor(page);
    expect(await shownWithRuby(page.locator('#rb-participants-h'))).toBe('参加者(さんかしゃ)');
  });
});
