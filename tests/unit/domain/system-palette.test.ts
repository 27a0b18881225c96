// The system colours are the product's visual language: distinct and readable.
import { describe, expect, it } from 'vitest';
import { ROLES, ROLE_IDS, SYSTEMS, SYSTEM_IDS, contrastRatio, isSystemId, relativeLuminance } from '../../../shared/domain/index.ts';

// Colour-vision simulation (Machado, Oliveira & Fernandes 2009, severity 1.0, linear RGB)
// and CIELAB ΔE76: an oracle independent of the module's own contrast helper.
type Vision = 'normal' | 'protanopia' | 'deuteranopia' | 'tritanopia';
const VISION: Record<Vision, readonly (readonly number[])[]> = {
  normal: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};

function seenAs(hex: string, vision: Vision): [number, number, number] {
  const toLinear = (v: number) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  const rgb = [1, 3, 5].map((i) => toLinear(Number.parseInt(hex.slice(i, i + 2), 16) / 255));
  const [r = 0, g = 0, b = 0] = VISION[vision].map((row) =>
    Math.min(1, Math.max(0, row.reduce<number>((sum, k, i) => sum + k * (rgb[i] ?? 0), 0))),
  );
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

const deltaE = (p: readonly number[], q: readonly number[]) => Math.hypot(...p.map((v, i) => v - (q[i] ?? 0)));

describe('contrastRatio', () => {
  it('matches the WCAG reference points', () => {
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
    expect(contrastRatio('#FFFFFF', '#FFFFFF')).toBeCloseTo(1, 5);
    expect(contrastRatio('#777777', '#FFFFFF')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#123456', '#abcdef')).toBe(contrastRatio('#abcdef', '#123456'));
  });

  it('rejects colours that are not #rrggbb', () => {
    expect(() => relativeLuminance('red')).toThrow(RangeError);
    expect(() => relativeLuminance('#fff')).toThrow(RangeError);
  });
});

describe('system palette', () => {
  it('defines the five systems with Japanese and English labels', () => {
    expect(SYSTEM_IDS).toEqual(['shogai', 'kaigo', 'iryo', 'informal', 'kyoseigata']);
    for (const id of SYSTEM_IDS) {
      expect(SYSTEMS[id].id).toBe(id);
      expect(SYSTEMS[id].labelEn).toMatch(/[A-Za-z]/);
      expect(SYSTEMS[id].shortLabel.length).toBeLessThanOrEqual(SYSTEMS[id].label.length);
    }
  });

  it.each(SYSTEM_IDS)('%s: text ≥ 4.5:1 on its tint and on white; colour ≥ 3:1 on white', (id) => {
    const s = SYSTEMS[id];
    expect(contrastRatio(s.text, s.tint)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(s.text, '#FFFFFF')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(s.color, '#FFFFFF')).toBeGreaterThanOrEqual(3);
    expect(relativeLuminance(s.tint)).toBeGreaterThan(0.8);
  });

  it.each(Object.keys(VISION) as Vision[])('keeps the five colours apart for %s vision (ΔE ≥ 20)', (vision) => {
    for (const a of SYSTEM_IDS) {
      for (const b of SYSTEM_IDS) {
        if (a >= b) continue;
        const distance = deltaE(seenAs(SYSTEMS[a].color, vision), seenAs(SYSTEMS[b].color, vision));
        expect(distance, `${a} vs ${b}`).toBeGreaterThanOrEqual(20);
      }
    }
  });

  it('recognises system ids', () => {
    expect(isSystemId('iryo')).toBe(true);
    expect(isSystemId('medical')).toBe(false);
  });
});

describe('role colours', () => {
  it('are distinct and visible on white', () => {
    const colours = ROLE_IDS.map((id) => ROLES[id].color.toUpperCase());
    expect(new Set(colours).size).toBe(colours.length);
    for (const c of colours) expect(contrastRatio(c, '#FFFFFF')).toBeGreaterThanOrEqual(3);
  });
});
