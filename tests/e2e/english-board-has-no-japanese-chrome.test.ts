import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBoard, screenshot, type BoardWindow } from '../helpers/browser.ts';
import { useE2E } from './harness.ts';

const e2e = useE2E();

/** Japanese script (kana and kanji) in a text. */
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

/** The texts of the board's own UI around the canvas: header, side panels, toolbar (not the case's content on the canvas). */
async function chromeTexts(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((els) =>
    els.flatMap((el) => {
      const out: string[] = [];
      const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        const t = n.textContent?.trim();
        if (t) out.push(t);
      }
      for (const e of el.querySelectorAll('[title],[aria-label],[placeholder]')) {
        for (const a of ['title', 'aria-label', 'placeholder']) {
          const v = e.getAttribute(a);
          if (v) out.push(v);
        }
      }
      return out;
    }),
  );
}

describe('the board in English', () => {
  it('template names, the transition helper and summary, and the toolbar’s case tools are English', async () => {
    const { page } = await e2e.participant({ viewport: { width: 1400, height: 1000 } });
    await page.addInitScript(() => localStorage.setItem('renkei.locale', 'en'));
    await page.goto(`${e2e.server.baseUrl}/`);
    await page.getByRole('heading', { level: 2, name: 'Create a board' }).waitFor();
    const options = await page.locator('select option').allTextContents();
    expect(options.filter((o) => JAPANESE.test(o)), 'template names in English').toEqual([]);
    await screenshot(page, 'english/01-home');

    const board = await e2e.server.createBoard({ title: 'Yamamoto transition meeting', template: 'exercise-1' });
    await openBoard(page, board.links.owner, { name: 'Alex', role: 'soudan' });
    // The 居宅介護 card of the case: its transition helper, and the summary of the board.
    await page.evaluate(() => {
      const editor = (window as BoardWindow).editor!;
      editor.select('shape:svc-kyotaku' as never);
    });
    await page.getByTestId('transition-panel').waitFor();
    await page.getByTestId('transition-summary').waitFor();
    const side = await chromeTexts(page, '.rb-board__side');
    // Catalogue names the case wrote (居宅介護 typed on the card) may stay; the UI around them may not.
    const fields = await page.locator('.rb-board__side input, .rb-board__side textarea').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    const chrome = side.filter((t) => JAPANESE.test(t) && !fields.includes(t));
    expect(chrome, 'Japanese left in the side panels').toEqual([]);
    await page.evaluate(() => {
      const editor = (window as BoardWindow).editor!;
      editor.zoomToBounds(editor.getShapePageBounds('shape:frame-services' as never)!, { animation: { duration: 0 }, inset: 20 });
    });
    await page.getByTestId('transition-panel').scrollIntoViewIfNeeded();
    await screenshot(page, 'english/02-board-transition-helper');
    await page.getByTestId('transition-summary').scrollIntoViewIfNeeded();
    await screenshot(page, 'english/02b-transition-summary');

    // The other kinds of card: their panels are English around what the case wrote.
    for (const id of ['shape:basic-info', 'shape:plan-kobo', 'shape:voice-0', 'shape:lifeline', 'shape:svc-koudou']) {
      const selected = await page.evaluate((shapeId) => (window as BoardWindow).editor!.select(shapeId as never).getSelectedShapeIds() as string[], id);
      expect(selected, 'the case has this card').toEqual([id]);
      await page.getByTestId('shape-panel').waitFor();
      const values = await page.locator('.rb-board__side input, .rb-board__side textarea, .rb-board__side select').evaluateAll((els) =>
        els.flatMap((e) => [(e as HTMLInputElement).value, ...(e instanceof HTMLSelectElement ? [e.selectedOptions[0]?.textContent ?? ''] : [])]),
      );
      const left = (await chromeTexts(page, '.rb-board__side')).filter((t) => JAPANESE.test(t) && !values.includes(t));
      expect(left, `Japanese left in the panels of ${id}`).toEqual([]);
    }

    // The cards' own labels on the canvas (system, status, life stages, ages) are English too.
    await page.evaluate(() => {
      const editor = (window as BoardWindow).editor!;
      editor.selectNone();
      editor.zoomToBounds(editor.getShapePageBounds('shape:frame-life' as never)!, { animation: { duration: 0 }, inset: 20 });
    });
    const band = await chromeTexts(page, '.tl-shape[data-shape-type="rb-lifeline"]');
    expect(band.length, 'the life band is drawn').toBeGreaterThan(0);
    expect(band.filter((t) => JAPANESE.test(t)), 'Japanese on the life band').toEqual([]);
    await screenshot(page, 'english/04-life-band');

    // The toolbar's case tools have words, not a single kanji.
    // At this width tldraw keeps the last tools behind its “more” button: open it.
    const more = page.locator('[data-testid="tools.more-button"]:visible');
    if ((await more.count()) > 0) await more.first().click();
    const words = page.locator('.rb-tool-icon:visible');
    await words.filter({ hasText: 'Voice' }).waitFor();
    const shown = await words.allTextContents();
    expect(shown, 'the case tools show words').toEqual(expect.arrayContaining(['Service', 'Plan', 'Voice', 'Life', 'Person', 'Tie']));
    expect(shown.filter((w) => w.startsWith('rb-')), 'no tool shows its type id').toEqual([]);
    const tools = await chromeTexts(page, '.tlui-toolbar, .tlui-popover__content');
    expect(tools.filter((t) => JAPANESE.test(t)), 'Japanese in the toolbar').toEqual([]);
    await screenshot(page, 'english/03-toolbar');
  });
});
