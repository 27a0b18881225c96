import type { StoredRecord } from '../../shared/doc/index.ts';
import { ageOn, isIsoDate, keyDates, type KeyDate } from '../../shared/domain/dates.ts';
import { extractCase, plansByOwner, servicesBySystem, type CaseContent } from '../../shared/records/index.ts';
import { LIFE_STAGE_TYPE, type LifeStageProps } from '../../shared/shapes/index.ts';
import { FRAME_NAMES } from '../../shared/templates/frames.ts';

/** The life-stage band as the outline reads it: the birth date, today's age and the key dates. */
export interface OutlineLife {
  id: string;
  birthDate: string;
  age: number | null;
  stage: string | null;
  dates: readonly KeyDate[];
}

/** What the outline shows, in its reading order (see OutlineView). */
export interface OutlineModel {
  content: CaseContent;
  /** Notes in the 本人の思い frame: the person's and the family's wishes in others' words. */
  wishes: { id: string; text: string }[];
  life: OutlineLife | null;
  servicesBySystem: ReturnType<typeof servicesBySystem>;
  plansByOwner: ReturnType<typeof plansByOwner>;
}

/** Today as 'YYYY-MM-DD' in local time. */
export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

function lifeOf(records: readonly StoredRecord[], today: string): OutlineLife | null {
  const band = records.find((r) => r.typeName === 'shape' && r.type === LIFE_STAGE_TYPE && typeof r.props === 'object' && r.props);
  if (!band) return null;
  const props = band.props as Partial<LifeStageProps>;
  const birth = typeof props.birthDate === 'string' ? props.birthDate : '';
  if (!isIsoDate(birth)) return { id: band.id, birthDate: '', age: null, stage: null, dates: [] };
  const age = ageOn(birth, today);
  const stage = (props.stages ?? []).find((s) => age >= s.minAge && (s.maxAge === null || age <= s.maxAge))?.label ?? null;
  return { id: band.id, birthDate: birth, age, stage, dates: keyDates(birth).items };
}

/** Builds the outline from the board's records (pure). */
export function buildOutline(records: Iterable<StoredRecord>, today = todayIso()): OutlineModel {
  const list = [...records];
  const content = extractCase(list);
  const wishes = content.notes.filter((n) => n.frame === FRAME_NAMES.voices).map((n) => ({ id: n.id, text: n.props.text }));
  return { content, wishes, life: lifeOf(list, today), servicesBySystem: servicesBySystem(content), plansByOwner: plansByOwner(content) };
}

/** The kinds of item a change is announced for. */
export type ItemKind = 'voice' | 'plan' | 'service';

/** One item of the outline that others may add, change or remove. */
export interface OutlineChange {
  kind: ItemKind;
  action: 'added' | 'changed' | 'removed';
  id: string;
  /** The item's text as the outline shows it (for the announcement). */
  text: string;
}

/** The one-line text of an item, as read out and announced. */
export function itemText(content: CaseContent, kind: ItemKind, id: string): string | undefined {
  switch (kind) {
    case 'voice':
      return content.voices.find((v) => v.id === id)?.props.text;
    case 'plan': {
      const p = content.plans.find((x) => x.id === id)?.props;
      return p && [p.need, p.goal, p.support].filter(Boolean).join('／');
    }
    case 'service': {
      const s = content.services.find((x) => x.id === id)?.props;
      return s && [s.service, s.provider, s.amount].filter(Boolean).join('／');
    }
  }
}

function signatures(content: CaseContent): Map<string, { kind: ItemKind; sig: string }> {
  const out = new Map<string, { kind: ItemKind; sig: string }>();
  // Only what a person reads: moving or resizing a card is not news.
  for (const v of content.voices) out.set(v.id, { kind: 'voice', sig: JSON.stringify([v.props.text, v.props.source, v.props.recordedBy]) });
  for (const p of content.plans) out.set(p.id, { kind: 'plan', sig: JSON.stringify([p.props.need, p.props.goal, p.props.support, p.props.owner, p.props.due, p.props.state]) });
  for (const s of content.services) out.set(s.id, { kind: 'service', sig: JSON.stringify([s.props.system, s.props.service, s.props.provider, s.props.amount, s.props.status]) });
  return out;
}

/** What changed between two outlines, for the items a person follows (pure). */
export function diffOutline(before: CaseContent, after: CaseContent): OutlineChange[] {
  const a = signatures(before);
  const b = signatures(after);
  const changes: OutlineChange[] = [];
  for (const [id, now] of b) {
    const was = a.get(id);
    if (!was) changes.push({ kind: now.kind, action: 'added', id, text: itemText(after, now.kind, id) ?? '' });
    else if (was.sig !== now.sig) changes.push({ kind: now.kind, action: 'changed', id, text: itemText(after, now.kind, id) ?? '' });
  }
  for (const [id, was] of a) if (!b.has(id)) changes.push({ kind: was.kind, action: 'removed', id, text: itemText(before, was.kind, id) ?? '' });
  return changes;
}
