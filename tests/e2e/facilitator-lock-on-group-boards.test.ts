import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CreateWorkshopResponse } from '../../shared/protocol/index.ts';
import { openBoard } from '../helpers/browser.ts';
import { REPO_ROOT, type ProcessServer } from '../helpers/processServer.ts';
import { useE2E } from './harness.ts';

// Issue 15, the facilitator lock in real browsers (docs/SPEC.md D7): a participant cannot
// delete or move the template's frames and is told 「講師が固定した部分です」; the facilitator
// locks a participant's note from the board, and unlocks the template from the dashboard.
// Screenshots: tests/e2e/artifacts/lock-*.png.

const ARTIFACTS = path.join(REPO_ROOT, 'tests', 'e2e', 'artifacts');
const FRAME = 'shape:frame-summary';
const HEADING = 'shape:heading';

let server: ProcessServer;
const e2e = useE2E({ participantsLive: 'file' });
let w: CreateWorkshopResponse;

async function newPage(): Promise<Page> {
  return (await e2e.participant({ viewport: { width: 1400, height: 900 }, locale: 'ja-JP' })).page;
}

async function editorReady(page: Page): Promise<void> {
  await page.waitForFunction(() => window.editor !== undefined && !window.editor.isDisposed && window.editor.getCurrentPageShapes().length > 0, undefined, { timeout: 20_000 });
}

/** A shape's x on the page's editor, or null when it is gone. */
function xOf(page: Page, id: string): Promise<number | null> {
  return page.evaluate((id) => window.editor!.getShape(id as never)?.x ?? null, id);
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = e2e.server;
  const res = await fetch(`${server.baseUrl}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: '固定の研修', template: 'exercise-1', groups: 2 }) });
  w = (await res.json()) as CreateWorkshopResponse;
});

describe('facilitator lock on group boards', () => {
  let participant: Page;
  let facilitator: Page;
  let noteId = '';

  it("a participant cannot delete or move the template's frame and is told why", async () => {
    participant = await newPage();
    await participant.goto(`${server.baseUrl}/j/${w.joinCode}`);
    await participant.getByTestId('ws-join-group-0').check();
    await participant.getByTestId('ws-join-name').fill('田中 相談員');
    await participant.getByTestId('ws-join-role').selectOption('soudan');
    await participant.getByTestId('ws-join-submit').click();
    await participant.waitForURL(`**/w/${w.id}/g`);
    await expect.poll(() => participant.getByTestId('ws-tools').getAttribute('data-canvas'), { timeout: 20_000 }).toBe('private');
    await participant.getByTestId('ws-mode-group').click();
    await expect.poll(() => participant.getByTestId('ws-tools').getAttribute('data-canvas'), { timeout: 20_000 }).toBe('group');
    await editorReady(participant);
    await expect.poll(() => participant.evaluate((id) => window.editor!.getShape(id as never)?.type ?? null, FRAME), { timeout: 20_000 }).toBe('frame');

    const x = await xOf(participant, FRAME);
    await participant.evaluate((id) => {
      window.editor!.deleteShapes([id as never]);
    }, FRAME);
    await participant.getByTestId('lock-notice').waitFor();
    expect(await participant.getByTestId('lock-notice').textContent()).toBe('講師が固定した部分です');
    // The notice is on the canvas, clear of the workshop's header (timer, phase, mode buttons).
    const notice = (await participant.getByTestId('lock-notice').boundingBox())!;
    const canvas = (await participant.getByTestId('board-canvas').boundingBox())!;
    const tools = (await participant.getByTestId('ws-tools').boundingBox())!;
    expect(notice.y).toBeGreaterThanOrEqual(canvas.y);
    expect(notice.y + notice.height).toBeLessThanOrEqual(canvas.y + canvas.height);
    expect(notice.y).toBeGreaterThanOrEqual(tools.y + tools.height);
    await participant.evaluate((id) => {
      const s = window.editor!.getShape(id as never)!;
      window.editor!.updateShape({ id: s.id, type: s.type, x: s.x + 400 });
    }, FRAME);
    expect(await xOf(participant, FRAME)).toBe(x);
    await participant.evaluate((id) => void window.editor!.zoomToBounds(window.editor!.getShapePageBounds(id as never)!, { animation: { duration: 0 } }), FRAME);
    await participant.screenshot({ path: path.join(ARTIFACTS, 'lock-participant-told.png') });

    // A note of the participant's own moves freely.
    noteId = await participant.evaluate(() => {
      const id = 'shape:e2e-own-note';
      window.editor!.createShape({ id: id as never, type: 'note', x: -900, y: 0, props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '自分の付箋' }] }] } } as never });
      return id;
    });
    await participant.evaluate((id) => void window.editor!.updateShape({ id: id as never, type: "note", x: -950 }), noteId);
    expect(await xOf(participant, noteId)).toBe(-950);
  });

  it('the facilitator locks a note from the board; the participant can no longer move it', async () => {
    facilitator = await newPage();
    await openBoard(facilitator, `${server.baseUrl}/b/${w.groups[0]!.boardId}#t=${encodeURIComponent(w.tokens.facilitator)}`, { name: '講師', role: 'soudan' });
    await editorReady(facilitator);
    await expect.poll(() => facilitator.evaluate((id) => window.editor!.getShape(id as never)?.x ?? null, noteId), { timeout: 15_000 }).toBe(-950);
    await facilitator.evaluate((id) => void window.editor!.select(id as never), noteId);
    await facilitator.getByTestId('lock-selected').click();
    await facilitator.getByTestId('unlock-selected').waitFor();
    await facilitator.evaluate(() => void window.editor!.zoomToSelection({ animation: { duration: 0 } }));
    await facilitator.screenshot({ path: path.join(ARTIFACTS, 'lock-facilitator-board.png') });

    await expect
      .poll(() => participant.evaluate((id) => {
        const s = window.editor!.getShape(id as never)!;
        window.editor!.updateShape({ id: s.id, type: s.type, x: -1200 });
        return window.editor!.getShape(id as never)!.x;
      }, noteId), { timeout: 15_000 })
      .toBe(-950);
    await participant.getByTestId('lock-notice').waitFor();
  });

  it('the facilitator unlocks the template of every group from the dashboard; then the heading moves', async () => {
    await facilitator.goto(`${server.baseUrl}/w/${w.id}#t=${encodeURIComponent(w.tokens.facilitator)}`);
    await facilitator.getByTestId('ws-locks-panel').waitFor();
    await facilitator.getByTestId('ws-locks-unlock').click();
    await expect.poll(() => facilitator.getByTestId('ws-locks-status').textContent()).toContain('全グループのひな形の固定を解除しました');
    await facilitator.getByTestId('ws-locks-panel').screenshot({ path: path.join(ARTIFACTS, 'lock-dashboard-panel.png') });
    const x = (await xOf(participant, HEADING))!;
    await expect
      .poll(() => participant.evaluate(({ id, x }) => {
        const s = window.editor!.getShape(id as never)!;
        window.editor!.updateShape({ id: s.id, type: s.type, x: x + 50 });
        return window.editor!.getShape(id as never)!.x;
      }, { id: HEADING, x }), { timeout: 15_000 })
      .toBe(x + 50);
    // Locked again from the dashboard: the frame is back under the lock.
    await facilitator.getByTestId('ws-locks-lock').click();
    await expect.poll(() => facilitator.getByTestId('ws-locks-status').textContent()).toContain('全グループのひな形を固定しました');
  });
});
