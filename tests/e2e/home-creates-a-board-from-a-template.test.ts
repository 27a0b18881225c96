import { describe, expect, it } from 'vitest';
import type { TemplateInfo } from '../../shared/protocol/index.ts';
import { screenshot, waitForEditor, waitForStatus, type BoardWindow } from '../helpers/browser.ts';
import { useE2E } from './harness.ts';

const e2e = useE2E();

describe('the home page creates a board from a template', () => {
  it('creates exercise-1, asks a fresh browser who it is, opens the live board and lists it afterwards', async () => {
    const templates = (await (await fetch(`${e2e.server.baseUrl}/api/templates`)).json()) as TemplateInfo[];
    const exercise = templates.find((t) => t.id === 'exercise-1');
    expect(exercise, 'the exercise-1 template').toBeDefined();
    const title = exercise!.title;

    const { page } = await e2e.participant();
    await page.goto(`${e2e.server.baseUrl}/`);
    // The select fills once /api/templates answers.
    await page.getByTestId('home-template').locator('option[value="exercise-1"]').waitFor({ state: 'attached' });
    await page.getByTestId('home-template').selectOption('exercise-1');
    await screenshot(page, 'home-creates-board/01-home-template-chosen');

    await page.getByTestId('home-create').click();
    await page.waitForURL(/\/b\/[A-Za-z0-9_-]{8,64}#t=/);
    const boardId = /\/b\/([A-Za-z0-9_-]+)/.exec(page.url())![1]!;

    // A fresh browser has no remembered identity: the dialog comes first.
    await page.getByTestId('identity-name').waitFor();
    await expect(page.getByTestId('identity-enter').isVisible()).resolves.toBe(true);
    await screenshot(page, 'home-creates-board/02-identity-dialog');
    await page.getByTestId('identity-name').fill('山田 太郎');
    await page.getByTestId('identity-role').selectOption('soudan');
    await page.getByTestId('identity-enter').click();

    await waitForEditor(page);
    await waitForStatus(page, 'synced');
    await expect(page.locator('.rb-board__title').textContent()).resolves.toBe(title);
    expect(await page.title()).toContain(title);
    // Live: the template's content is on the canvas, and the owner may change it.
    const state = await page.evaluate(() => {
      const editor = (window as BoardWindow).editor!;
      return { shapes: editor.getCurrentPageShapes().length, readonly: editor.getInstanceState().isReadonly };
    });
    expect(state.readonly).toBe(false);
    const templateShapes = await serverShapeCount(e2e.server.baseUrl, boardId, tokenOf(page.url()));
    expect(state.shapes).toBe(templateShapes);
    await screenshot(page, 'home-creates-board/03-board-live');

    await page.goto(`${e2e.server.baseUrl}/`);
    const recent = page.getByTestId('recent-boards').getByRole('listitem').filter({ hasText: title });
    await recent.waitFor();
    await expect(recent.getByRole('link', { name: title }).getAttribute('href')).resolves.toContain(`/b/${boardId}#t=`);
    await expect(recent.textContent()).resolves.toContain('管理者');
    await screenshot(page, 'home-creates-board/04-home-recent-list');
  });
});

function tokenOf(url: string): string {
  return decodeURIComponent(new URLSearchParams(new URL(url).hash.slice(1)).get('t') ?? '');
}

/** The number of shape records the server holds for a board (its .tldr export). */
async function serverShapeCount(baseUrl: string, boardId: string, token: string): Promise<number> {
  const res = await fetch(`${baseUrl}/api/boards/${boardId}/export.tldr`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  const file = (await res.json()) as { records: Array<{ typeName: string }> };
  return file.records.filter((r) => r.typeName === 'shape').length;
}
