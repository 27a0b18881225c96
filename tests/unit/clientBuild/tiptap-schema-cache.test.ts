import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isTiptapCoreEntry, patchTiptapCore } from '../../../client/vite/tiptapSchemaCache.ts';

// The ESM entry the client bundles: the package's "import" export, dist/index.js.
const entry = fileURLToPath(import.meta.resolve('@tiptap/core'));
const source = fs.readFileSync(entry, 'utf8');

describe('the @tiptap/core rewrite for rendering many labels', () => {
  it('applies to the installed @tiptap/core, keeping its line count (and so its sourcemap)', () => {
    expect(isTiptapCoreEntry(entry)).toBe(true);
    const patched = patchTiptapCore(source);
    expect(patched).not.toBe(source);
    const before = source.split('\n');
    const after = patched.split('\n');
    expect(after).toHaveLength(before.length);
    expect(patched).toContain('renkeiSchemaCache.get(extensions)');
    expect(patched).toContain('renkeiHtmlDocument ??= document.implementation.createHTMLDocument()');
    // Everything else is untouched.
    const changed = after.filter((line, i) => line !== before[i]);
    expect(changed.length).toBeLessThanOrEqual(5);
  });

  it('keeps getSchema as it was when an editor is given', () => {
    const patched = patchTiptapCore(source);
    expect(patched).toContain('if (editor !== undefined || !Array.isArray(extensions)) return getSchemaByResolvedExtensions(resolveExtensions(extensions), editor);');
  });

  it('fails the build when tiptap no longer has the code it rewrites', () => {
    expect(() => patchTiptapCore('export function generateHTML() {}')).toThrow(/tiptap-schema-cache/);
    expect(isTiptapCoreEntry('/x/node_modules/@tiptap/pm/dist/index.js')).toBe(false);
  });
});
