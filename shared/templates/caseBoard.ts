import type { TLRecord } from '@tldraw/tlschema';
import { ageOn } from '../domain/dates.ts';
import { CHECK_STATUSES, HANDOVER_ITEMS, HIGH_COST_REFUND } from '../domain/handover.ts';
import { resolveService, type ServiceSystemId } from '../domain/services.ts';
import { SYSTEMS, type SystemId } from '../domain/systems.ts';
import {
  BASIC_INFO_TYPE,
  CLIENT_VOICE_TYPE,
  basicInfoDefaults,
  LIFE_STAGE_TYPE,
  PLAN_ITEM_TYPE,
  SERVICE_CARD_TYPE,
  lifeStageDefaults,
  planItemDefaults,
  type ServiceCardProps,
} from '../shapes/index.ts';
import type { CaseBoardContent, LifeEventSpec, ServiceSpec, SummarySection } from './content.ts';
import { addEcomap } from './ecomap.ts';
import { columnMeta, type ColumnId } from '../placement/frames.ts';
import { FRAME_MARGIN, LAYOUT_TOP, LAYOUT_WIDTH, addStandardFrames, type FrameHandle } from './frames.ts';
import { FIRST_PAGE_ID, GUIDE_META, baseRecords, checklistMeta, createShapeSet, type ShapeSet } from './records.ts';
import { NOTE_SIZE, SYSTEM_TLDRAW_COLORS, geoProps, jaDate, labelHeight, noteProps } from './styles.ts';
import { addWeeklyContent, addWeeklyForm } from './weekly.ts';

const GAP = 16;
const HEADER_H = 60;

/**
 * The records of a case-conference board: the nine frames, filled with `content`; `extend`
 * adds a template's own frames (the handover exercise's role cards and sheet) to the same set.
 */
export function buildCaseBoard(content: CaseBoardContent, extend?: (set: ShapeSet) => void): TLRecord[] {
  const set = createShapeSet();
  addHeading(set, content);
  const frames = addStandardFrames(set, content.guides);
  addSummary(set, frames.summary, content.summary);
  addVoices(set, frames.voices, content);
  addLife(set, frames.life, content.life);
  addServiceLanes(set, frames.services, content.services);
  addProposals(set, frames.proposals, content.proposals);
  addWeeklyForm(set, frames.weekly);
  addWeeklyContent(set, frames.weekly, content.weekly);
  addEcomap(set, frames.ecomap, content.ecomap);
  addHandover(set, frames.handover);
  addQuestions(set, frames.questions, content);
  addBasicInfo(set, content.basicInfo);
  extend?.(set);
  return [...baseRecords(content.pageName), ...set.shapes()];
}

// Beside 事例概要, left of the frames: one card per board, facts the helper reads.
const BASIC_INFO_W = 440;
const BASIC_INFO_H = 480;

function addBasicInfo(set: ShapeSet, info: CaseBoardContent['basicInfo']): void {
  if (!info) return;
  set.add('basic-info', BASIC_INFO_TYPE, FIRST_PAGE_ID, { x: -(BASIC_INFO_W + 80), y: LAYOUT_TOP }, {
    ...basicInfoDefaults(), ...info, w: BASIC_INFO_W, h: BASIC_INFO_H,
  });
}

function addHeading(set: ShapeSet, content: CaseBoardContent): void {
  let y = 0;
  const block = (key: string, text: string, size: 'xl' | 'm') => {
    const h = labelHeight(text, LAYOUT_WIDTH, size);
    set.add(key, 'geo', FIRST_PAGE_ID, { x: 0, y }, geoProps({ w: LAYOUT_WIDTH, h, text, size, dash: 'none' }), { meta: GUIDE_META });
    y += h;
  };
  block('heading', content.heading, 'xl');
  block('subheading', content.subheading, 'm');
  block('how-to', content.howTo, 'm');
  if (y > LAYOUT_TOP - 20) throw new Error('template heading is taller than the space above the frames');
}

/** A guide header bar inside a frame. */
function header(set: ShapeSet, key: string, frame: FrameHandle, x: number, y: number, w: number, text: string, color: SystemId | null = null, column?: ColumnId): void {
  const props = geoProps({ w, h: HEADER_H, text, fill: 'solid', color: color ? SYSTEM_TLDRAW_COLORS[color] : 'grey', align: 'middle', verticalAlign: 'middle' });
  // A column's header bar carries its tag: new cards find their column by it (shared/placement).
  set.add(key, 'geo', frame.id, { x, y }, props, { isLocked: true, meta: column ? { ...GUIDE_META, ...columnMeta(column) } : GUIDE_META });
}

