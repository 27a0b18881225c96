import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBoard, screenshot, type BoardWindow } from '../helpers/browser.ts';
import { useE2E } from './harness.ts';
import { outlineLink } from './outline.ts';

const e2e = useE2E();

/** Counts every pointer or mouse press and click the page receives from now on. */
async function countPointerEvents(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { rbPointer: number };
    w.rbPointer = 0;
    for (const type of ['pointerdown', 'mousedown', 'mouseup', 'pointerup']) document.addEventListener(type, () => (w.rbPointer += 1), true);
  });
  return () => page.evaluate(() => (window as unknown as { rbPointer: number }).rbPointer);
}

/** What has focus: its outline id and text. */
function focused(page: Page): Promise<{ id: string | null; text: string }> {
  return page.evaluate(() => ({ id: (document.activeElement as HTMLElement | null)?.dataset.outlineId ?? null, text: document.activeElement?.textContent ?? '' }));
}

function shapeProps(page: Page, id: string): Promise<Record<string, unknown> | undefined> {
  return page.evaluate((shapeId) => (window as BoardWindow).editor!.getShape(shapeId as never)?.props as Record<string, unknown> | undefined, id);
}

describe('the outline can be edited by keyboard alone', () => {
  it('adds a 本人の言葉 and a plan item, changes a 状態 and names a missing field, with no pointer event; focus follows what was made', async () => {
    const board = await e2e.server.createBoard({ template: 'blank' });
    const a = await e2e.participant();
    const b = await e2e.participant();
    await openBoard(a.page, outlineLink(board.links.edit), { name: '山本 和夫', role: 'client' });
    await openBoard(b.page, board.links.edit, { name: '田中 さん', role: 'soudan' });
    const page = a.page;
    await page.getByRole('main', { name: 'よみやすい画面' }).waitFor();
    const pointer = await countPointerEvents(page);

    // 本人の言葉: the add button, then the form's fields in order; Enter on 追加 submits.
    await page.getByTestId('outline-add-voice').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('パンを作る仕事を続けたい');
    await page.keyboard.press('Tab'); // how it was expressed
    await page.keyboard.press('Tab'); // who wrote it down (prefilled with my name)
    await page.keyboard.press('Tab'); // 追加
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.outlineId !== undefined);
    const voice = await focused(page);
    expect(voice.text).toContain('パンを作る仕事を続けたい');
    expect(await shapeProps(page, voice.id!)).toMatchObject({ text: 'パンを作る仕事を続けたい', recordedBy: '山本 和夫', source: 'spoken' });
    // It reaches the other participant's canvas.
    await b.page.waitForFunction((id) => (window as BoardWindow).editor!.getShape(id as never) !== undefined, voice.id);

    // A plan item: an empty need is refused, named, and focused.
    await page.getByTestId('outline-add-plan').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab'); // 計画を足す
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: '困っていること・ねがいを書いてください。' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/need$/);
    await screenshot(page, 'outline/03-keyboard-missing-need');
    await page.keyboard.type('週末に買い物に行きたい');
    await page.keyboard.press('Tab');
    await page.keyboard.type('月2回 出かける');
    await page.keyboard.press('Tab');
    await page.keyboard.type('移動支援');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // 担当: the first role, 相談支援専門員
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.textContent?.includes('週末に買い物に行きたい') === true);
    const plan = await focused(page);
    expect(await shapeProps(page, plan.id!)).toMatchObject({ need: '週末に買い物に行きたい', goal: '月2回 出かける', support: '移動支援', owner: 'soudan', state: 'proposed' });
    await page.getByRole('heading', { name: '相談支援専門員', level: 3 }).waitFor();

    // Its 状態, from the item: Tab to the select, one step down (提案 → 合意).
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('outline-plan-state');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction((id) => (window as BoardWindow).editor!.getShape(id as never)?.props && ((window as BoardWindow).editor!.getShape(id as never)!.props as { state: string }).state === 'agreed', plan.id);
    await b.page.waitForFunction((id) => ((window as BoardWindow).editor!.getShape(id as never)?.props as { state?: string } | undefined)?.state === 'agreed', plan.id);

    // A service card: name, system (kept), provider, amount, use (kept), then 追加.
    await page.getByTestId('outline-add-service').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('移動支援');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('ゆうゆう');
    await page.keyboard.press('Tab');
    await page.keyboard.type('月8時間');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'outline-service');
    const service = await focused(page);
    expect(service.text).toContain('移動支援');
    expect(await shapeProps(page, service.id!)).toMatchObject({ service: '移動支援', system: 'shogai', provider: 'ゆうゆう', amount: '月8時間', status: 'in-use' });
    await page.getByRole('heading', { name: '障害福祉サービス', level: 3 }).waitFor();

    // Editing a 本人の言葉 from its item: Tab past 読み上げる to 直す.
    await page.locator(`[data-outline-id="${voice.id}"]`).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    await page.keyboard.type('。工房の友だちと。');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => (document.activeElement as HTMLElement | null)?.dataset.outlineId === id, voice.id);
    expect(await shapeProps(page, voice.id!)).toMatchObject({ text: 'パンを作る仕事を続けたい。工房の友だちと。' });
    await screenshot(page, 'outline/04-keyboard-done');

    expect(await pointer()).toBe(0);
  });

  it('is the same outline, read-only, for a view link', async () => {
    const board = await e2e.server.createBoard({ template: 'exercise-1' });
    const v = await e2e.participant();
    await openBoard(v.page, outlineLink(board.links.view), { name: '見学 さん', role: 'observer' });
    const main = v.page.getByRole('main', { name: 'よみやすい画面' });
    await main.waitFor();
    await main.getByRole('note').filter({ hasText: '見るだけのリンクです' }).waitFor();
    expect(await v.page.getByTestId('outline-voice').count()).toBeGreaterThan(0);
    expect(await v.page.getByTestId('outline-plan').count()).toBeGreaterThan(0);
    // Nothing to add, edit or change: no add buttons, no 直す, no 状態 select; the 状態 is text.
    expect(await main.getByRole('button', { name: /足す|直す/ }).count()).toBe(0);
    expect(await main.getByRole('combobox').count()).toBe(0);
    expect(await v.page.getByTestId('outline-plan').first().innerText()).toMatch(/状態：(提案|合意|保留)/);
    await screenshot(v.page, 'outline/05-view-link');
  });
});
