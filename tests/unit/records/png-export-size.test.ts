import { describe, expect, it } from 'vitest';
import { MAX_PNG_SIDE, pngExportSize } from '../../../client/records/exportSize.ts';

describe('the size of a PNG export', () => {
  it('keeps tldraw’s pixel ratio of 2 for a board that fits', () => {
    expect(pngExportSize(800, 600, 32)).toEqual({ scale: 1, pixelRatio: 2 });
  });

  it('caps the longest side of a whole exercise board at MAX_PNG_SIDE device pixels', () => {
    // 事例演習1's page bounds (about 4,600 × 4,450): tldraw's default made 9,328 × 9,028 px.
    const { scale, pixelRatio } = pngExportSize(4600, 4450, 32);
    expect(Math.round((4600 + 64) * scale * pixelRatio)).toBe(MAX_PNG_SIDE);
    expect((4450 + 64) * scale * pixelRatio).toBeLessThan(MAX_PNG_SIDE);
  });

  it('answers tldraw’s default for an empty page', () => {
    expect(pngExportSize(0, 0, 32)).toEqual({ scale: 1, pixelRatio: 2 });
  });
});
