import { describe, expect, it } from 'vitest';
import { openBoard, screenshot, type BoardWindow } from '../helpers/browser.ts';
import { useE2E } from './harness.ts';
import { outlineAxe, outlineLink } from './outline.ts';

const e2e = useE2E();

const SAMPLE = '相談支援専門員と介護支援専門員が、居宅介護と要介護認定のことを話しました。筋萎縮性側索硬化症。';

describe('the outline is accessible, with ruby and in high contrast', () => {
  it('has no axe violation of any impact in both themes and with ruby on; ruby reads the domain words right', async () => {
    const board = await e2e.server.createBoard({ template: 'exercise-1' });
    const a = await e2e.participant({ bypassCSP: true });
    const dictionary: string[] = [];
    a.page.on('request', (r) => void (new URL(r.url()).pathname.startsWith('/dict/kuromoji/') && dictionary.push(r.url())));
    await openBoard(a.page, outlineLink(board.links.edit), { name: '本田 一郎', role: 'client' });
    await a.page.getByRole('main', { name: 'よみやすい画面' }).waitFor();
    const id = await a.page.evaluate((text) => {
      const editor = (window as BoardWindow).editor!;
      editor.createShape({ type: 'rb-voice', x: 5000, y: 5000, props: { text } });
      return editor.getCurrentPageShapes().find((s) => (s.props as { text?: string }).text === text)!.id as string;
    }, SAMPLE);
    const item = a.page.locator(`[data-outline-id="${id}"]`);
    await item.waitFor();

    const findings: string[] = [];
    // In くっきり表示 our chrome (the header) is held to 7:1 too.
    const audit = async (name: string, enhanced: boolean) => {
      await screenshot(a.page, `outline/axe-${name}`);
      for (const v of await outlineAxe(a.page, { enhanced, alsoChrome: enhanced })) findings.push(`${name}: [${v.impact}] ${v.id} — ${v.help} — ${v.targets.join(', ')}`);
    };
    await audit('01-default', false);
    expect(dictionary, 'the dictionary loads only once ruby is on').toEqual([]);

    // くっきり表示: axe with WCAG AAA contrast (7:1).
    await a.page.getByTestId('outline-contrast').focus();
    await a.page.keyboard.press('Space');
    await a.page.waitForFunction(() => document.documentElement.classList.contains('rb-contrast'));
    await audit('02-contrast', true);

    // Ruby on: the dictionary comes from our server, the readings appear over the kanji.
    await a.page.getByTestId('outline-ruby').focus();
    await a.page.keyboard.press('Space');
    await a.page.locator('[data-testid=outline-ruby-status][data-state=on]').waitFor({ state: 'attached', timeout: 60_000 });
    await item.locator('ruby').first().waitFor();
    expect(dictionary.length).toBeGreaterThan(0);
    const readings = await item.locator('.rb-outline__quote ruby').evaluateAll((els) =>
      els.map((el) => {
        const base = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('');
        return `${base}(${el.querySelector('rt')?.textContent ?? ''})`;
      }),
    );
    expect(readings).toEqual(
      expect.arrayContaining([
        '相談支援専門員(そうだんしえんせんもんいん)',
        '介護支援専門員(かいごしえんせんもんいん)',
        '居宅介護(きょたくかいご)',
        '要介護認定(ようかいごにんてい)',
        '話(はな)',
        '筋萎縮性側索硬化症(きんいしゅくせいそくさくこうかしょう)',
      ]),
    );
    // The visible text is still the words themselves (ruby adds, never replaces).
    expect(await item.locator('.rb-outline__quote').evaluate((el) => [...el.querySelectorAll('rt, rp')].reduce((t, n) => t.replace(n.textContent ?? '', ''), el.textContent ?? ''))).toContain(SAMPLE);
    await item.scrollIntoViewIfNeeded();
    await audit('03-contrast-ruby', true);

    await a.page.getByTestId('outline-contrast').focus();
    await a.page.keyboard.press('Space');
    await a.page.waitForFunction(() => !document.documentElement.classList.contains('rb-contrast'));
    await audit('04-default-ruby', false);

    // And in English.
    await a.page.getByTestId('switch-language').click();
    await a.page.getByRole('main', { name: 'Easy-read view' }).waitFor();
    await audit('05-english', false);

    expect(findings).toEqual([]);

    // The audit is live, not vacuous: an unlabeled button in the outline is reported.
    await a.page.evaluate(() => document.getElementById('rb-outline')!.append(document.createElement('button')));
    expect((await outlineAxe(a.page)).map((v) => v.id)).toContain('button-name');
  });
});
