// @vitest-environment jsdom
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as stock from '@tiptap/core';
import type { JSONContent } from '@tiptap/core';
import { tipTapDefaultExtensions, toRichText } from 'tldraw';
import { patchTiptapCore } from '../../../client/vite/tiptapSchemaCache.ts';

/*
 * client/vite/tiptapSchemaCache.ts rewrites two functions of @tiptap/core at build time. The
 * other test checks that the rewrite applies; this one checks what it assumes, by behaviour:
 *  - stock `getSchema(extensions)` builds a new schema each call (if tiptap caches it one day,
 *    this fails and the patch can go), and a schema is a pure function of the extensions;
 *  - `generateHTML` goes through `getSchema` with no editor and then `getHTMLFromFragment`;
 *  - the patched build renders exactly the HTML stock `generateHTML` renders, for rich texts
 *    that use every mark and node tldraw's extensions have, repeatedly and interleaved.
 */

const entry = fileURLToPath(import.meta.resolve('@tiptap/core'));
const source = fs.readFileSync(entry, 'utf8');
// The patched module lives in the worktree so that its bare imports (@tiptap/pm/…) resolve.
const tmpDir = fs.mkdtempSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '.patched-tiptap-'));
let patched: typeof stock;

beforeAll(async () => {
  const file = path.join(tmpDir, 'index.js');
  // Its relative imports (tiptap's own chunks) point back at the installed package.
  const code = patchTiptapCore(source)
    .replace(/from "\.\/([^"]+)"/g, (_, chunk: string) => `from ${JSON.stringify(path.join(path.dirname(entry), chunk))}`)
    .replace(/^\/\/# sourceMappingURL=.*$/m, '');
  fs.writeFileSync(file, code);
  patched = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as typeof stock;
});
afterAll(() => fs.rmSync(tmpDir, { recursive: true, force: true }));

const doc = (...content: unknown[]) => ({ type: 'doc', content }) as JSONContent;
const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const t = (text: string, marks?: unknown[]) => (marks ? { type: 'text', text, marks } : { type: 'text', text });

// tldraw's rich text is tiptap's JSON document.
const fromText = (text: string) => toRichText(text) as unknown as JSONContent;
const RICH_TEXTS: JSONContent[] = [
  fromText(''),
  fromText('本人の思い：家で暮らしたい'),
  fromText('一行目\n二行目\n\n四行目'),
  doc(p(t('太字', [{ type: 'bold' }]), t(' と '), t('斜体', [{ type: 'italic' }]), t('、'), t('取り消し', [{ type: 'strike' }]), t('、'), t('code', [{ type: 'code' }]))),
  doc(p(t('強調', [{ type: 'highlight' }]), t(' '), t('リンク', [{ type: 'link', attrs: { href: 'https://example.jp/a?b=1&c=<2>' } }]), t(' '), t('下線', [{ type: 'underline' }]))),
  doc({ type: 'heading', attrs: { level: 2 }, content: [t('見出し')] }, p(t('本文'))),
  doc({ type: 'bulletList', content: [{ type: 'listItem', content: [p(t('訪問介護'))] }, { type: 'listItem', content: [p(t('通所介護'))] }] }),
  doc({ type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [p(t('三'))] }] }),
  doc(p(t('<script>alert(1)</script> & "quotes"')), p()),
  doc(p(t('改行'), { type: 'hardBreak' }, t('の後'))),
];

describe('the @tiptap/core rewrite keeps tiptap’s meaning', { timeout: 60_000 }, () => {
  it('stock getSchema builds a new, equal schema each call; the patched one reuses it per extensions array', () => {
    const a = stock.getSchema(tipTapDefaultExtensions);
    const b = stock.getSchema(tipTapDefaultExtensions);
    expect(a).not.toBe(b);
    expect(Object.keys(a.nodes)).toEqual(Object.keys(b.nodes));
    expect(Object.keys(a.marks)).toEqual(Object.keys(b.marks));
    expect(patched.getSchema(tipTapDefaultExtensions)).toBe(patched.getSchema(tipTapDefaultExtensions));
    // Another array (even with the same extensions) is another key.
    expect(patched.getSchema([...tipTapDefaultExtensions])).not.toBe(patched.getSchema(tipTapDefaultExtensions));
  });

  it('generateHTML is getSchema without an editor, then getHTMLFromFragment', () => {
    const body = /function generateHTML\(doc, extensions\) \{([\s\S]*?)\n\}/.exec(source)?.[1];
    expect(body).toBeDefined();
    expect(body).toMatch(/const schema = getSchema\(extensions\);/);
    expect(body).toMatch(/return getHTMLFromFragment\(Node\$1\.fromJSON\(schema, doc\)\.content, schema\);/);
    // And in behaviour: the exported pieces compose to generateHTML's answer.
    for (const richText of RICH_TEXTS) {
      const schema = stock.getSchema(tipTapDefaultExtensions);
      const composed = stock.getHTMLFromFragment(schema.nodeFromJSON(richText).content, schema);
      expect(composed).toBe(stock.generateHTML(richText, tipTapDefaultExtensions));
    }
  });

  it('the patched build renders the same HTML as stock generateHTML, every time', () => {
    const expected = RICH_TEXTS.map((r) => stock.generateHTML(r, tipTapDefaultExtensions));
    expect(expected.some((html) => html.includes('<strong>'))).toBe(true);
    expect(expected.some((html) => html.includes('<mark>'))).toBe(true);
    expect(expected.some((html) => html.includes('&lt;script&gt;'))).toBe(true);
    for (let round = 0; round < 3; round++) {
      for (const [i, richText] of RICH_TEXTS.entries()) {
        expect(patched.generateHTML(richText, tipTapDefaultExtensions), `rich text ${i}, round ${round}`).toBe(expected[i]);
      }
    }
    // The shared inert document keeps nothing between calls.
    expect(patched.generateHTML(RICH_TEXTS[1]!, tipTapDefaultExtensions)).toBe(expected[1]);
  });
});
