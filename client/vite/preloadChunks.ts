import type { Plugin } from 'vite';

/**
 * Lets the browser fetch and compile the code of a lazily loaded module from the start of
 * the page load: `<link rel="modulepreload">` in index.html for the chunk of each module
 * named (a path ending, e.g. `client/board/BoardView.tsx`) and the chunks it imports.
 *
 * The board view (with tldraw, most of the client's code) is a separate chunk so that the
 * app can start (and a board's document sync) before all of it is evaluated; preloading it
 * keeps its download and compilation in parallel with the app's instead of after it.
 * Preloading does not run a module: it is evaluated only when imported.
 */
export function preloadChunks(moduleEndings: readonly string[]): Plugin {
  let base = '/';
  return {
    name: 'renkei:preload-chunks',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const wanted = new Set<string>();
        const visit = (fileName: string) => {
          if (wanted.has(fileName)) return;
          const chunk = byFile.get(fileName);
          if (!chunk) return;
          wanted.add(fileName);
          for (const dep of chunk.imports) visit(dep);
        };
        for (const ending of moduleEndings) {
          const endsWith = (id: string | null | undefined) => id?.replaceAll('\\', '/').endsWith(ending) ?? false;
          // Its own chunk when it is one; else the chunk the bundler merged it into (a lazy page
          // that imports it statically, for example).
          const chunk = chunks.find((c) => endsWith(c.facadeModuleId)) ?? chunks.find((c) => (c.moduleIds ?? []).some(endsWith));
          if (!chunk) throw new Error(`renkei:preload-chunks: no chunk for ${ending}`);
          visit(chunk.fileName);
        }
        // Already loaded (or preloaded) by the entry: leave those alone.
        const present = new Set([...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]!.slice(base.length)));
        const links = [...wanted].filter((f) => !present.has(f)).map((f) => `<link rel="modulepreload" crossorigin href="${base}${f}">`);
        return links.length ? html.replace(/\n?\s*<\/head>/, `\n    ${links.join('\n    ')}\n  </head>`) : html;
      },
    },
  };
}
