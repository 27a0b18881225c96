import { describe, expect, it } from 'vitest';
import type { IndexHtmlTransformContext, Plugin } from 'vite';
import { preloadChunks } from '../../../client/vite/preloadChunks.ts';

type Handler = (html: string, ctx: IndexHtmlTransformContext) => string;

function handlerOf(plugin: Plugin): Handler {
  (plugin.configResolved as (c: { base: string }) => void)({ base: '/' });
  const hook = plugin.transformIndexHtml as { handler: Handler };
  return hook.handler;
}

const chunk = (fileName: string, facadeModuleId: string | null, imports: string[] = [], moduleIds: string[] = facadeModuleId ? [facadeModuleId] : []) => ({ type: 'chunk', fileName, facadeModuleId, imports, moduleIds });

const HTML = `<html>
  <head>
    <script type="module" crossorigin src="/assets/index-1.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/shared-1.js">
  </head>
  <body></body>
</html>`;

describe('modulepreload for the lazily loaded board view', () => {
  it('preloads the chunk of the module and the chunks it imports, once, leaving the entry’s alone', () => {
    const bundle = {
      'assets/index-1.js': chunk('assets/index-1.js', '/x/client/main.tsx', ['assets/shared-1.js']),
      'assets/shared-1.js': chunk('assets/shared-1.js', null),
      'assets/BoardView-1.js': chunk('assets/BoardView-1.js', '/x/client/board/BoardView.tsx', ['assets/tldraw-1.js', 'assets/shared-1.js']),
      'assets/tldraw-1.js': chunk('assets/tldraw-1.js', null, ['assets/shared-1.js']),
      'assets/other-1.js': chunk('assets/other-1.js', '/x/client/records/RecordViewer.tsx', ['assets/tldraw-1.js']),
    };
    const out = handlerOf(preloadChunks(['client/board/BoardView.tsx']))(HTML, { bundle } as unknown as IndexHtmlTransformContext);
    expect(out.match(/modulepreload[^>]*BoardView-1\.js/g)).toHaveLength(1);
    expect(out.match(/modulepreload[^>]*tldraw-1\.js/g)).toHaveLength(1);
    expect(out.match(/shared-1\.js/g)).toHaveLength(1);
    expect(out).not.toContain('other-1.js');
    expect(out.indexOf('BoardView-1.js')).toBeLessThan(out.indexOf('</head>'));
  });

  it('preloads the shared chunk the bundler merged the module into', () => {
    const bundle = {
      'assets/index-1.js': chunk('assets/index-1.js', '/x/client/main.tsx'),
      'assets/catalogue-1.js': chunk('assets/catalogue-1.js', null, ['assets/tldraw-1.js'], ['/x/client/shapes/serviceCard/catalogue.ts', '/x/client/board/BoardView.tsx']),
      'assets/tldraw-1.js': chunk('assets/tldraw-1.js', null),
    };
    const out = handlerOf(preloadChunks(['client/board/BoardView.tsx']))(HTML, { bundle } as unknown as IndexHtmlTransformContext);
    expect(out.match(/modulepreload[^>]*catalogue-1\.js/g)).toHaveLength(1);
    expect(out.match(/modulepreload[^>]*tldraw-1\.js/g)).toHaveLength(1);
  });

  it('fails the build when the module is in no chunk at all', () => {
    const bundle = { 'assets/index-1.js': chunk('assets/index-1.js', '/x/client/main.tsx') };
    expect(() => handlerOf(preloadChunks(['client/board/BoardView.tsx']))(HTML, { bundle } as unknown as IndexHtmlTransformContext)).toThrow(/no chunk/);
  });
});
