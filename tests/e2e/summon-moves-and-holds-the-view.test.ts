import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CreateWorkshopResponse } from '../../shared/protocol/index.ts';
import { openBoard } from '../helpers/browser.ts';
import { REPO_ROOT, type ProcessServer } from '../helpers/processServer.ts';
import { useE2E } from './harness.ts';

// Issue 15, 「全員をここへ」 in real browsers: the facilitator brings a participant who is in
// their private notes to a frame of their group's board and holds the view there with a
// message; the participant cannot move away until released. Screenshot: artifacts/summon-*.png.

const ARTIFACTS = path.join(REPO_ROOT, 'tests', 'e2e', 'artifacts');
const FRAME = 'shape:frame-voices';

let server: ProcessServer;
const e2e = useE2E({ participantsLive: 'file' });
let w: CreateWorkshopResponse;

async function newPage(): Promise<Page> {
  return (await e2e.participant({ viewport: { width: 1400, height: 900 }, locale: 'ja-JP' })).page;
}

/** The centre of the participant's view, and the frame's bounds, in page space. */
function viewAndFrame(page: Page): Promise<{ cx: number; cy: number; frame: { x: number; y: number; w: number; h: number } | null; camera: { x: number; y: number; z: number } }> {
  return page.evaluate((id) => {
    const e = window.editor!;
    const v = e.getViewportPageBounds();
    const f = e.getShapePageBounds(id as never);
    const c = e.getCamera();
    return { cx: v.center.x, cy: v.center.y, frame: f ? { x: f.x, y: f.y, w: f.w, h: f.h } : null, camera: { x: c.x, y: c.y, z: c.z } };
  }, FRAME);
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = e2e.server;
  const res = await fetch(`${server.baseUrl}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: '呼び寄せの研修', template: 'exercise-1', groups: 2 }) });
  w = (await res.json()) as CreateWorkshopResponse;
});

describe('「全員をここへ」', () => {
  let p1: Page;

  it("moves a participant's camera to the frame and holds it until released", async () => {
    p1 = await newPage();
    await p1.goto(`${server.baseUrl}/j/${w.joinCode}`);
    await p1.getByTestId('ws-join-group-0').check();
    await p1.getByTestId('ws-join-name').fill('田中 相談員');
    await p1.getByTestId('ws-join-role').selectOption('soudan');
    await p1.getByTestId('ws-join-submit').click();
    await p1.waitForURL(`**/w/${w.id}/g`);
    await expect.poll(() => p1.getByTestId('ws-tools').getAttribute('data-canvas'), { timeout: 20_000 }).toBe('private');

    const facilitator = await newPage();
    await facilitator.goto(`${server.baseUrl}/w/${w.id}#t=${encodeURIComponent(w.tokens.facilitator)}`);
    await facilitator.getByTestId('ws-summon-panel').waitFor();
    await expect.poll(() => facilitator.getByTestId('ws-state-status').getAttribute('data-status')).toBe('synced');
    await facilitator.getByTestId('ws-summon-target').selectOption(FRAME);
    await facilitator.getByTestId('ws-summon-message').fill('本人の思いを一緒に読みます');
    await facilitator.getByTestId('ws-summon-bring').click();

    // Brought to the group board, onto the frame, held, told who and why.
    await expect.poll(() => p1.getByTestId('ws-tools').getAttribute('data-canvas'), { timeout: 20_000 }).toBe('group');
    const banner = p1.getByTestId('ws-summoned');
    await banner.waitFor({ timeout: 15_000 });
    expect(await banner.getAttribute('data-held')).toBe('true');
    expect(await banner.textContent()).toContain('画面を固定しています');
    expect(await banner.textContent()).toContain('本人の思いを一緒に読みます');
    await expect
      .poll(async () => {
        const v = await viewAndFrame(p1);
        return v.frame !== null && v.cx > v.frame.x && v.cx < v.frame.x + v.frame.w && v.cy > v.frame.y && v.cy < v.frame.y + v.frame.h;
      }, { timeout: 15_000 })
      .toBe(true);
    expect(await p1.getByTestId('ws-mode-private').isDisabled()).toBe(true);
    // Held: the participant's own attempt to move the view does nothing.
    const before = (await viewAndFrame(p1)).camera;
    await p1.evaluate(() => void window.editor!.setCamera({ x: -5000, y: -5000, z: 1 }));
    await p1.mouse.wheel(0, 800);
    expect((await viewAndFrame(p1)).camera).toEqual(before);
    await p1.screenshot({ path: path.join(ARTIFACTS, 'summon-held.png') });

    // Released: free again.
    await facilitator.getByTestId('ws-summon-release').click();
    await banner.waitFor({ state: 'detached', timeout: 15_000 });
    await p1.evaluate(() => void window.editor!.setCamera({ x: -5000, y: -5000, z: 1 }));
    expect((await viewAndFrame(p1)).camera).toEqual({ x: -5000, y: -5000, z: 1 });
    expect(await p1.getByTestId('ws-mode-private').isDisabled()).toBe(false);
  });

  it("from the facilitator's own view of the group board: the group is brought to exactly that view", async () => {
    const board = await newPage();
    await openBoard(board, `${server.baseUrl}/b/${w.groups[0]!.boardId}#t=${encodeURIComponent(w.tokens.facilitator)}`, { name: '講師 山田', role: 'soudan' });
    await board.evaluate(() => {
      const e = window.editor!;
      e.zoomToBounds(e.getShapePageBounds('shape:frame-questions' as never)!, { immediate: true });
    });
    await board.getByTestId('ws-summon-here').click();
    const target = await board.evaluate(() => {
      const v = window.editor!.getViewportPageBounds();
      return { cx: v.center.x, cy: v.center.y };
    });
    const banner = p1.getByTestId('ws-summoned');
    await banner.waitFor({ timeout: 15_000 });
    expect(await banner.textContent()).toContain('講師 山田');
    await expect
      .poll(async () => {
        const v = await viewAndFrame(p1);
        return Math.hypot(v.cx - target.cx, v.cy - target.cy) < 50;
      }, { timeout: 15_000 })
      .toBe(true);
    await p1.screenshot({ path: path.join(ARTIFACTS, 'summon-to-facilitator-view.png') });
    await board.getByTestId('ws-summon-here-release').click();
    await banner.waitFor({ state: 'detached', timeout: 15_000 });
  });
});
