// ふりがな beyond the board (issue 16): with the one ruby setting on, the home page and a
// workshop's join page show readings over their kanji, keep plain accessible names, and stay
// free of axe violations.
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import type { CreateWorkshopResponse } from '../../shared/protocol/index.ts';
import { screenshot } from '../helpers/browser.ts';
import { useE2E } from './harness.ts';
import { outlineAxe } from './outline.ts';

const e2e = useE2E();

/** What an element shows with its ruby, as 「base(reading)」 runs between plain text. */
function shownWithRuby(el: Locator): Promise<string> {
  return el.evaluate((node) => {
    const shown = node.querySelector('.rb-ruby-text');
    if (!shown) return `(no ruby) ${node.textContent ?? ''}`;
    return [...shown.childNodes].map((n) => (n instanceof HTMLElement && n.localName === 'ruby' ? `${[...n.childNodes].filter((c) => c.nodeType === Node.TEXT_NODE).map((c) => c.textContent).join('')}(${n.querySelector('rt')?.textContent ?? ''})` : (n.textContent ?? ''))).join('');
  });
}

describe('ruby on the home and workshop pages', () => {
  it('reads the headings and labels with readings, names them plainly, and passes axe', async () => {
    const res = await fetch(`${e2e.server.baseUrl}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: '研修', template: 'exercise-1', groups: 2 }),
    });
    const ws = (await res.json()) as CreateWorkshopResponse;
    // axe is injected as a script tag: the app's CSP would refuse it.
    const { page } = await e2e.participant({ bypassCSP: true });
    await page.addInitScript(() => localStorage.setItem('renkei.ruby', '1'));

    await page.goto(`${e2e.server.baseUrl}/`);
    const create = page.locator('#rb-create-h');
    await create.locator('ruby').first().waitFor({ timeout: 60_000 });
    expect(await shownWithRuby(create)).toBe('新(あたら)しいボードを作(つく)る');
    await expect.poll(() => page.getByRole('heading', { name: '新しいボードを作る' }).count()).toBe(1);
    expect(await outlineAxe(page, { include: ['body'] })).toEqual([]);
    await screenshot(page, 'ruby-pages/01-home');

    await page.goto(`${e2e.server.baseUrl}/j/${ws.joinCode}`);
    const heading = page.locator('#rb-ws-join-h');
    await heading.locator('ruby').first().waitFor({ timeout: 60_000 });
    expect(await shownWithRuby(heading)).toBe('研修(けんしゅう)に参加(さんか)する');
    await expect.poll(() => page.getByRole('heading', { name: '研修に参加する' }).count()).toBe(1);
    expect(await outlineAxe(page, { include: ['body'] })).toEqual([]);
    await screenshot(page, 'ruby-pages/02-join');
  });
});
