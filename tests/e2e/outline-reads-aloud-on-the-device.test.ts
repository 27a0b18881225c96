import { describe, expect, it } from 'vitest';
import { openBoard, type BoardWindow } from '../helpers/browser.ts';
import { useE2E } from './harness.ts';
import { outlineLink } from './outline.ts';

const e2e = useE2E();

type Heard = { text: string; lang: string; rate: number }[];

describe('reading the outline aloud', () => {
  it('reads an item and a section with the browser’s own ja-JP synthesis at the chosen speed, and stops at once', async () => {
    const board = await e2e.server.createBoard({ template: 'blank' });
    const a = await e2e.participant();
    // Record what the page asks the real synthesis to say, then let it say it.
    await a.context.addInitScript(() => {
      const w = window as unknown as { rbHeard: Heard; rbCancels: number };
      w.rbHeard = [];
      w.rbCancels = 0;
      const synth = window.speechSynthesis;
      const speak = synth.speak.bind(synth);
      const cancel = synth.cancel.bind(synth);
      synth.speak = (u: SpeechSynthesisUtterance) => {
        w.rbHeard.push({ text: u.text, lang: u.lang, rate: u.rate });
        speak(u);
      };
      synth.cancel = () => {
        w.rbCancels += 1;
        cancel();
      };
    });
    await openBoard(a.page, outlineLink(board.links.edit), { name: '山本 和夫', role: 'client' });
    await a.page.getByRole('main', { name: 'よみやすい画面' }).waitFor();
    await a.page.evaluate(() => {
      const editor = (window as BoardWindow).editor!;
      editor.createShape({ type: 'rb-voice', x: 0, y: 0, props: { text: '家で母と暮らしたい' } });
    });
    const item = a.page.getByTestId('outline-voice').filter({ hasText: '家で母と暮らしたい' });
    await item.waitFor();
    const heard = () => a.page.evaluate(() => (window as unknown as { rbHeard: Heard }).rbHeard);

    await item.getByRole('button', { name: '読み上げる' }).focus();
    await a.page.keyboard.press('Enter');
    await a.page.waitForFunction(() => (window as unknown as { rbHeard: Heard }).rbHeard.length === 1);
    expect((await heard())[0]).toEqual({ text: '「家で母と暮らしたい」。 本人が話した言葉。', lang: 'ja-JP', rate: 1 });

    // Faster: the speed slider by keyboard, then the whole section.
    await a.page.getByRole('slider', { name: '読む速さ' }).focus();
    await a.page.keyboard.press('ArrowRight');
    await a.page.keyboard.press('ArrowRight');
    await a.page.getByTestId('outline-section-voices').getByRole('button', { name: 'ここを読み上げる' }).focus();
    await a.page.keyboard.press('Enter');
    await a.page.waitForFunction(() => (window as unknown as { rbHeard: Heard }).rbHeard.length === 2);
    const section = (await heard())[1]!;
    expect(section.lang).toBe('ja-JP');
    expect(section.rate).toBeCloseTo(1.2, 5);
    expect(section.text.startsWith('本人の言葉。')).toBe(true);
    expect(section.text).toContain('「家で母と暮らしたい」');
    expect(section.text).not.toMatch(/読み上げる|直す/);

    // Stop: the synthesis is cancelled and says nothing more.
    const cancelsBefore = await a.page.evaluate(() => (window as unknown as { rbCancels: number }).rbCancels);
    await a.page.getByTestId('outline-stop').focus();
    await a.page.keyboard.press('Enter');
    await a.page.waitForFunction((n) => (window as unknown as { rbCancels: number }).rbCancels > n, cancelsBefore);
    expect(await a.page.evaluate(() => window.speechSynthesis.speaking || window.speechSynthesis.pending)).toBe(false);
  });
});
