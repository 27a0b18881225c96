import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeViolation } from '../helpers/browser.ts';

/** A board link's outline: `/b/<id>/outline#t=…` (contract: pages). */
export function outlineLink(boardLink: string): string {
  const url = new URL(boardLink);
  url.pathname = `${url.pathname.replace(/\/$/, '')}/outline`;
  return url.toString();
}

/** The board's case shapes as the document holds them (every page), read through the editor. */
export function caseShapes(page: Page): Promise<{ type: string; id: string; props: Record<string, unknown>; guide: boolean }[]> {
  return page.evaluate(() => {
    const editor = (window as unknown as { editor: import('tldraw').Editor }).editor;
    return editor.store
      .allRecords()
      .filter((r) => r.typeName === 'shape' && ['rb-voice', 'rb-plan', 'rb-service'].includes((r as { type: string }).type))
      .map((r) => {
        const s = r as unknown as { type: string; id: string; props: Record<string, unknown>; meta: { rbRole?: string } };
        return { type: s.type, id: s.id, props: s.props, guide: s.meta?.rbRole === 'guide' };
      });
  });
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * axe-core on the outline (and the board's header with `alsoChrome`, or the parts named by `include`), every impact, with WCAG AAA contrast (7:1) when `enhanced`.
 * The context must be created with `bypassCSP: true` (axe is injected as an inline script).
 */
export async function outlineAxe(page: Page, opts: { enhanced?: boolean; alsoChrome?: boolean; include?: string[] } = {}): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async ({ enhanced, include }) => {
    type Result = { violations: Array<{ id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown[] }> }> };
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<Result> } }).axe;
    const result = await axe.run({ include }, { resultTypes: ['violations'], rules: { 'color-contrast-enhanced': { enabled: enhanced } } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.map(String).join(' ')) }));
  }, { enhanced: opts.enhanced ?? false, include: opts.include ? opts.include.map((c) => [c]) : opts.alsoChrome ? [['#rb-outline'], ['.rb-board__header']] : [['#rb-outline']] });
}
