/**
 * How big a PNG of the whole board is drawn. tldraw's default (scale 1, pixel ratio 2) made
 * 事例演習1 a 9,328 × 9,028 px image (84 megapixels, 8.6 MB) that took 17.6 s: the browser
 * rasterises and PNG-encodes every pixel. A printed A4 page at 300 dpi is 3,508 px on its long
 * side, so the longest side is capped at `MAX_PNG_SIDE` device pixels: the board's labels stay
 * readable when printed or zoomed, and a whole exercise board exports in about a second
 * (bench/results/export-latest.md). Small boards keep tldraw's sharp pixel ratio of 2.
 */
export const MAX_PNG_SIDE = 3600;
const DEFAULT_PIXEL_RATIO = 2;

/** tldraw's `toImage` scale and pixel ratio for a board whose export is `width` × `height` page px. */
export function pngExportSize(width: number, height: number, padding: number): { scale: number; pixelRatio: number } {
  const longest = Math.max(width, height) + 2 * padding;
  if (!(longest > 0)) return { scale: 1, pixelRatio: DEFAULT_PIXEL_RATIO };
  const ratio = Math.min(DEFAULT_PIXEL_RATIO, MAX_PNG_SIDE / longest);
  return { scale: 1, pixelRatio: ratio };
}
