import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { boardOrIdentity, openBoard, screenshot, seriousAxeViolations, type AxeViolation } from '../helpers/browser.ts';
import { useE2E } from './harness.ts';

const e2e = useE2E();

/** axe's findings on what we wrote (tldraw's own UI excluded), as readable lines. */
async function audit(page: Page, name: string): Promise<string[]> {
  await screenshot(page, `axe/${name}`);
  const found: AxeViolation[] = await seriousAxeViolations(page);
  return found.map((v) => `${name}: [${v.impact}] ${v.id} — ${v.help} — ${v.targets.join(', ')}`);
}

describe('accessibility of our pages (axe-core, serious and critical)', () => {
  it('home page, identity dialog, board header and panels, share dialog, view-only board', async () => {
    // The app's CSP forbids inline scripts; axe is injected as one.
    const a = await e2e.participant({ bypassCSP: true });
    const b = await e2e.participant({ bypassCSP: true });
    const findings: string[] = [];

    await a.page.goto(`${e2e.server.baseUrl}/`);
    await a.page.getByTestId('home-template').locator('option[value="exercise-1"]').waitFor({ state: 'attached' });
    findings.push(...(await audit(a.page, '01-home-empty')));

    const board = await e2e.server.createBoard({ template: 'exercise-1' });
    await a.page.goto(board.links.owner);
    expect(await boardOrIdentity(a.page)).toBe('identity');
    findings.push(...(await audit(a.page, '02-identity-dialog')));
    // An empty name shows the error; audit that state too.
    await a.page.getByTestId('identity-enter').click();
    await a.page.getByRole('alert').waitFor();
    findings.push(...(await audit(a.page, '03-identity-dialog-error')));

    await openBoard(a.page, board.links.owner, { name: '山田 太郎', role: 'soudan' });
    await openBoard(b.page, board.links.edit, { name: '佐藤 花子', role: 'caremanager' });
    await a.page.getByTestId('participants').getByRole('listitem').filter({ hasText: '佐藤 花子' }).waitFor();
    findings.push(...(await audit(a.page, '04-board-owner-with-participant')));

    await a.page.getByTestId('share-button').click();
    await a.page.getByRole('dialog').waitFor();
    findings.push(...(await audit(a.page, '05-share-dialog')));
    await a.page.getByRole('dialog').getByRole('button', { name: '閉じる' }).click();

    await a.page.goto(`${e2e.server.baseUrl}/`);
    await a.page.getByTestId('recent-boards').waitFor();
    findings.push(...(await audit(a.page, '06-home-with-recent-boards')));

    // A new page: going from the edit link to the view link of the same board only changes the
    // fragment, which the app does not watch.
    const viewer = await b.newPage();
    await openBoard(viewer, board.links.view, { name: '佐藤 花子' });
    await viewer.getByTestId('readonly-note').waitFor();
    findings.push(...(await audit(viewer, '07-board-view-only')));

    await viewer.getByTestId('switch-language').click();
    await viewer.getByTestId('participants').getByRole('heading', { name: /Participants/ }).waitFor();
    findings.push(...(await audit(viewer, '08-board-view-only-english')));

    expect(findings).toEqual([]);

    // The audit is live, not vacuous: an unlabeled button outside tldraw is reported.
    await viewer.evaluate(() => document.querySelector('.rb-board__header')!.append(document.createElement('button')));
    expect((await seriousAxeViolations(viewer)).map((v) => v.id)).toContain('button-name');
  });
});
