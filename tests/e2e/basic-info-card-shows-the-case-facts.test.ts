// The 基本情報 card of exercise 1 in a real browser: the person's name, age and 65歳到達日, the
// 手帳 and 区分 as the card shows them, and its panel with the helper's pointers, in Japanese.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CreateBoardResponse } from '../../shared/protocol/index.ts';
import { collectPageErrors, launchChromium, newParticipant, openBoard, screenshot, type BoardWindow } from '../helpers/browser.ts';
import { startProcessServer, type ProcessServer } from '../helpers/processServer.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkei-e2e-basic-'));
let server: ProcessServer | undefined;
let browser: Browser;
let board: CreateBoardResponse;

beforeAll(async () => {
  server = await startProcessServer({ env: { DATA_DIR: dataDir } });
  board = await server.createBoard({ template: 'exercise-1' });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it('shows exercise 1’s 基本情報 on the board and its helper pointers in the panel', async () => {
  const context = await newParticipant(browser);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await openBoard(page, `${server!.baseUrl}/b/${board.id}#t=${board.tokens.edit}`, { name: '田中', role: 'soudan' });
  await page.evaluate(() => {
    const editor = (window as BoardWindow).editor!;
    const card = editor.getCurrentPageShapes().find((s) => s.type === 'rb-basic-info')!;
    editor.select(card.id);
    editor.zoomToSelection({ animation: { duration: 0 } });
  });
  const card = page.getByTestId('rb-basic-info');
  await card.getByText('山本 和夫（仮名）').waitFor();
  const text = (await card.innerText()).replace(/\s+/g, ' ');
  // Age on today's date is 64 or more; the 65歳到達日 is the day before the birthday.
  expect(text).toMatch(/6\d歳（65歳到達日 2026-05-19）/);
  expect(text).toContain('区分4');
  expect(text).toContain('申請中');
  expect(text).toContain('療育 中度');
  const panel = page.getByTestId('basic-info-panel');
  await panel.waitFor();
  await expect(panel.getByTestId('basic-info-notes').innerText()).resolves.toMatch(/介護保険/);
  await screenshot(page, 'basic-info/01-exercise-1-card');
  expect(errors).toEqual([]);
});
