import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

// Page functions run in the browser, where the board exposes tldraw's editor as
// `window.editor` (contract: testing hooks). Only the calls used here are typed.
interface BenchShape {
  id: string;
  x: number;
}
interface BenchEditor {
  getCurrentPageShapes(): BenchShape[];
  /** The shapes tldraw hides as out of view (not selected, not being edited). */
  getCulledShapes(): Set<string>;
  createShapes(shapes: unknown[]): unknown;
  updateShape(partial: { id: string; type: string; x: number }): unknown;
  store: {
    listen(
      fn: (entry: { changes: { updated: Record<string, [BenchShape, BenchShape]> } }) => void,
      filter: { source: 'remote'; scope: 'document' },
    ): () => void;
  };
}
// Not `Window & …`: where client/ is in the program, its global `Window.editor: Editor` would merge in.
interface BenchWindow {
  editor?: BenchEditor;
  __benchReady?: { editorAt: number; shapesAt: number; frameAt: number; inView: number; drawnInView: number };
  __benchSeen?: Record<number, number>;
}

/** Flags that let the system Chromium run headless in a container without talking to Google. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Launch the system Chromium headless (`CHROMIUM_PATH`, default /usr/bin/chromium). */
export async function launchChromium(executablePath: string): Promise<Browser> {
  if (!fs.existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath} (set CHROMIUM_PATH)`);
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/**
 * A fresh browser (empty IndexedDB and cache) whose participant is already known, so the
 * board opens without the identity dialog, as it does for a returning participant.
 */
export async function freshParticipant(browser: Browser, name: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 850 }, locale: 'ja-JP' });
  await context.addInitScript((who: string) => {
    localStorage.setItem('renkei.identity', JSON.stringify({ id: `bench-${who}-${Math.random().toString(36).slice(2)}`, name: who, role: 'soudan' }));
  }, name);
  return context;
}

/** Open a board link and wait until the editor holds at least `minShapes` shapes. */
export async function openBoard(context: BrowserContext, link: string, minShapes: number, timeoutMs: number): Promise<Page> {
  const page = await context.newPage();
  await page.goto(link);
  await page.waitForFunction((n) => ((window as unknown as BenchWindow).editor?.getCurrentPageShapes().length ?? -1) >= n, minShapes, { timeout: timeoutMs });
  return page;
}

/** What the seeded shapes look like. */
export type SeedKind = 'labelled' | 'plain';

/**
 * Seed the open board with `count` shapes through the editor, in batches, on a grid; ids
 * `shape:bench-<i>` (even: geo rectangle, odd: note). `labelled`: every shape carries a
 * short Japanese text, as on a case-conference board; `plain`: rectangles without text and
 * empty notes.
 */
export async function seedShapes(page: Page, count: number, kind: SeedKind, batch = 250): Promise<void> {
  for (let start = 0; start < count; start += batch) {
    await page.evaluate(
      ({ start, end, labelled }) => {
        const shapes: unknown[] = [];
        for (let i = start; i < end; i++) {
          const x = (i % 50) * 240;
          const y = Math.floor(i / 50) * 180;
          const label = labelled ? { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `付箋 ${i}：本人の思い` }] }] } } : {};
          shapes.push(
            i % 2 === 0
              ? { id: `shape:bench-${i}`, type: 'geo', x, y, props: { geo: 'rectangle', w: 200, h: 140, ...label } }
              : { id: `shape:bench-${i}`, type: 'note', x, y, props: { ...label } },
          );
        }
        (window as unknown as BenchWindow).editor!.createShapes(shapes);
      },
      { start, end: Math.min(count, start + batch), labelled: kind === 'labelled' },
    );
  }
}

/** What one cold open of the board measured, in ms from navigation start. */
export interface ColdOpen {
  /** `window.editor` first seen. */
  editorMs: number;
  /** The editor first held every shape. */
  shapesMs: number;
  /** The first animation frame after that: the board is drawn and takes input. */
  interactiveMs: number;
  /** DOMContentLoaded, for reference. */
  domContentLoadedMs: number;
  /** At that frame: the shapes in view (not culled by tldraw), and how many of them were drawn (shown, with content). */
  inView: number;
  drawnInView: number;
  /**
   * The page's own load marks (client/lib/loadMarks.ts: `renkei:app-start`, `renkei:ws-synced`,
   * `renkei:store-loaded`, `renkei:editor-mounted`, …) by name without the prefix, in ms from
   * navigation start: where the time between the two went. Diagnostic only; nothing is judged on them.
   */
  marks: Record<string, number>;
}

/**
 * Open the board in a fresh browser and time navigation start → editor present, all
 * `shapes` in it, and the next frame. A watcher installed before the page's own scripts
 * checks once per frame, so the times are the page's own clock.
 */
export async function coldOpen(browser: Browser, link: string, shapes: number, opts: { timeoutMs: number; cpuProfilePath?: string }): Promise<ColdOpen> {
  const context = await freshParticipant(browser, 'ベンチ');
  try {
    await context.addInitScript((target: number) => {
      let editorAt = -1;
      const tick = () => {
        const w = window as BenchWindow;
        if (w.editor && editorAt < 0) editorAt = performance.now();
        if (w.editor && w.editor.getCurrentPageShapes().length >= target) {
          const shapesAt = performance.now();
          requestAnimationFrame(() => {
            const frameAt = performance.now();
            // Then (not timed) check that this frame really shows the board: every shape in
            // view has its element shown and its content in it.
            const culled = w.editor!.getCulledShapes();
            let inView = 0;
            let drawnInView = 0;
            for (const shape of w.editor!.getCurrentPageShapes()) {
              if (culled.has(shape.id)) continue;
              inView++;
              const el = document.querySelector(`.tl-shape[data-shape-id="${CSS.escape(shape.id)}"]:not(.tl-shape-background)`);
              if (el && el.childElementCount > 0 && getComputedStyle(el).display !== 'none') drawnInView++;
            }
            w.__benchReady = { editorAt, shapesAt, frameAt, inView, drawnInView };
          });
          return;
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }, shapes);
    const page = await context.newPage();
    // Optionally, a CPU profile of the page's main thread over the load (open it in Chrome DevTools).
    const cdp = opts.cpuProfilePath ? await context.newCDPSession(page) : undefined;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    await page.goto(link, { waitUntil: 'commit' });
    await page.waitForFunction(() => !!(window as unknown as BenchWindow).__benchReady, null, { timeout: opts.timeoutMs });
    if (cdp && opts.cpuProfilePath) {
      const { profile } = await cdp.send('Profiler.stop');
      fs.writeFileSync(opts.cpuProfilePath, JSON.stringify(profile));
    }
    return await page.evaluate(() => {
      const r = (window as unknown as BenchWindow).__benchReady!;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const marks: Record<string, number> = {};
      for (const m of performance.getEntriesByType('mark')) {
        if (m.name.startsWith('renkei:')) marks[m.name.slice('renkei:'.length)] ??= m.startTime;
      }
      return { editorMs: r.editorAt, shapesMs: r.shapesAt, interactiveMs: r.frameAt, domContentLoadedMs: nav?.domContentLoadedEventEnd ?? Number.NaN, inView: r.inView, drawnInView: r.drawnInView, marks };
    });
  } finally {
    await context.close();
  }
}

/**
 * Remote-change latency between two pages on one board: `writer` moves shape `shapeId` to a
 * new x, `reader` records when its store receives that x from the server. Both take
 * `performance.timeOrigin + performance.now()` (one machine, one clock). Returns ms per change.
 */
export async function remoteLatencies(writer: Page, reader: Page, shapeId: string, opts: { count: number; warmup: number; timeoutMs: number }): Promise<number[]> {
  await reader.evaluate((id) => {
    const w = window as BenchWindow;
    w.__benchSeen = {};
    w.editor!.store.listen(
      ({ changes }) => {
        const at = performance.timeOrigin + performance.now();
        for (const [, to] of Object.values(changes.updated)) {
          if (to.id === id) w.__benchSeen![to.x] ??= at;
        }
      },
      { source: 'remote', scope: 'document' },
    );
  }, shapeId);

  const out: number[] = [];
  for (let i = 0; i < opts.warmup + opts.count; i++) {
    const x = 100_000 + i;
    const sentAt = await writer.evaluate(
      ({ id, x }) => {
        const at = performance.timeOrigin + performance.now();
        (window as unknown as BenchWindow).editor!.updateShape({ id, type: 'geo', x });
        return at;
      },
      { id: shapeId, x },
    );
    const handle = await reader.waitForFunction((x) => (window as unknown as BenchWindow).__benchSeen![x], x, { timeout: opts.timeoutMs, polling: 5 });
    const seenAt = (await handle.jsonValue()) as number;
    if (i >= opts.warmup) out.push(seenAt - sentAt);
  }
  return out;
}
