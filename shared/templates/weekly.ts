import type { WeekDay, WeeklyEntrySpec } from './content.ts';
import { WEEK_DAYS } from './content.ts';
import { FRAME_MARGIN, type FrameHandle } from './frames.ts';
import { GUIDE_META, type ShapeSet } from './records.ts';
import { SYSTEM_TLDRAW_COLORS, geoProps } from './styles.ts';

/**
 * 居宅サービス計画書 第3表（週間サービス計画表）: 月〜日 across, the day's time bands down
 * (深夜・早朝・午前・午後・夜間・深夜), 主な日常生活上の活動 on the right and
 * 週単位以外のサービス along the bottom, as on the printed form.
 */
export const TIME_BANDS = [
  { id: 'late-night', label: '深夜', hours: '0〜6時', from: 0, to: 6, h: 90 },
  { id: 'early-morning', label: '早朝', hours: '6〜8時', from: 6, to: 8, h: 120 },
  { id: 'morning', label: '午前', hours: '8〜12時', from: 8, to: 12, h: 240 },
  { id: 'afternoon', label: '午後', hours: '12〜18時', from: 12, to: 18, h: 330 },
  { id: 'evening', label: '夜間', hours: '18〜22時', from: 18, to: 22, h: 240 },
  { id: 'night', label: '深夜', hours: '22〜24時', from: 22, to: 24, h: 90 },
] as const;
export type TimeBandId = (typeof TIME_BANDS)[number]['id'];

export const DAY_LABELS: Record<WeekDay, string> = { mon: '月', tue: '火', wed: '水', thu: '木', fri: '金', sat: '土', sun: '日' };
export const ACTIVITIES_LABEL = '主な日常生活上の活動';
export const NON_WEEKLY_LABEL = '週単位以外のサービス';

const TIME_W = 120;
const DAY_W = 170;
const ACTIVITY_W = 250;
const HEADER_H = 60;
const NON_WEEKLY_H = 130;
// One line of label: a one-hour visit is 55–60 px tall, so its label must fit on one line.
const MIN_ENTRY_H = 56;
// An entry overlapping another (a nurse's visit during a long helper shift) is drawn inset.
const INSET = 0.25;

interface Grid {
  x0: number;
  y0: number;
  dayX(day: WeekDay): number;
  yAt(hour: number): number;
}

function grid(frame: FrameHandle): Grid {
  const x0 = FRAME_MARGIN;
  const y0 = frame.top;
  const bandTop = y0 + HEADER_H;
  return {
    x0,
    y0,
    dayX: (day) => x0 + TIME_W + WEEK_DAYS.indexOf(day) * DAY_W,
    yAt(hour) {
      let y = bandTop;
      for (const b of TIME_BANDS) {
        if (hour <= b.to) return y + ((Math.max(hour, b.from) - b.from) / (b.to - b.from)) * b.h;
        y += b.h;
      }
      return y;
    },
  };
}

/** Total height of the form, from the frame's first free line. */
export const WEEKLY_FORM_HEIGHT = HEADER_H + TIME_BANDS.reduce((s, b) => s + b.h, 0) + NON_WEEKLY_H;

function cell(set: ShapeSet, key: string, frame: FrameHandle, x: number, y: number, w: number, h: number, text = '', fill: 'none' | 'semi' = 'none'): void {
  set.add(key, 'geo', frame.id, { x, y }, geoProps({ w, h, text, color: 'grey', fill, align: 'middle', verticalAlign: 'middle' }), {
    isLocked: true,
    meta: GUIDE_META,
  });
}

/** Draw the empty form: header, time bands, activity column and the non-weekly row (locked). */
export function addWeeklyForm(set: ShapeSet, frame: FrameHandle): void {
  const g = grid(frame);
  const activityX = g.dayX('sun') + DAY_W;
  cell(set, 'week-head-time', frame, g.x0, g.y0, TIME_W, HEADER_H, '', 'semi');
  for (const day of WEEK_DAYS) cell(set, `week-head-${day}`, frame, g.dayX(day), g.y0, DAY_W, HEADER_H, DAY_LABELS[day], 'semi');
  cell(set, 'week-head-activities', frame, activityX, g.y0, ACTIVITY_W, HEADER_H, ACTIVITIES_LABEL, 'semi');
  let y = g.y0 + HEADER_H;
  for (const band of TIME_BANDS) {
    cell(set, `week-band-${band.id}`, frame, g.x0, y, TIME_W, band.h, `${band.label}\n${band.hours}`, 'semi');
    for (const day of WEEK_DAYS) cell(set, `week-cell-${band.id}-${day}`, frame, g.dayX(day), y, DAY_W, band.h);
    cell(set, `week-activity-${band.id}`, frame, activityX, y, ACTIVITY_W, band.h);
    y += band.h;
  }
  cell(set, 'week-nonweekly-head', frame, g.x0, y, TIME_W, NON_WEEKLY_H, NON_WEEKLY_LABEL, 'semi');
  cell(set, 'week-nonweekly', frame, g.dayX('mon'), y, 7 * DAY_W + ACTIVITY_W, NON_WEEKLY_H);
}

/** Put the case's services, daily activities and non-weekly services on the form. */
export function addWeeklyContent(
  set: ShapeSet,
  frame: FrameHandle,
  content: { entries: readonly WeeklyEntrySpec[]; activities: Partial<Record<string, string>>; nonWeekly: string },
): void {
  const g = grid(frame);
  content.entries.forEach((entry, i) => {
    for (const day of entry.days) {
      const inset = entry.inset ? DAY_W * INSET : 0;
      const w = DAY_W - 8 - inset;
      const top = g.yAt(entry.from) + 2;
      const h = Math.max(MIN_ENTRY_H, g.yAt(entry.to) - top - 2);
      const color = SYSTEM_TLDRAW_COLORS[entry.system];
      set.add(`week-entry-${i}-${day}`, 'geo', frame.id, { x: g.dayX(day) + 4 + inset, y: top }, geoProps({ w, h, text: entry.label, color, fill: 'solid' }));
    }
  });
  const activityX = g.dayX('sun') + DAY_W;
  let y = g.y0 + HEADER_H;
  for (const band of TIME_BANDS) {
    const text = content.activities[band.id];
    if (text) set.add(`week-activity-text-${band.id}`, 'geo', frame.id, { x: activityX + 4, y: y + 4 }, geoProps({ w: ACTIVITY_W - 8, h: band.h - 8, text, dash: 'none' }));
    y += band.h;
  }
  if (content.nonWeekly) {
    set.add('week-nonweekly-text', 'geo', frame.id, { x: g.dayX('mon') + 4, y: y + 4 }, geoProps({ w: 7 * DAY_W + ACTIVITY_W - 8, h: NON_WEEKLY_H - 8, text: content.nonWeekly, dash: 'none' }));
  }
}
