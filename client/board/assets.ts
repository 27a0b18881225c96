import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite.js';

/** Fonts, icons and translations bundled by Vite and served by our own server: no CDN. */
export const assetUrls = getAssetUrlsByImport();

/**
 * Starts fetching the font of a board's shapes (tldraw's default "draw" font) while the
 * board's document is still on its way. tldraw asks for it only once its editor exists and
 * waits for it before drawing the shapes; this way it is in the browser's cache by then.
 * Once per page; the request is the one tldraw's FontFace makes (same URL, CORS mode).
 */
export function preloadBoardFont(doc: Document = document): void {
  const href = assetUrls.fonts?.tldraw_draw;
  if (!href || doc.querySelector(`link[rel="preload"][href="${CSS.escape(href)}"]`)) return;
  const link = doc.createElement('link');
  link.rel = 'preload';
  link.as = 'font';
  link.type = 'font/woff2';
  link.crossOrigin = 'anonymous';
  link.href = href;
  doc.head.appendChild(link);
}