/** Text blocks one under another; returns the y below the last. */
function stack(set: ShapeSet, frame: FrameHandle, blocks: readonly { key: string; text: string; meta?: TLRecord['meta'] }[], x: number, y: number, w: number,
  style: { color?: 'grey' | 'yellow' | 'black'; fill?: 'none' | 'solid' } = {}): number {
  for (const b of blocks) {
    const h = labelHeight(b.text, w);
    set.add(b.key, 'geo', frame.id, { x, y }, geoProps({ w, h, text: b.text, color: style.color ?? 'grey', fill: style.fill ?? 'none' }), b.meta ? { meta: b.meta } : {});
    y += h + GAP;
  }
  return y;
}

function addSummary(set: ShapeSet, frame: FrameHandle, summary: CaseBoardContent['summary']): void {
  const w = (frame.w - 2 * FRAME_MARGIN - GAP) / 2;
  const blocks = (side: string, sections: readonly SummarySection[]) =>
    sections.map((s, i) => ({ key: `summary-${side}-${i}`, text: `【${s.title}】\n${s.body}` }));
  stack(set, frame, blocks('left', summary.left), FRAME_MARGIN, frame.top, w);
  stack(set, frame, blocks('right', summary.right), FRAME_MARGIN + w + GAP, frame.top, w);
}

const VOICE_W = 380;
const FAMILY_SCALE = 1.2;

function addVoices(set: ShapeSet, frame: FrameHandle, content: CaseBoardContent): void {
  const voicesW = 2 * VOICE_W + GAP;
  header(set, 'voices-header', frame, FRAME_MARGIN, frame.top, voicesW, '本人の言葉（本人カード）', null, 'voices-self');
  let y = frame.top + HEADER_H + GAP;
  for (let i = 0; i < content.voices.length; i += 2) {
    const row = content.voices.slice(i, i + 2);
    // A card shows the words, then who recorded them and how: size the row for its longest.
    const h = Math.max(170, ...row.map((v) => labelHeight(`${v.text}\n${v.recordedBy}`, VOICE_W) + 40));
    row.forEach((v, j) => {
      set.add(`voice-${i + j}`, CLIENT_VOICE_TYPE, frame.id, { x: FRAME_MARGIN + j * (VOICE_W + GAP), y }, { w: VOICE_W, h, text: v.text, recordedBy: v.recordedBy, source: v.source });
    });
    y += h + GAP;
  }
  const familyX = FRAME_MARGIN + voicesW + 3 * GAP;
  const familyW = frame.w - FRAME_MARGIN - familyX;
  header(set, 'family-header', frame, familyX, frame.top, familyW, '家族の思い（付箋・本人の言葉と分けて）', 'informal', 'voices-family');
  const note = NOTE_SIZE * FAMILY_SCALE;
  content.family.forEach((f, i) => {
    const at = { x: familyX + (i % 2) * (note + GAP), y: frame.top + HEADER_H + GAP + Math.floor(i / 2) * (note + GAP) };
    set.add(`family-${i}`, 'note', frame.id, at, noteProps(`${f.who}\n${f.text}`, { scale: FAMILY_SCALE }));
  });
}

/** 「1980年3月（18歳）…」: the age comes from the birth date, so the two cannot disagree. */
function eventLine(birthDate: string, e: LifeEventSpec): string {
  const age = ageOn(birthDate, e.date);
  const [y, m] = e.date.split('-').map(Number) as [number, number];
  return age === 0 ? `${jaDate(e.date)}　${e.text}` : `${y}年${m}月（${age}歳）　${e.text}`;
}

function addLife(set: ShapeSet, frame: FrameHandle, life: CaseBoardContent['life']): void {
  const w = frame.w - 2 * FRAME_MARGIN;
  const band = { ...lifeStageDefaults(), w, h: 240, birthDate: life.birthDate, specifiedDisease: life.specifiedDisease };
  set.add('lifeline', LIFE_STAGE_TYPE, frame.id, { x: FRAME_MARGIN, y: frame.top }, band);
  const text = life.events.length > 0
    ? ['主な出来事', ...life.events.map((e) => eventLine(life.birthDate, e))].join('\n')
    : '主な出来事（いつ・何があったか）：\n';
  stack(set, frame, [{ key: 'life-events', text }], FRAME_MARGIN, frame.top + band.h + 2 * GAP, w);
}

/** The lanes of 現在のサービス; a 共生型 provider's card sits with the 障害福祉 services it delivers now. */
const LANES = ['shogai', 'kaigo', 'iryo', 'informal'] as const satisfies readonly SystemId[];
const laneOf = (system: SystemId): (typeof LANES)[number] => (system === 'kyoseigata' ? 'shogai' : system);
const CARD_H = 160;

