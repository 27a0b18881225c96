import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBoard, screenshot, type BoardWindow } from '../helpers/browser.ts';
import { useE2E } from './harness.ts';

const e2e = useE2E();

/** The screen point at the middle of a lane (`shape:lane-kaigo`), at `fy` of its height. */
async function laneMiddle(page: Page, lane: string, fy = 0.8): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([id, f]) => {
      const editor = (window as BoardWindow).editor!;
      const b = editor.getShapePageBounds(id as never)!;
      return editor.pageToScreen({ x: b.x + b.w / 2, y: b.y + b.h * f });
    },
    [lane, fy] as const,
  );
}

const cardProps = (page: Page, id: string) =>
  page.evaluate((shapeId) => (window as BoardWindow).editor!.getShape(shapeId as never)!.props as { system: string; service: string }, id);

describe('a service card follows the column it is in', () => {
  it('drawn in the 介護保険 column it is 介護保険; moved to 医療 it is offered 医療, and takes it when asked', async () => {
    const board = await e2e.server.createBoard({ title: '列と制度', template: 'exercise-1' });
    const { page } = await e2e.participant({ viewport: { width: 1400, height: 900 } });
    await openBoard(page, board.links.owner, { name: '田中 相談員', role: 'soudan' });
    await page.evaluate(() => {
      const editor = (window as BoardWindow).editor!;
      const frame = editor.getCurrentPageShapes().find((s) => s.type === 'frame' && (s.props as { name: string }).name === '現在のサービス')!;
      editor.zoomToBounds(editor.getShapePageBounds(frame)!, { animation: { duration: 0 }, inset: 20 });
      editor.setCurrentTool('rb-service');
    });
    const before = new Set(await page.evaluate(() => [...(window as BoardWindow).editor!.getCurrentPageShapeIds()] as string[]));
    const at = await laneMiddle(page, 'shape:lane-kaigo');
    await page.mouse.click(at.x, at.y);
    const id = await page.evaluate(
      (prev) => (window as BoardWindow).editor!.getCurrentPageShapes().find((s) => s.type === 'rb-service' && !prev.includes(s.id))?.id as string | undefined,
      [...before],
    );
    expect(id, 'a new card').toBeDefined();
    await expect(cardProps(page, id!)).resolves.toMatchObject({ system: 'kaigo' });

    // Moved by hand into the 医療 column: a small prompt offers 医療; nothing changes until asked.
    // A drawn card opens for typing its name: click off it first, as a person leaves the typing.
    const off = await page.evaluate(() => {
      const editor = (window as BoardWindow).editor!;
      const frame = editor.getShapePageBounds('shape:frame-services' as never)!;
      return editor.pageToScreen({ x: frame.x - 40, y: frame.y + 200 });
    });
    await page.mouse.click(off.x, off.y);
    await page.waitForFunction(() => (window as BoardWindow).editor!.isIn('select.idle'));
    const from = await page.evaluate((cardId) => {
      const editor = (window as BoardWindow).editor!;
      return editor.pageToScreen(editor.getShapePageBounds(cardId as never)!.center);
    }, id!);
    const to = await laneMiddle(page, 'shape:lane-iryo');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
    await page.mouse.move(to.x, to.y, { steps: 5 });
    await page.mouse.up();
    const offer = page.getByTestId('column-system-offer');
    await offer.waitFor();
    await expect(offer.textContent()).resolves.toContain('医療');
    await expect(cardProps(page, id!)).resolves.toMatchObject({ system: 'kaigo' });
    await screenshot(page, 'service-column/01-offer-after-moving-to-iryo');
    await page.getByTestId('column-system-change').click();
    await page.waitForFunction((cardId) => ((window as BoardWindow).editor!.getShape(cardId as never)!.props as { system: string }).system === 'iryo', id!);
    await offer.waitFor({ state: 'detached' });
  });

  it('a 介護保険 name on a 障害福祉 card is said once, the same way in both panels', async () => {
    const board = await e2e.server.createBoard({ title: '一つの言い方', template: 'exercise-1' });
    const { page } = await e2e.participant({ viewport: { width: 1400, height: 900 } });
    await openBoard(page, board.links.owner, { name: '田中 相談員', role: 'soudan' });
    await page.evaluate(() => void (window as BoardWindow).editor!.selectNone());
    await page.getByTestId('add-rb-service').click();
    await page.getByTestId('service-panel').waitFor();
    await expect(page.getByTestId('service-system').inputValue()).resolves.toBe('shogai');
    await page.getByTestId('service-name').fill('訪問介護');
    await page.getByTestId('service-name').press('Enter');
    const side = page.locator('.rb-board__side');
    await side.getByText('「訪問介護」は介護保険サービスの一覧にあるサービスです', { exact: false }).first().waitFor();
    const text = (await side.textContent()) ?? '';
    expect(text).not.toContain('一覧のサービスとつながっています');
    expect(text).not.toContain('このサービス名は一覧にない');
    await screenshot(page, 'service-column/02-kaigo-name-on-a-shogai-card');
    await page.getByTestId('service-use-system').click();
    await expect(page.getByTestId('service-system').inputValue()).resolves.toBe('kaigo');
    await side.getByText('一覧のサービスとつながっています：訪問介護').waitFor();
  });
});
