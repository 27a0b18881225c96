// ふりがな in the owner's privacy dialog (issues 16 and 17): with the one ruby setting on, every
// tab shows readings over its kanji (dates read as dates), keeps the people's names plain and
// the accessible names plain words, fits its texts, and stays free of axe violations; the
// English UI shows none. Screenshots: artifacts/ruby-privacy/*.png.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { CreatedPersonalLink } from '../../shared/protocol/index.ts';
import { openBoard, screenshot } from '../helpers/browser.ts';
import { TEST_CONSENT } from '../helpers/consent.ts';
import { api } from '../helpers/http.ts';
import { useE2E } from './harness.ts';
import { outlineAxe } from './outline.ts';

const e2e = useE2E({ env: { RECORD_RETENTION_DAYS: '730', RETENTION_DAYS: '365' } });

/** What an element shows with its ruby, as 「base(reading)」 runs between plain text: 削除(さくじょ). */
function shownWithRuby(el: Locator): Promise<string> {
  return el.evaluate((node) => {
    const shown = node.querySelector('.rb-ruby-text');
    if (!shown) return `(no ruby) ${node.textContent ?? ''}`;
    return [...shown.childNodes].map((n) => (n instanceof HTMLElement && n.localName === 'ruby' ? `${[...n.childNodes].filter((c) => c.nodeType === Node.TEXT_NODE).map((c) => c.textContent).join('')}(${n.querySelector('rt')?.textContent ?? ''})` : (n.textContent ?? ''))).join('');
  });
}

/** The readings the dialog shows over a word, as the eye sees them (the <rt> of each <ruby> whose base is the word). */
function readingsOver(dialog: Locator, word: string): Promise<string[]> {
  return dialog.evaluate(
    (node, word) =>
      [...node.querySelectorAll('ruby')]
        .filter((r) => [...r.childNodes].filter((c) => c.nodeType === Node.TEXT_NODE).map((c) => c.textContent).join('') === word)
        .map((r) => r.querySelector('rt')?.textContent ?? ''),
    word,
  );
}

/**
 * What is badly placed in the dialog: texts that do not fit their box (clipped), readings that
 * stick out of their button or badge, and readings drawn over other text (a line too low for
 * its ruby reaches into the line above).
 */
function badlyPlaced(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const dialog = document.querySelector('.rb-dialog');
    if (!dialog) return ['no dialog'];
    for (const el of dialog.querySelectorAll<HTMLElement>(':is(h2, p, label, button, th, td, li, .rb-badge, .rb-role, .rb-privacy__meta)')) {
      if (el.offsetParent === null || getComputedStyle(el).display === 'inline') continue;
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) out.push(`clipped ${el.localName}: ${el.textContent?.slice(0, 30)}`);
    }
    // Where each visible piece of text is drawn, line by line (not the plain copies for assistive technology).
    const texts: { node: Node; rect: DOMRect }[] = [];
    const walker = document.createTreeWalker(dialog, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent?.trim() || n.parentElement?.closest('.rb-visually-hidden, rp')) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const rect of range.getClientRects()) if (rect.width > 0 && rect.height > 0) texts.push({ node: n, rect });
    }
    const overlap = (a: DOMRect, b: DOMRect) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
    for (const rt of dialog.querySelectorAll('rt')) {
      const r = rt.getBoundingClientRect();
      if (r.height === 0) continue;
      const box = rt.closest<HTMLElement>('button, .rb-badge');
      if (box && r.top < box.getBoundingClientRect().top) out.push(`ruby out of its ${box.localName}: ${rt.textContent}`);
      const ruby = rt.parentElement;
      // Text of a line above (it ends higher than the reading does); a reading may overhang the
      // kana beside its word on the same line, as Japanese typesetting allows.
      for (const t of texts) if (!ruby?.contains(t.node) && t.rect.bottom < r.bottom && overlap(r, t.rect)) out.push(`ruby ${rt.textContent} over 「${t.node.textContent?.slice(0, 12)}」`);
    }
    return out;
  });
}