function serviceProps(s: ServiceSpec, w: number, h: number): ServiceCardProps {
  const hint: ServiceSystemId | undefined = s.system === 'kyoseigata' ? undefined : s.system;
  const found = resolveService(s.service, hint ? { system: hint } : {});
  return { w, h, system: s.system, service: s.service, serviceId: found?.service.id ?? null, provider: s.provider, amount: s.amount, status: s.status, note: s.note };
}

function addServiceLanes(set: ShapeSet, frame: FrameHandle, services: readonly ServiceSpec[]): void {
  const laneW = (frame.w - 2 * FRAME_MARGIN - (LANES.length - 1) * GAP) / LANES.length;
  const laneH = frame.h - FRAME_MARGIN - frame.top;
  LANES.forEach((lane, i) => {
    const x = FRAME_MARGIN + i * (laneW + GAP);
    set.add(`lane-${lane}`, 'geo', frame.id, { x, y: frame.top }, geoProps({ w: laneW, h: laneH, color: SYSTEM_TLDRAW_COLORS[lane], dash: 'dashed' }), {
      isLocked: true,
      meta: GUIDE_META,
    });
    header(set, `lane-${lane}-header`, frame, x, frame.top, laneW, SYSTEMS[lane].label, lane);
    const cards = services.filter((s) => laneOf(s.system) === lane);
    cards.forEach((s, j) => {
      const y = frame.top + HEADER_H + GAP + j * (CARD_H + 12);
      set.add(`svc-${s.key}`, SERVICE_CARD_TYPE, frame.id, { x: x + 12, y }, serviceProps(s, laneW - 24, CARD_H));
    });
  });
}

function addProposals(set: ShapeSet, frame: FrameHandle, proposals: CaseBoardContent['proposals']): void {
  const serviceW = 360;
  const planX = FRAME_MARGIN + serviceW + 2 * GAP;
  const planW = (frame.w - FRAME_MARGIN - planX - GAP) / 2;
  const planH = 250;
  header(set, 'proposals-services-header', frame, FRAME_MARGIN, frame.top, serviceW, 'サービスの提案', null, 'proposal-services');
  header(set, 'proposals-plans-header', frame, planX, frame.top, frame.w - FRAME_MARGIN - planX, '支援の提案（ニーズは本人の言葉で）', null, 'proposal-plans');
  const top = frame.top + HEADER_H + GAP;
  proposals.services.forEach((s, i) => {
    set.add(`proposal-${s.key}`, SERVICE_CARD_TYPE, frame.id, { x: FRAME_MARGIN, y: top + i * (CARD_H + 12) }, serviceProps(s, serviceW, CARD_H));
  });
  proposals.plans.forEach((p, i) => {
    const at = { x: planX + (i % 2) * (planW + GAP), y: top + Math.floor(i / 2) * (planH + GAP) };
    set.add(`plan-${p.key}`, PLAN_ITEM_TYPE, frame.id, at, {
      ...planItemDefaults(), ...p.sheet,
      w: planW, h: planH, need: p.need, priority: p.priority, goal: p.goal, support: p.support, owner: p.owner, due: p.due, state: p.state,
    });
  });
}

function addHandover(set: ShapeSet, frame: FrameHandle): void {
  const w = 620;
  const blocks = HANDOVER_ITEMS.map((item) => ({ key: `handover-${item.id}`, text: `□ ${item.label}\n${item.hint}`, meta: checklistMeta('handover', item.id) }));
  stack(set, frame, blocks, FRAME_MARGIN, frame.top, w);
}

function addQuestions(set: ShapeSet, frame: FrameHandle, content: CaseBoardContent): void {
  const w = (frame.w - 2 * FRAME_MARGIN - 2 * GAP) / 2;
  header(set, 'questions-header', frame, FRAME_MARGIN, frame.top, w, '確かめること（だれに）');
  const top = frame.top + HEADER_H + GAP;
  stack(set, frame, content.questions.map((q, i) => ({ key: `question-${i}`, text: q })), FRAME_MARGIN, top, w, { color: 'yellow', fill: 'solid' });
  if (!content.refundChecks) return;
  const x = FRAME_MARGIN + w + 2 * GAP;
  header(set, 'refund-header', frame, x, frame.top, w, HIGH_COST_REFUND.label);
  const status = CHECK_STATUSES['to-confirm'].label;
  stack(set, frame, [
    { key: 'refund-note', text: `${HIGH_COST_REFUND.note}\n長く障害福祉サービスを使ってきた人が65歳で介護保険に移ったとき、一部の介護保険サービスの利用者負担が払い戻されることがある制度です。`, meta: GUIDE_META },
    ...HIGH_COST_REFUND.conditions.map((c) => ({ key: `refund-${c.id}`, text: `${status}：${c.label}\n→ ${c.hint}`, meta: checklistMeta('high-cost-refund', c.id) })),
  ], x, top, w);
}
