import { SYSTEMS, SYSTEM_IDS, type SystemId } from '../domain/systems.ts';
import { ECOMAP_PERSON_TYPE, ECOMAP_TIE_TYPE, TIE_KIND_LABELS, TIE_KINDS, type EcomapPersonProps } from '../shapes/index.ts';
import type { CaseBoardContent } from './content.ts';
import { FRAME_MARGIN, type FrameHandle } from './frames.ts';
import { GUIDE_META, type Point, type ShapeSet } from './records.ts';
import { geoProps, labelHeight } from './styles.ts';

const COLOR_NAMES: Record<SystemId, string> = { shogai: '青', kaigo: 'オレンジ', iryo: '緑', informal: '灰色', kyoseigata: '紫' };

/** The ecomap legend (DOMAIN.md: no national standard, so always show one). */
export function ecomapLegend(): string {
  const lines = TIE_KINDS.map((k) => TIE_KIND_LABELS[k].ja).join('、');
  const colors = SYSTEM_IDS.map((id) => `${SYSTEMS[id].shortLabel}＝${COLOR_NAMES[id]}`).join('、');
  return ['凡例', `線：${lines}`, '矢印：支援の向き（矢印の先が支えを受ける人）', `色：${colors}`].join('\n');
}

const SELF = { w: 220, h: 110 };
const PERSON = { w: 200, h: 96 };

/** Place the person in the centre, the others on an ellipse around, the ties beneath, the legend below. */
export function addEcomap(set: ShapeSet, frame: FrameHandle, ecomap: CaseBoardContent['ecomap']): void {
  const legend = ecomapLegend();
  const legendW = frame.w - 2 * FRAME_MARGIN;
  const legendH = labelHeight(legend, legendW);
  const legendY = frame.h - FRAME_MARGIN - legendH;
  const areaTop = frame.top;
  const areaBottom = legendY - 20;
  const centre: Point = { x: frame.w / 2, y: (areaTop + areaBottom) / 2 };
  const rx = frame.w / 2 - FRAME_MARGIN - PERSON.w / 2;
  const ry = (areaBottom - areaTop) / 2 - PERSON.h / 2;

  const centres = new Map<string, Point>([['self', centre]]);
  for (const p of ecomap.persons) {
    const a = (p.angle * Math.PI) / 180;
    centres.set(p.key, { x: Math.round(centre.x + rx * Math.cos(a)), y: Math.round(centre.y + ry * Math.sin(a)) });
  }

  // Ties first, so that the people are drawn on top of the lines' ends.
  ecomap.ties.forEach((t, i) => {
    const from = centres.get(t.from);
    const to = centres.get(t.to);
    if (!from || !to) throw new Error(`ecomap tie ${i} names an unknown person: ${t.from} → ${t.to}`);
    set.add(`eco-tie-${i}`, ECOMAP_TIE_TYPE, frame.id, from, {
      end: { x: to.x - from.x, y: to.y - from.y },
      kind: t.kind,
      direction: t.direction,
      label: t.label,
    });
  });

  const selfProps: EcomapPersonProps = {
    w: SELF.w, h: SELF.h, name: ecomap.self.name, kind: 'self', gender: ecomap.self.gender, deceased: false, system: null, note: ecomap.self.note,
  };
  set.add('eco-self', ECOMAP_PERSON_TYPE, frame.id, { x: centre.x - SELF.w / 2, y: centre.y - SELF.h / 2 }, selfProps);
  for (const p of ecomap.persons) {
    const c = centres.get(p.key) as Point;
    set.add(`eco-${p.key}`, ECOMAP_PERSON_TYPE, frame.id, { x: c.x - PERSON.w / 2, y: c.y - PERSON.h / 2 }, {
      w: PERSON.w, h: PERSON.h, name: p.name, kind: p.kind, gender: p.gender, deceased: p.deceased ?? false, system: p.system, note: p.note,
    });
  }

  set.add('eco-legend', 'geo', frame.id, { x: FRAME_MARGIN, y: legendY }, geoProps({ w: legendW, h: legendH, text: legend, color: 'grey', dash: 'dashed' }), {
    meta: GUIDE_META,
  });
}
