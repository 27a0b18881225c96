import { useEffect } from 'react';
import type { Editor } from 'tldraw';

/** How much 文字を大きく enlarges: the ratio of the large text size to the normal one (20px / 16px). */
export const LARGE_TEXT_ZOOM = 1.25;

/** Zooms the canvas by `factor` about the middle of the view, so the person keeps what they look at. */
export function zoomKeepingView(editor: Editor, factor: number, center = editor.getViewportPageBounds().center): void {
  const cam = editor.getCamera();
  // The larger text may have resized the canvas (a taller header): measure it now.
  editor.updateViewportScreenBounds(editor.getContainer());
  const screen = editor.getViewportScreenBounds();
  const z = cam.z * factor;
  // tldraw maps a page point p to the viewport at (p + camera) * z: keep the centre there.
  editor.setCamera({ x: screen.w / 2 / z - center.x, y: screen.h / 2 / z - center.y, z });
}

/**
 * 文字を大きく reaches the canvas: while the app's larger-text setting is on (the `rb-large`
 * class the app shell sets), the canvas is zoomed by the same ratio as our text.
 */
export function useLargeTextZoom(editor: Editor | null): void {
  useEffect(() => {
    if (!editor) return;
    const root = document.documentElement;
    let large = root.classList.contains('rb-large');
    if (large) zoomKeepingView(editor, LARGE_TEXT_ZOOM);
    const observer = new MutationObserver(() => {
      const now = root.classList.contains('rb-large');
      if (now === large) return;
      large = now;
      // What the person looks at now, kept in the middle once the page has laid out again.
      const center = editor.getViewportPageBounds().center;
      requestAnimationFrame(() => zoomKeepingView(editor, now ? LARGE_TEXT_ZOOM : 1 / LARGE_TEXT_ZOOM, center));
    });
    observer.observe(root, { attributes: true, attributeFilter: ['class'] });
    return () => observer.disconnect();
  }, [editor]);
}
