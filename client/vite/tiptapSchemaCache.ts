import type { Plugin } from 'vite';

/**
 * A build-time fix to @tiptap/core for rendering many labels.
 *
 * tldraw renders and measures every rich-text label with tiptap's
 * `generateHTML(richText, extensions)`, always with the same extensions array, and
 * `generateHTML` (like `generateText` and `generateJSON`) calls `getSchema(extensions)`,
 * which builds a new ProseMirror schema from the extension list every time, then
 * serialises through a new inert HTML document every time: about half a millisecond per
 * label, mostly rebuilding the same schema. Drawing or measuring the 2,000 labels of a
 * large board (opening it, selecting all, exporting) spent over a second on it.
 *
 * - `getSchema(extensions)` without an editor keeps the schema of an extensions array (by
 *   identity, in a WeakMap); with an editor it is untouched. A schema is immutable and a
 *   function of its extensions, so reusing it changes no output.
 * - `getHTMLFromFragment` serialises through one inert document, created on first use,
 *   instead of a new one per call; its container element is still new and never attached.
 *
 * Every rewrite keeps the module's line count, so its sourcemap stays right. If a tiptap
 * upgrade changes one of these functions, the build fails here rather than silently losing
 * the fix.
 */
export function tiptapSchemaCache(): Plugin {
  return {
    name: 'renkei:tiptap-schema-cache',
    enforce: 'pre',
    transform(code, id) {
      if (!isTiptapCoreEntry(id)) return null;
      return { code: patchTiptapCore(code), map: null };
    },
  };
}

/** Whether a module id is @tiptap/core's ESM entry (the only one the client bundles). */
export function isTiptapCoreEntry(id: string): boolean {
  return /[\\/]node_modules[\\/]@tiptap[\\/]core[\\/]dist[\\/]index\.js(?:\?.*)?$/.test(id);
}

interface Patch {
  what: string;
  pattern: RegExp;
  /** The replacement's lines; joined with the line breaks of what it replaces. */
  lines: string[];
}

// `var`, initialised on first use: a function declaration is hoisted above any `const`.
const PATCHES: Patch[] = [
  {
    what: 'getSchema(extensions, editor)',
    pattern: /function getSchema\(extensions, editor\) \{\s*return getSchemaByResolvedExtensions\(resolveExtensions\(extensions\), editor\);\s*\}/,
    lines: [
      'var renkeiSchemaCache; function getSchema(extensions, editor) {',
      '\tif (editor !== undefined || !Array.isArray(extensions)) return getSchemaByResolvedExtensions(resolveExtensions(extensions), editor);' +
        ' renkeiSchemaCache ??= new WeakMap(); let schema = renkeiSchemaCache.get(extensions);' +
        ' if (schema === undefined) { schema = getSchemaByResolvedExtensions(resolveExtensions(extensions), editor); renkeiSchemaCache.set(extensions, schema); }' +
        ' return schema;',
      '}',
    ],
  },
  {
    what: 'getHTMLFromFragment(fragment, schema)',
    pattern: /function getHTMLFromFragment\(fragment, schema\) \{(\s*)const documentFragment = DOMSerializer\.fromSchema\(schema\)\.serializeFragment\(fragment\);(\s*)const container = document\.implementation\.createHTMLDocument\(\)\.createElement\("div"\);/,
    lines: [
      'var renkeiHtmlDocument; function getHTMLFromFragment(fragment, schema) {',
      '\tconst documentFragment = DOMSerializer.fromSchema(schema).serializeFragment(fragment);',
      '\tconst container = (renkeiHtmlDocument ??= document.implementation.createHTMLDocument()).createElement("div");',
    ],
  },
];

/** @tiptap/core's source with the rewrites above; throws if one of them does not apply exactly once. */
export function patchTiptapCore(code: string): string {
  let out = code;
  for (const patch of PATCHES) {
    const count = out.match(new RegExp(patch.pattern.source, 'g'))?.length ?? 0;
    if (count !== 1) {
      throw new Error(
        `renkei:tiptap-schema-cache: @tiptap/core has ${count} matches for ${patch.what} (expected 1); review client/vite/tiptapSchemaCache.ts for this tiptap version`,
      );
    }
    out = out.replace(patch.pattern, (original) => {
      const breaks = original.split('\n').length - 1;
      const joined = patch.lines.slice(0, breaks + 1);
      const rest = patch.lines.slice(breaks + 1);
      // Fewer line breaks than lines: the rest goes on the last line; more: pad with blank lines.
      if (rest.length > 0) joined[joined.length - 1] = [joined[joined.length - 1], ...rest].join(' ');
      return joined.join('\n') + '\n'.repeat(Math.max(0, breaks - (patch.lines.length - 1)));
    });
  }
  return out;
}
