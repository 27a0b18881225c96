import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CreateWorkshopResponse } from '../../shared/protocol/index.ts';
import { REPO_ROOT, type ProcessServer } from '../helpers/processServer.ts';
import { useE2E } from './harness.ts';

// Issue 15, presence and phases, in real browsers: during 個人ワーク the dashboard shows who
// joined each group and where they are (it used to say 「0人 まだだれもいません」), and a
// participant reads the case beside their private notes and writes a note that stays private.
// Screenshots: tests/e2e/artifacts/phase1-*.png.

const ARTIFACTS = path.join(REPO_ROOT, 'tests', 'e2e', 'artifacts');

let server: ProcessServer;
const e2e = useE2E({ participantsLive: 'file' });
let w: CreateWorkshopResponse;

async function newPage(): Promise<Page> {
  return (await e2e.participant({ viewport: { width: 1500, height: 950 }, locale: 'ja-JP' })).page;
}

async function joinAs(page: Page, group: number, name: string, role: string): Promise<void> {
  await page.goto(`${server.baseUrl}/j/${w.joinCode}`);
  await page.getByTestId('ws-join-form').waitFor();
  await page.getByTestId(`ws-join-group-${group}`).check();
  await page.getByTestId('ws-join-name').fill(name);
  await page.getByTestId('ws-join-role').selectOption(role);
  await page.getByTestId('ws-join-submit').click();
  await page.waitForURL(`**/w/${w.id}/g`);
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = e2e.server;
  const res = await fetch(`${server.baseUrl}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: '演習 個人ワーク', template: 'exercise-1', groups: 2 }) });
  expect(res.status).toBe(201);
  w = (await res.json()) as CreateWorkshopResponse;
});

describe('個人ワーク: presence on the dashboard and the case beside private notes', () => {
  let p1: Page;
  let p2: Page;
  let facilitator: Page;

  it('a participant in phase 1 reads the case beside their private notes and writes a private note', async () => {
    p1 = await newPage();
    await joinAs(p1, 0, '田中 相談員', 'soudan');
    await expect.poll(() => p1.getByTestId('ws-tools').getAttribute('data-canvas'), { timeout: 20_000 }).toBe('private');
    await p1.waitForFunction(() => window.editor !== undefined && !window.editor.isDisposed, undefined, { timeout: 20_000 });
    // The case of the group's board, as text, read only.
    const casePanel = p1.getByTestId('ws-case');
    await expect.poll(() => casePanel.getByTestId('ws-case-section').count(), { timeout: 15_000 }).toBeGreaterThan(1);
    expect(await casePanel.textContent()).toContain('事例概要');
    expect(await casePanel.textContent()).toContain('山本');
    // A note on the private board: it is there and not on the group board.
    await p1.evaluate(() => {
      window.editor!.createShape({ type: 'note', x: 100, y: 100, props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '自分だけのメモ：本人の思いを先に聞く' }] }] } } as never });
      window.editor!.zoomToFit({ animation: { duration: 0 } });
    });
    // Stored on the private board (the member's token reads it), and not on the group board.
    const member = await p1.evaluate((id) => JSON.parse(localStorage.getItem(`renkei.workshop.member.${id}`)!) as { token: string; privateBoardId: string }, w.id);
    const exported = async (boardId: string, token: string) => (await fetch(`${server.baseUrl}/api/boards/${boardId}/export.tldr`, { headers: { authorization: `Bearer ${token}` } })).text();
    await expect.poll(() => exported(member.privateBoardId, member.token), { timeout: 10_000 }).toContain('自分だけのメモ');
    expect(await exported(w.groups[0]!.boardId, w.tokens.facilitator)).not.toContain('自分だけのメモ');
    await p1.screenshot({ path: path.join(ARTIFACTS, 'phase1-case-beside-private-notes.png') });
    // The case panel hides and comes back.
    await casePanel.getByRole('button', { name: '閉じる' }).click();
    await p1.getByTestId('ws-case-show').click();
    await casePanel.waitFor();
  });

  it('the dashboard shows who joined each group and where they are, in phase 1', async () => {
    p2 = await newPage();
    await joinAs(p2, 1, '佐藤 ケアマネ', 'caremanager');
    await expect.poll(() => p2.getByTestId('ws-tools').getAttribute('data-canvas'), { timeout: 20_000 }).toBe('private');
    facilitator = await newPage();
    // Pushed, not polled: the dashboard opens one stream and never asks for the overview.
    const overviewCalls: string[] = [];
    facilitator.on('request', (r) => /\/overview(\/stream)?$/.test(new URL(r.url()).pathname) && overviewCalls.push(new URL(r.url()).pathname.split('/').pop()!));
    await facilitator.goto(`${server.baseUrl}/w/${w.id}#t=${encodeURIComponent(w.tokens.facilitator)}`);
    await facilitator.getByTestId('ws-dashboard').waitFor();
    for (const [i, name] of [[0, '田中 相談員'], [1, '佐藤 ケアマネ']] as const) {
      const card = facilitator.getByTestId(`ws-group-${i}`);
      await expect.poll(() => card.getAttribute('data-online'), { timeout: 15_000 }).toBe('1');
      expect(await card.getAttribute('data-joined')).toBe('1');
      const member = facilitator.getByTestId(`ws-members-${i}`).locator('li');
      expect(await member.getAttribute('data-place')).toBe('private');
      expect(await member.textContent()).toContain(name);
      expect(await member.textContent()).toContain('個人メモ');
      expect(await card.textContent()).not.toContain('まだだれもいません');
    }
    await facilitator.screenshot({ path: path.join(ARTIFACTS, 'phase1-dashboard-presence.png'), fullPage: true });

    // 田中 goes to the group board: the dashboard says so.
    await p1.getByTestId('ws-mode-group').click();
    const member = facilitator.getByTestId('ws-members-0').locator('li');
    await expect.poll(() => member.getAttribute('data-place'), { timeout: 15_000 }).toBe('group');
    // 佐藤 closes the page: still joined, not connected.
    await p2.close();
    await expect.poll(() => facilitator.getByTestId('ws-members-1').locator('li').getAttribute('data-place'), { timeout: 15_000 }).toBe('offline');
    await facilitator.screenshot({ path: path.join(ARTIFACTS, 'phase1-dashboard-moved.png'), fullPage: true });
    expect(overviewCalls).toEqual(['stream']);
  });
});
