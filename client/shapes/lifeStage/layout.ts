import { SPECIALIST_SCOPES, ageOn, isIsoDate, scopeOverlap, type AgeScope } from '../../../shared/domain/index.ts';
import type { LifeStageBand } from '../../../shared/shapes/index.ts';

/** A horizontal stretch of the band, in the shape's local pixels. */
export interface Span {
  x: number;
  w: number;
}

/** An age range placed on the band (`maxAge` inclusive; `null` runs to the right edge). */
export interface AgeSpan extends Span {
  minAge: number;
  maxAge: number | null;
}

export interface ScopeSpan extends AgeSpan {
  /** Holds only for some people (介護支援専門員 at 40–64: with a 特定疾病). */
  conditional: boolean;
  /** Applies to this person (a conditional span applies when the condition is met). */
  active: boolean;
}

export interface LifeBandLayout {
  /** The age at the right edge. */
  endAge: number;
  stages: (AgeSpan & { id: string; label: string })[];
  thresholds: { age: 18 | 40 | 65; x: number }[];
  currentAge: { age: number; x: number } | null;
  soudan: ScopeSpan[];
  caremanager: ScopeSpan[];
  /** Where both specialists work for this person: 連携の領域. */
  overlap: AgeSpan[];
}

export interface LifeBandInput {
  width: number;
  stages: readonly LifeStageBand[];
  birthDate: string;
  /** 'YYYY-MM-DD' of today (local calendar). */
  today: string;
  specifiedDisease: boolean;
}

const DEFAULT_END_AGE = 90;
const THRESHOLD_AGES = [18, 40, 65] as const;

/** Today's date on the local calendar as 'YYYY-MM-DD'. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The person's age today, or `null` when the birth date is unknown, invalid or in the future. */
export function currentAgeOf(birthDate: string, today: string): number | null {
  if (!isIsoDate(birthDate) || !isIsoDate(today) || birthDate > today) return null;
  return ageOn(birthDate, today);
}

/** The x of an age on a band `width` wide that ends at `endAge`. */
export function ageToX(age: number, width: number, endAge: number): number {
  const clamped = Math.min(Math.max(age, 0), endAge);
  return (clamped / endAge) * width;
}

/** The age at the band's right edge: 90, or further when the person or the stages need it. */
export function endAgeFor(stages: readonly LifeStageBand[], age: number | null): number {
  const lastStart = Math.max(0, ...stages.map((s) => s.minAge));
  const lastEnd = Math.max(0, ...stages.map((s) => (s.maxAge === null ? 0 : s.maxAge + 1)));
  return Math.max(DEFAULT_END_AGE, lastStart + 10, lastEnd + 5, age === null ? 0 : age + 5);
}

function span(minAge: number, maxAge: number | null, width: number, endAge: number): AgeSpan {
  const x = ageToX(minAge, width, endAge);
  const right = maxAge === null ? width : ageToX(maxAge + 1, width, endAge);
  return { x, w: Math.max(0, right - x), minAge, maxAge };
}

function scopeSpans(scopes: readonly AgeScope[], specifiedDisease: boolean, width: number, endAge: number): ScopeSpan[] {
  return scopes.map((sc) => ({
    ...span(sc.minAge, sc.maxAge, width, endAge),
    conditional: sc.condition !== null,
    active: sc.condition === null || specifiedDisease,
  }));
}

/** Where everything on the life band goes: stages, thresholds, today's age, both scopes and their overlap. */
export function lifeBandLayout(input: LifeBandInput): LifeBandLayout {
  const { width, specifiedDisease } = input;
  const age = currentAgeOf(input.birthDate, input.today);
  const endAge = endAgeFor(input.stages, age);
  const soudan = scopeSpans(SPECIALIST_SCOPES.soudan, specifiedDisease, width, endAge);
  const caremanager = scopeSpans(SPECIALIST_SCOPES.caremanager, specifiedDisease, width, endAge);
  const activeCare = SPECIALIST_SCOPES.caremanager.filter((sc) => sc.condition === null || specifiedDisease);
  const overlap = scopeOverlap(SPECIALIST_SCOPES.soudan, activeCare).map((o) => span(o.minAge, o.maxAge, width, endAge));
  return {
    endAge,
    stages: input.stages.map((st) => ({ ...span(st.minAge, st.maxAge, width, endAge), id: st.id, label: st.label })),
    thresholds: THRESHOLD_AGES.map((a) => ({ age: a, x: ageToX(a, width, endAge) })),
    currentAge: age === null ? null : { age, x: ageToX(age + 0.5, width, endAge) },
    soudan,
    caremanager,
    overlap: mergeSpans(overlap),
  };
}

// 40–64 and 65+ meet without a gap; one highlighted area reads better than two.
function mergeSpans(spans: AgeSpan[]): AgeSpan[] {
  const out: AgeSpan[] = [];
  for (const s of [...spans].sort((a, b) => a.minAge - b.minAge)) {
    const last = out[out.length - 1];
    if (last && last.maxAge !== null && last.maxAge + 1 === s.minAge) {
      out[out.length - 1] = { x: last.x, w: s.x + s.w - last.x, minAge: last.minAge, maxAge: s.maxAge };
    } else out.push(s);
  }
  return out;
}
