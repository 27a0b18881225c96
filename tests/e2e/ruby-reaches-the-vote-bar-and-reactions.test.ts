// ふりがな on a member's group board in a workshop (issue 16): with the one ruby setting on,
// the vote bar and the reaction buttons in the header and the reaction badges on the board
// show readings over their kanji, keep plain accessible names, fit, and stay free of axe
// violations. Screenshots: artifacts/ruby-workshop/*.png.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { CreateWorkshopResponse } from '../../shared/protocol/index.ts';
import { screenshot } from '../helpers/browser.ts';
import { useE2E } from './harness.ts';
import { outlineAxe } from './outline.ts';

const e2e = useE2E();

/** What an element shows with its ruby, as 「base(reading)」 runs between plain text: 投票(とうひょう). */
function shownWithRuby(el: Locator): Promise<string> {
  return el.evaluate((node) => {
    const shown = node.querySelector('.rb-ruby-text');
    if (!shown) return `(no ruby) ${node.textContent ?? ''}`;
    return [...shown.childNodes].map((n) => (n instanceof HTMLElement && n.localName === 'ruby' ? `${[...n.childNodes].filter((c) => c.nodeType === Node.TEXT_NODE).map((c) => c.textContent).join('')}(${n.querySelector('rt')?.textContent ?? ''})` : (n.textContent ?? ''))).join('');
  });
}

/**
 * Parts of the vote bar, reactions and badges that do not fit their box, and readings cut by
 * the box that clips them (the question) or drawn across the border of their button, badge or bar.
 */
function badlyPlaced(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('.rb-ws-votebar > *, .rb-ws-reactions button, .rb-ws-badge')) {
      if (el.scrollHeight > el.clientHeight + 1) out.push(`clipped ${el.className || el.localName}: ${el.textContent?.slice(0, 30)}`);
    }
    for (const rt of document.querySelectorAll('.rb-ws-votebar rt, .rb-ws-reactions rt, .rb-ws-badge rt')) {
      const box = rt.closest('.rb-ws-votebar__q, button, .rb-ws-badge, .rb-ws-votebar');
      if (box && rt.getBoundingClientRect().top < box.getBoundingClientRect().top) out.push(`ruby out of ${box.className || box.localName}: ${rt.textContent}`);
    }
    return out;
  });
}

describe('ruby on a member\'s group board', () => {
  it('the vote bar, the reactions and their badges read with readings, are named plainly, fit, and pass axe', async () => {
    const res = await fetch(`${e2e.server.baseUrl}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: '投票の研修', template: 'exercise-1', groups: 1 }) });
    const w = (await res.json()) as CreateWorkshopResponse;

    // axe is injected as a script tag: the app's CSP would refuse it.
    const { page } = await e2e.participant({ bypassCSP: true, viewport: { width: 1400, height: 900 }, locale: 'ja-JP' });
    await page.addInitScript(() => localStorage.setItem('renkei.ruby', '1'));
    await page.goto(`${e2e.server.baseUrl}/j/${w.joinCode}`);
    await page.getByTestId('ws-join-name').fill('田中 相談員');
    await page.getByTestId('ws-join-role').selectOption('soudan');
    await page.getByTestId('ws-join-submit').click();
    await page.waitForURL(`**/w/${w.id}/g`);
    await page.getByTestId('ws-mode-group').click();
    await expect.poll(() => page.getByTestId('ws-tools').getAttribute('data-canvas'), { timeout: 20_000 }).toBe('group');
    await page.waitForFunction(() => window.editor !== undefined && !window.editor.isDisposed && window.editor.getShape('shape:family-0' as never) !== undefined, undefined, { timeout: 20_000 });
    await page.locator('[data-testid=switch-ruby-label][data-ruby-state=on]').waitFor({ timeout: 60_000 });

    const facilitator = (await e2e.participant()).page;
    await facilitator.goto(`${e2e.server.baseUrl}/w/${w.id}#t=${encodeURIComponent(w.tokens.facilitator)}`);
    await facilitator.getByTestId('ws-vote-question').fill('いちばん大事な家族の思いは？');
    await facilitator.getByTestId('ws-vote-per-person').fill('1');
    await facilitator.getByTestId('ws-vote-start').click();
    await facilitator.getByTestId('ws-vote-current').waitFor();

    const bar = page.getByTestId('ws-votebar');
    await bar.waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId('ws-vote-remaining').getAttribute('data-remaining')).toBe('1');
    await page.getByTestId('ws-vote-remaining').locator('ruby').waitFor();
    expect(await shownWithRuby(bar.locator('.rb-ws-votebar__q'))).toBe('投票(とうひょう)：いちばん大事(だいじ)な家族(かぞく)の思(おも)いは？');
    expect(await shownWithRuby(page.getByTestId('ws-vote-remaining'))).toBe('のこり1票(ひょう)');
    expect(await shownWithRuby(page.getByTestId('ws-vote-cast'))).toBe('選(えら)んだものに投票(とうひょう)');
    await page.getByRole('button', { name: '選んだものに投票', exact: true }).waitFor();

    await page.evaluate(() => {
      window.editor!.select('shape:family-0' as never);
      window.editor!.zoomToSelection({ animation: { duration: 0 } });
      window.editor!.zoomOut(undefined, { animation: { duration: 0 } });
    });
    await page.getByTestId('ws-vote-cast').click();
    await expect.poll(() => page.getByTestId('ws-vote-remaining').getAttribute('data-remaining')).toBe('0');
    await page.getByTestId('ws-vote-message').locator('ruby').waitFor();
    expect(await shownWithRuby(page.getByTestId('ws-vote-message'))).toBe('投票(とうひょう)しました。');

    // Reactions: the buttons' words read; their names are the plain words and the count.
    expect(await shownWithRuby(page.getByTestId('ws-react-agree'))).toBe('賛成(さんせい)');
    expect(await shownWithRuby(page.getByTestId('ws-react-check'))).toBe('要確認(ようかくにん)');
    await page.getByRole('button', { name: '賛成 0', exact: true }).click();
    await expect.poll(() => page.getByTestId('ws-react-agree').getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
    await page.getByRole('button', { name: '賛成 1', exact: true }).waitFor();
    const badge = page.locator('[data-testid=ws-reaction-badge][data-target="shape:family-0"]');
    await badge.locator('ruby').waitFor({ timeout: 10_000 });
    expect(await shownWithRuby(badge)).toBe('賛成(さんせい)');
    expect(await badge.evaluate((b) => b.textContent?.endsWith('1'))).toBe(true);

    await screenshot(page, 'ruby-workshop/01-group-board');
    await page.locator('.rb-board__header').screenshot({ path: 'tests/e2e/artifacts/ruby-workshop/02-header.png' });
    await bar.screenshot({ path: 'tests/e2e/artifacts/ruby-workshop/02b-vote-bar.png' });
    await page.getByTestId('ws-reactions').screenshot({ path: 'tests/e2e/artifacts/ruby-workshop/02c-reactions.png' });
    const box = await badge.boundingBox();
    if (box) await page.screenshot({ path: 'tests/e2e/artifacts/ruby-workshop/03-badges.png', clip: { x: Math.max(0, box.x - 80), y: Math.max(0, box.y - 60), width: 320, height: 140 } });
    expect(await badlyPlaced(page)).toEqual([]);
    const findings = (await outlineAxe(page, { include: ['.rb-board__header'] })).map((v) => `[${v.impact}] ${v.id} — ${v.help} — ${v.targets.join(', ')}`);
    expect(findings).toEqual([]);
  });
});
