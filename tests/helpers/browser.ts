import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page, type WebSocketRoute } from 'playwright-core';
import type { Editor } from 'tldraw';

/** The page's window as the board exposes it (contract: testing hooks). */
export type BoardWindow = Window & { editor?: Editor };

/** Flags that let the system Chromium run headless in a container without talking to Google. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Where screenshots go (git-ignored). */
export const ARTIFACTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'e2e', 'artifacts');

/** Launch the system Chromium headless (`CHROMIUM_PATH`, default /usr/bin/chromium); never downloads a browser. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: install it or set CHROMIUM_PATH (.ci/run installs it).`);
  }
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
}

/** A browser context as one participant's browser: its own storage, a desktop viewport, Japanese locale. */
export function newParticipant(browser: Browser, opts: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1400, height: 850 }, locale: 'ja-JP', timezoneId: 'Asia/Tokyo', ...opts });
}

/**
 * Record every request a context makes to a host other than the server at `baseUrl`
 * (data: and blob: URLs are local and ignored) into `foreign`, which is returned.
 */
export function collectForeignRequests(context: BrowserContext, baseUrl: string, foreign: string[] = []): string[] {
  const origin = new URL(baseUrl).origin;
  context.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    let reqOrigin: string;
    try {
      reqOrigin = new URL(url).origin;
    } catch {
      foreign.push(url);
      return;
    }
    if (reqOrigin !== origin && reqOrigin !== origin.replace(/^http/, 'ws')) foreign.push(url);
  });
  return foreign;
}

/** Record a page's uncaught errors into `errors`, which is returned. */
export function collectPageErrors(page: Page, errors: string[] = []): string[] {
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  return errors;
}

/** Who a participant says they are in the identity dialog. */
export interface ParticipantIdentity {
  name: string;
  /** A role id of the domain model (soudan, caremanager, client, family, …). */
  role?: string;
}

/**
 * Wait until the page shows either the identity dialog or the ready board. Returns which.
 */
export async function boardOrIdentity(page: Page): Promise<'identity' | 'board'> {
  const handle = await page.waitForFunction(() =>
    (window as BoardWindow).editor ? 'board' : document.querySelector('[data-testid=identity-name]') ? 'identity' : false,
  );
  return (await handle.jsonValue()) as 'identity' | 'board';
}

/** Fill the identity dialog and enter. */
export async function enterIdentity(page: Page, who: ParticipantIdentity): Promise<void> {
  await page.getByTestId('identity-name').fill(who.name);
  if (who.role) await page.getByTestId('identity-role').selectOption(who.role);
  await page.getByTestId('identity-enter').click();
}

/** Resolve once `window.editor` exists (the board is bound to its document). */
export async function waitForEditor(page: Page): Promise<void> {
  await page.waitForFunction(() => !!(window as BoardWindow).editor);
}

/** Resolve once the connection badge shows `status`. */
export async function waitForStatus(page: Page, status: 'connecting' | 'synced' | 'offline' | 'revoked'): Promise<void> {
  await page.locator(`[data-testid=connection-status][data-status=${status}]`).waitFor();
}

/**
 * Open a board link as a participant: go to the link, answer the identity dialog if it
 * appears, and wait for the editor and (unless `synced: false`) the synced badge.
 */
export async function openBoard(page: Page, link: string, who: ParticipantIdentity, opts: { synced?: boolean } = {}): Promise<void> {
  await page.goto(link);
  if ((await boardOrIdentity(page)) === 'identity') await enterIdentity(page, who);
  await waitForEditor(page);
  if (opts.synced !== false) await waitForStatus(page, 'synced');
}

/** The ids of the shapes on the current page, sorted. */
export function shapeIds(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    ((window as BoardWindow).editor?.getCurrentPageShapes() ?? []).map((s) => s.id as string).sort(),
  );
}

/** Resolve once the current page holds exactly `count` shapes. */
export async function waitForShapeCount(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => (window as BoardWindow).editor?.getCurrentPageShapes().length === n, count);
}

/** Resolve once a shape with this id is on the current page. */
export async function waitForShape(page: Page, id: string): Promise<void> {
  await page.waitForFunction((shapeId) => !!(window as BoardWindow).editor?.getShape(shapeId as never), id);
}

/**
 * Draw a rectangle the way a person does: focus the canvas, press `r`, drag from `from`
 * to `to` (page coordinates). Returns the id of the one new shape.
 */
export async function drawRectangle(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<string | undefined> {
  const before = new Set(await shapeIds(page));
  // Click an empty spot first so the canvas has keyboard focus (and nothing is selected).
  await page.mouse.click(from.x - 30, from.y - 30);
  await page.keyboard.press('Escape');
  await page.keyboard.press('r');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.press('Escape');
  const after = await shapeIds(page);
  const added = after.filter((id) => !before.has(id));
  return added.length === 1 ? added[0] : undefined;
}

/**
 * A point inside tldraw's canvas, as a fraction of its box (0..1 each way).
 * (`.tl-canvas`: tldraw itself also marks it `data-testid=canvas`, as our wrapper is.)
 */
export async function canvasPoint(page: Page, fx: number, fy: number): Promise<{ x: number; y: number }> {
  const box = await page.locator('.tl-canvas').boundingBox();
  if (!box) throw new Error('the canvas is not visible');
  return { x: Math.round(box.x + box.width * fx), y: Math.round(box.y + box.height * fy) };
}

/** Save a full-page screenshot as tests/e2e/artifacts/<name>.png; returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, animations: 'disabled' });
  return file;
}

/** One accessibility violation axe found, reduced to what a failure message needs. */
export interface AxeViolation {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

const AXE_SOURCE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * Run axe-core on the page, leaving out tldraw's own UI (`.tl-container`): we answer for
 * what we wrote. Returns the serious and critical violations.
 * The page's Content-Security-Policy forbids inline scripts, so the context must be
 * created with `bypassCSP: true` for the injected axe script to run.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE_SOURCE_PATH });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run({ exclude: [['.tl-container']] }, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.map(String).join(' ')) }));
  });
}

/**
 * Route a page's WebSockets through Playwright so a test can cut them as a dropped network
 * does: Chromium's offline emulation (`context.setOffline`) keeps an open WebSocket open and
 * only holds its frames, so the app would never notice it went offline.
 * Cutting closes every open socket; while the context is offline, reconnects fail by themselves.
 */
export async function cuttableWebSockets(page: Page): Promise<{ cut(): Promise<void> }> {
  const live = new Set<WebSocketRoute>();
  await page.routeWebSocket(/\/ws\//, (ws) => {
    live.add(ws);
    // Without onClose handlers, a close on either side is forwarded to the other.
    ws.connectToServer();
  });
  return {
    cut: async () => {
      const all = [...live];
      live.clear();
      await Promise.all(all.map((ws) => ws.close({ code: 4000, reason: 'test: network cut' })));
    },
  };
}
