import { describe, expect, it } from 'vitest';
import { canvasPoint, drawRectangle, enterIdentity, openBoard, screenshot, waitForEditor, waitForStatus, type BoardWindow } from '../helpers/browser.ts';
import { useE2E } from './harness.ts';

const e2e = useE2E();

describe('the app talks to its own server only', () => {
  it('a whole session — home, create, identity, drawing, text, menus, share, language, a second participant — requests nothing from other hosts', async () => {
    const a = await e2e.participant();
    const b = await e2e.participant();
    const seen: string[] = [];
    a.context.on('request', (r) => seen.push(r.url()));

    await a.page.goto(`${e2e.server.baseUrl}/`);
    await a.page.getByTestId('home-template').locator('option[value="exercise-2"]').waitFor({ state: 'attached' });
    await a.page.getByTestId('home-title').fill('外部通信の確認');
    await a.page.getByTestId('home-template').selectOption('exercise-2');
    await a.page.getByTestId('home-create').click();
    await a.page.getByTestId('identity-name').waitFor();
    await enterIdentity(a.page, { name: '山田 太郎', role: 'soudan' });
    await waitForEditor(a.page);
    await waitForStatus(a.page, 'synced');

    // Drawing, a Japanese text (fonts), tldraw's menus (icons, translations).
    await drawRectangle(a.page, await canvasPoint(a.page, 0.3, 0.3), await canvasPoint(a.page, 0.4, 0.45));
    await a.page.evaluate(() => {
      const editor = (window as BoardWindow).editor!;
      editor.createShape({ type: 'text', x: 300, y: 600, props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '本人の思い：家で暮らしたい' }] }] } } });
    });
    await a.page.locator('.tlui-main-menu button, [data-testid="main-menu.button"]').first().click();
    await a.page.keyboard.press('Escape');
    await a.page.getByTestId('share-button').click();
    await a.page.getByRole('dialog').getByRole('button', { name: '閉じる' }).click();
    await a.page.getByRole('dialog').waitFor({ state: 'detached' });
    await a.page.getByTestId('switch-language').click();
    await a.page.getByTestId('connection-status').getByText('Synced').waitFor();

    // A second participant on the link the first one shares.
    const boardUrl = a.page.url();
    await openBoard(b.page, boardUrl, { name: '佐藤 花子', role: 'caremanager' });
    const over = await canvasPoint(b.page, 0.5, 0.5);
    await b.page.mouse.move(over.x, over.y, { steps: 4 });
    await a.page.getByTestId('participants').getByRole('listitem').filter({ hasText: '佐藤 花子' }).waitFor();
    await screenshot(a.page, 'only-server/01-session');

    await a.page.goto(`${e2e.server.baseUrl}/`);
    await a.page.getByTestId('recent-boards').waitFor();
    await screenshot(a.page, 'only-server/02-home-again');

    // The collector did see the session's own traffic (so an empty list means something).
    expect(seen.filter((u) => u.startsWith(e2e.server.baseUrl)).length).toBeGreaterThan(5);
    expect(e2e.foreignRequests).toEqual([]);
  });
});