async function axeOnDialog(page: Page): Promise<string[]> {
  return (await outlineAxe(page, { include: ['.rb-dialog'] })).map((v) => `[${v.impact}] ${v.id} — ${v.help} — ${v.targets.join(', ')}`);
}

describe('ruby in the privacy dialog', () => {
  it('reads every tab with readings, keeps names plain and the accessible names plain words, fits, passes axe; none in English', async () => {
    const title = '山本様 サービス担当者会議';
    const board = await e2e.server.createBoard({ title });
    const owner = board.tokens.owner;
    await api(e2e.server.baseUrl, 'POST', `/api/boards/${board.id}/records`, { token: owner, json: { title: '第1回 担当者会議', consent: TEST_CONSENT } });
    // Two personal links, one stopped: the list shows a role, a badge and the last-use line.
    expect((await api(e2e.server.baseUrl, 'POST', `/api/boards/${board.id}/personal-links`, { token: owner, json: { name: '山本 幸子（長女）', role: 'edit', note: '長女・キーパーソン' } })).status).toBe(201);
    const other = (await api(e2e.server.baseUrl, 'POST', `/api/boards/${board.id}/personal-links`, { token: owner, json: { name: '田中 一郎', role: 'view' } })).body as CreatedPersonalLink;
    expect((await api(e2e.server.baseUrl, 'DELETE', `/api/boards/${board.id}/personal-links/${other.id}`, { token: owner })).status).toBe(200);

    // axe is injected as a script tag: the app's CSP would refuse it.
    const { page } = await e2e.participant({ bypassCSP: true, viewport: { width: 1280, height: 860 }, locale: 'ja-JP' });
    await page.addInitScript(() => localStorage.setItem('renkei.ruby', '1'));
    await openBoard(page, board.links.owner, { name: '相談員 佐藤', role: 'soudan' });
    await page.locator('[data-testid=switch-ruby-label][data-ruby-state=on]').waitFor({ timeout: 60_000 });
    // The facilitator lock in the header has ruby too (図形 read ずけい, not IPAdic's づけい).
    expect(await shownWithRuby(page.getByTestId('lock-selected'))).toBe('選(えら)んだ図形(ずけい)を固定(こてい)');

    await page.getByTestId('privacy-button').click();
    const dialog = page.getByTestId('privacy-dialog');
    await dialog.locator('h2 ruby').first().waitFor();
    expect(await shownWithRuby(dialog.locator('h2'))).toBe('個人情報(こじんじょうほう)の管理(かんり)');
    expect(await shownWithRuby(page.getByTestId('privacy-tab-delete'))).toBe('ボードの削除(さくじょ)');
    expect(await readingsOver(dialog, '削除')).toContain('さくじょ');
    expect(await readingsOver(dialog, '個人情報')).toContain('こじんじょうほう');
    // Names stay the plain words: what a screen reader says, and what voice control matches.
    await page.getByRole('heading', { name: '個人情報の管理', exact: true }).waitFor();
    await page.getByRole('tab', { name: 'ボードの削除', exact: true }).waitFor();
    await page.getByRole('textbox', { name: '渡す人の名前', exact: true }).waitFor();
    await page.getByRole('button', { name: 'リンクを発行する', exact: true }).waitFor();

    // Links: labels and buttons read; the people's names and the note as they typed them.
    const list = page.getByTestId('personal-link-list');
    await list.locator('li').nth(1).waitFor();
    expect(await shownWithRuby(dialog.locator('label[for=rb-pl-name]'))).toBe('渡(わた)す人(ひと)の名前(なまえ)');
    expect(await shownWithRuby(list.locator('.rb-badge'))).toBe('停止済(ていしず)み');
    expect(await list.locator('strong ruby').count(), 'no ruby over the names').toBe(0);
    expect(await list.locator('strong').allTextContents()).toEqual(expect.arrayContaining(['山本 幸子（長女）', '田中 一郎']));
    await page.getByRole('button', { name: 'このリンクを止める', exact: true }).waitFor();
    await screenshot(page, 'ruby-privacy/01-links');
    await list.screenshot({ path: 'tests/e2e/artifacts/ruby-privacy/01b-link-list.png' });
    expect(await badlyPlaced(page)).toEqual([]);
    expect(await axeOnDialog(page)).toEqual([]);

    // Audit log: heads, events and the facts' labels read; the names in it stay plain.
    await page.getByTestId('privacy-tab-audit').click();
    const issued = page.getByTestId('audit-log').locator('tr', { hasText: '山本 幸子（長女）' }).filter({ hasText: '個別リンクを発行' });
    await issued.waitFor();
    expect(await shownWithRuby(page.getByTestId('audit-log').locator('th').first())).toBe('日時(にちじ)');
    expect(await shownWithRuby(issued.locator('td').nth(1))).toBe('個別(こべつ)リンクを発行(はっこう)');
    const facts = issued.locator('.rb-privacy__detail');
    expect(await readingsOver(facts, '渡')).toEqual(['わた']);
    expect(await facts.locator('ruby', { hasText: '山本' }).count(), 'no ruby over the name a link was issued to').toBe(0);
    expect(await facts.textContent()).toContain('渡した人: 山本 幸子（長女）');
    await screenshot(page, 'ruby-privacy/02-audit');
    expect(await badlyPlaced(page)).toEqual([]);
    expect(await axeOnDialog(page)).toEqual([]);

    // Retention: dates read as dates (月 as がつ, not つき).
    await page.getByTestId('privacy-tab-retention').click();
    await page.getByTestId('retention-records').waitFor();
    const retention = page.getByTestId('retention');
    expect(await shownWithRuby(page.getByTestId('retention-board'))).toMatch(/^このボードは、だれも変更\(へんこう\)しないままなら\d{4}年\(ねん\)\d{1,2}月/);
    const months = await retention.evaluate((node) => [...node.querySelectorAll('ruby')].filter((r) => r.firstChild?.textContent?.startsWith('月')).map((r) => r.querySelector('rt')?.textContent ?? ''));
    expect(months.length).toBeGreaterThan(1);
    for (const reading of months) expect(reading).toMatch(/^がつ/);
    expect(await retention.locator('strong ruby').count(), 'the record\'s title as typed').toBe(0);
    await screenshot(page, 'ruby-privacy/03-retention');
    expect(await badlyPlaced(page)).toEqual([]);
    expect(await axeOnDialog(page)).toEqual([]);

    // Delete: the confirm label (with the title), the choice and the button read.
    await page.getByTestId('privacy-tab-delete').click();
    await page.getByTestId('delete-confirm').waitFor();
    expect(await shownWithRuby(page.getByTestId('delete-board-button'))).toBe('このボードを完全(かんぜん)に削除(さくじょ)する');
    expect(await shownWithRuby(dialog.locator('label[for=rb-delete-confirm]'))).toMatch(/^確認\(かくにん\)のため、ボードの名前\(なまえ\)「.+」を入力\(にゅうりょく\)してください$/);
    await page.getByRole('textbox', { name: `確認のため、ボードの名前「${title}」を入力してください`, exact: true }).waitFor();
    await screenshot(page, 'ruby-privacy/04-delete');
    expect(await badlyPlaced(page)).toEqual([]);
    expect(await axeOnDialog(page)).toEqual([]);
    await dialog.getByRole('button', { name: '閉じる', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    // In English: the switch stays on, the dialog shows no ruby.
    await page.getByTestId('switch-language').click();
    await page.getByRole('checkbox', { name: 'Furigana' }).first().waitFor();
    expect(await page.getByRole('checkbox', { name: 'Furigana' }).first().isChecked()).toBe(true);
    await page.getByTestId('privacy-button').click();
    await page.getByRole('heading', { name: 'Personal data of this board', exact: true }).waitFor();
    for (const tab of ['links', 'audit', 'retention', 'delete'] as const) {
      await page.getByTestId(`privacy-tab-${tab}`).click();
      await page.locator(`#rb-privacy-panel-${tab} section, #rb-privacy-panel-${tab} p`).first().waitFor();
      expect(await page.locator('ruby').count(), `no ruby in English (${tab})`).toBe(0);
    }
    await screenshot(page, 'ruby-privacy/05-english-no-ruby');
  });
});
