import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { collectForeignRequests, collectPageErrors, launchChromium, newParticipant } from '../helpers/browser.ts';
import { startProcessServer, type ProcessServer } from '../helpers/processServer.ts';

/** One participant's browser: its context and first page. */
export interface Participant {
  context: BrowserContext;
  page: Page;
  /** Open another page in the same browser (same IndexedDB and localStorage). */
  newPage(): Promise<Page>;
}

/** What a browser test file gets: the built server, Chromium, and participants. */
export interface E2E {
  readonly server: ProcessServer;
  readonly browser: Browser;
  /** A fresh participant (own context); its requests to other hosts are recorded and fail the test. */
  participant(opts?: BrowserContextOptions): Promise<Participant>;
  /** Requests to hosts other than the server, across every participant of this file. */
  readonly foreignRequests: readonly string[];
}

/** How a browser test file uses the harness. */
export interface E2EOptions {
  /** Environment of the server process. */
  env?: Record<string, string>;
  /**
   * `test` (default): participants are closed after each test. `file`: they stay open for the
   * file's later tests (a story told in steps, such as a workshop's phases) and are closed at
   * its end; the checks on foreign requests and page errors still run after every test.
   */
  participantsLive?: 'test' | 'file';
}

/**
 * Register the hooks of a browser test file: start `node dist/server/main.js` and Chromium
 * once, close the participants after each test (or at the file's end), and fail a test whose
 * pages reached any host but the server or threw an uncaught error.
 */
export function useE2E(opts: E2EOptions = {}): E2E {
  let server: ProcessServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const foreign: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startProcessServer(opts.env ? { env: opts.env } : {});
    browser = await launchChromium();
  });
  afterEach(async () => {
    if (opts.participantsLive !== 'file') await Promise.all(contexts.splice(0).map((c) => c.close()));
    expect(foreign, 'requests to hosts other than the server').toEqual([]);
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  });
  afterAll(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    await browser?.close();
    await server?.stop();
  });

  const watch = (page: Page) => void collectPageErrors(page, pageErrors);

  return {
    get server() {
      if (!server) throw new Error('the server is not started (use inside a test)');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('Chromium is not started (use inside a test)');
      return browser;
    },
    foreignRequests: foreign,
    async participant(opts = {}) {
      const context = await newParticipant(this.browser, opts);
      contexts.push(context);
      collectForeignRequests(context, this.server.baseUrl, foreign);
      const page = await context.newPage();
      watch(page);
      return {
        context,
        page,
        newPage: async () => {
          const p = await context.newPage();
          watch(p);
          return p;
        },
      };
    },
  };
}
