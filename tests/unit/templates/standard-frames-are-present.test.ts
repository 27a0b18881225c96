// The exercises and the meeting share one frame set; other modules find frames by name
// (the transition helper by 「移行後」, the minutes' open questions by 「論点」).
import { describe, expect, it } from 'vitest';
import { SYSTEMS } from '../../../shared/domain/index.ts';
import { FRAME_LAYOUT, FRAME_NAMES } from '../../../shared/templates/index.ts';
import { CASE_TEMPLATE_IDS, frameNamed, frameOf, propsOf, recordsOf, shapesOf, textOf } from './helpers.ts';

// Frames a template adds to the standard nine (the handover exercise's role cards and sheet).
const EXTRA_FRAMES: Partial<Record<(typeof CASE_TEMPLATE_IDS)[number], number>> = { handover: 2 };

const REQUIRED = ['事例概要', '本人の思い', 'ライフステージ', '現在のサービス', '週間サービス計画', 'エコマップ', '引継ぎ情報'];

describe.each(CASE_TEMPLATE_IDS)('template %s', (id) => {
  const records = recordsOf(id);
  const frames = shapesOf(records).filter((s) => s.type === 'frame');

  it('has every standard frame, on the page', () => {
    for (const name of REQUIRED) expect(frameNamed(records, name)?.parentId, name).toBe('page:main');
    expect(frames.filter((f) => String(propsOf(f).name).startsWith('移行後'))).toHaveLength(1);
    expect(frames.filter((f) => String(propsOf(f).name).startsWith('論点'))).toHaveLength(1);
    expect(frames).toHaveLength(Object.keys(FRAME_NAMES).length + (EXTRA_FRAMES[id] ?? 0));
  });

  it('lays the frames out without overlaps', () => {
    const rects = Object.values(FRAME_LAYOUT);
    for (const [i, a] of rects.entries()) {
      for (const b of rects.slice(i + 1)) {
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
        expect(apart).toBe(true);
      }
    }
  });

  it('splits 現在のサービス into 障害福祉, 介護保険, 医療 and インフォーマル columns', () => {
    const services = frameNamed(records, FRAME_NAMES.services);
    const headers = shapesOf(records).filter((s) => s.id.endsWith('-header') && s.id.startsWith('shape:lane-') && frameOf(s, records) === services);
    expect(headers.map(textOf)).toEqual([SYSTEMS.shogai.label, SYSTEMS.kaigo.label, SYSTEMS.iryo.label, SYSTEMS.informal.label]);
  });

  it('starts every frame with a short instruction', () => {
    for (const f of frames) {
      const guide = shapesOf(records).find((s) => s.parentId === f.id && s.id.endsWith('-guide'));
      expect(guide && textOf(guide).length, String(propsOf(f).name)).toBeGreaterThan(10);
    }
  });
});
