/**
 * WCAG 2.x contrast arithmetic, kept next to the palettes so that the promise "text colour
 * is readable on its tint" is checked by a test rather than by eye.
 */

const HEX = /^#[0-9a-f]{6}$/i;

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance (0–1) of a `#rrggbb` colour, per WCAG 2.x. */
export function relativeLuminance(hex: string): number {
  if (!HEX.test(hex)) throw new RangeError(`not a #rrggbb colour: ${JSON.stringify(hex)}`);
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 0xff) + 0.7152 * channel((n >> 8) & 0xff) + 0.0722 * channel(n & 0xff);
}

/** WCAG contrast ratio (1–21) between two `#rrggbb` colours, order-independent. */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
