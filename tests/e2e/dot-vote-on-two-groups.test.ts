import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CreateWorkshopResponse } from '../../shared/protocol/index.ts';
import { REPO_ROOT, type ProcessServer } from '../helpers/processServer.ts';
import { useE2E } from './harness.ts';

// Issue 15, a dot-vote round on two groups in real browsers: the facilitator starts it from
// the dashboard, a member of each group votes for a note of their board, the counts show on
// the board and the results of both groups on the dashboard. Screenshots: artifacts/vote-*.png.

const ARTIFACTS = path.join(REPO_ROOT, 'tests', 'e2e', 'artifacts');

let server: ProcessServer;
const e2e = useE2E({ participantsLive: 'file' });
let w: CreateWorkshopResponse;

async function newPage(): Promise<Page> {
  return (await e2e.participant({ viewport: { width: 1400, height: 900 }, locale: 'ja-JP' })).page;
}

async function joinToGroupBoard(page: Page, group: number, name: string): Promise<void> {
  await page.goto(`${server.baseUrl}/j/${w.joinCode}`);
  await page.getByTestId(`ws-join-group-${group}`).check();
  await page.getByTestId('ws-join-name').fill(name);
  await page.getByTestId('ws-join-role').selectOption('soudan');
  await page.getByTestId('ws-join-submit').click();
  await page.waitForURL(`**/w/${w.id}/g`);
  await expect.poll(() => page.getByTestId('ws-tools').getAttribute('data-canvas'), { timeout: 20_000 }).toBe('private');
  await page.getByTestId('ws-mode-group').click();
  await expect.poll(() => page.getByTestId('ws-tools').getAttribute('data-canvas'), { timeout: 20_000 }).toBe('group');
  await page.waitForFunction(() => window.editor !== undefined && !window.editor.isDisposed && window.editor.getShape('shape:family-0' as never) !== undefined, undefined, { timeout: 20_000 });
}

/** Select a note and look at it. */
async function selectNote(page: Page, id: string): Promise<void> {
  await page.evaluate((id) => {
    window.editor!.select(id as never);
    window.editor!.zoomToSelection({ animation: { duration: 0 } });
    window.editor!.zoomOut(undefined, { animation: { duration: 0 } });
  }, id);
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = e2e.server;
  const res = await fetch(`${server.baseUrl}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: '投票の研修', template: 'exercise-1', groups: 2 }) });
  w = (await res.json()) as CreateWorkshopResponse;
});

describe('a dot-vote round on two groups', () => {
  it('members of both groups vote; counts show on the board and results on the dashboard', async () => {
    const p1 = await newPage();
    const p2 = await newPage();
    await joinToGroupBoard(p1, 0, '田中 相談員');
    await joinToGroupBoard(p2, 1, '佐藤 ケアマネ');

    const facilitator = await newPage();
    await facilitator.goto(`${server.baseUrl}/w/${w.id}#t=${encodeURIComponent(w.tokens.facilitator)}`);
    await facilitator.getByTestId('ws-vote-panel').waitFor();
    await facilitator.getByTestId('ws-vote-question').fill('いちばん大事な家族の思いは？');
    await facilitator.getByTestId('ws-vote-per-person').fill('1');
    await facilitator.getByTestId('ws-vote-anonymous').uncheck();
    await facilitator.getByTestId('ws-vote-start').click();
    await facilitator.getByTestId('ws-vote-current').waitFor();

    for (const [page, note] of [[p1, 'shape:family-0'], [p2, 'shape:family-1']] as const) {
      await page.getByTestId('ws-votebar').waitFor({ timeout: 15_000 });
      await expect.poll(() => page.getByTestId('ws-vote-remaining').getAttribute('data-remaining')).toBe('1');
      await selectNote(page, note);
      await page.getByTestId('ws-vote-cast').click();
      await expect.poll(() => page.getByTestId('ws-vote-remaining').getAttribute('data-remaining')).toBe('0');
      expect(await page.getByTestId('ws-vote-cast').isDisabled()).toBe(true);
      await expect.poll(() => page.locator(`[data-testid=ws-vote-badge][data-target="${note}"]`).getAttribute('data-count'), { timeout: 10_000 }).toBe('1');
    }
    // A quick reaction on the same note: counted under it.
    await p1.getByTestId('ws-react-agree').click();
    await expect.poll(() => p1.getByTestId('ws-react-agree').getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
    await expect.poll(() => p1.locator('[data-testid=ws-reaction-badge][data-target="shape:family-0"]').textContent(), { timeout: 10_000 }).toBe('賛成1');
    await p1.screenshot({ path: path.join(ARTIFACTS, 'vote-board-count.png') });

    for (const [i, name] of [[0, '田中 相談員'], [1, '佐藤 ケアマネ']] as const) {
      const results = facilitator.getByTestId(`ws-vote-results-${i}`);
      await expect.poll(() => results.textContent(), { timeout: 10_000 }).toContain('1票');
      expect(await results.textContent()).toContain(name);
    }
    await facilitator.getByTestId('ws-vote-close').click();
    await expect.poll(() => facilitator.getByTestId('ws-vote-results').textContent()).toContain('結果：いちばん大事な家族の思いは？');
    await facilitator.getByTestId('ws-vote-panel').screenshot({ path: path.join(ARTIFACTS, 'vote-dashboard-results.png') });
    // Closed: the members' vote bars go away.
    await p1.getByTestId('ws-votebar').waitFor({ state: 'detached', timeout: 10_000 });

    // The minutes of each group list its sticky notes and the vote's results.
    await p1.evaluate(() => {
      window.editor!.createShape({ type: 'note', x: 0, y: 0, props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'グループで出た意見：母の休息も大事' }] }] } } as never });
    });
    const p1Board = w.groups[0]!.boardId;
    await expect
      .poll(async () => (await (await fetch(`${server.baseUrl}/api/boards/${p1Board}/export.tldr`, { headers: { authorization: `Bearer ${w.tokens.facilitator}` } })).text()).includes('母の休息も大事'), { timeout: 10_000 })
      .toBe(true);
    await facilitator.getByTestId('ws-save-all').click();
    await expect.poll(() => facilitator.getByTestId('ws-saved').textContent().catch(() => '')).toContain('2グループ');
    const [minutes] = await Promise.all([facilitator.context().waitForEvent('page'), facilitator.getByTestId('ws-open-minutes').click()]);
    await minutes.waitForLoadState();
    await expect.poll(() => minutes.locator('.group-minutes').count(), { timeout: 10_000 }).toBe(2);
    const first = (await minutes.locator('.group-minutes').first().textContent()) ?? '';
    expect(first).toContain('グループで出た意見：母の休息も大事');
    expect(first).toContain('【投票】いちばん大事な家族の思いは？');
    expect(first).toMatch(/1\. 1票\s*母 トシ子さん/);
    expect(first).toContain('田中 相談員');
    await minutes.locator('text=【投票】').first().scrollIntoViewIfNeeded();
    await minutes.screenshot({ path: path.join(ARTIFACTS, 'vote-minutes.png') });
  });
});
