/**
 * Life stages and who plans for whom. No national list fixes the stages, so the defaults
 * are a starting point that users edit; `validateStages` keeps an edited list usable
 * (contiguous from 0, no overlaps, the last one open-ended).
 * The seed asks trainees to lay every life stage beside each specialist's scope to see
 * "my area and the area of 連携": `collaborationArea` computes that overlap.
 */

import type { RoleId } from './roles.ts';

export interface LifeStage {
  readonly id: string;
  readonly label: string;
  readonly labelEn: string;
  readonly minAge: number;
  /** Inclusive; `null` for the last, open-ended stage. */
  readonly maxAge: number | null;
}

export const DEFAULT_STAGES = [
  { id: 'infancy', label: '乳幼児期', labelEn: 'Early years', minAge: 0, maxAge: 5 },
  { id: 'school-age', label: '学齢期', labelEn: 'School age', minAge: 6, maxAge: 17 },
  { id: 'youth', label: '青年期', labelEn: 'Youth', minAge: 18, maxAge: 29 },
  { id: 'adulthood', label: '成人期', labelEn: 'Adulthood', minAge: 30, maxAge: 39 },
  { id: 'middle-age', label: '壮年期', labelEn: 'Middle age', minAge: 40, maxAge: 64 },
  { id: 'old-age', label: '高齢期', labelEn: 'Old age', minAge: 65, maxAge: null },
] as const satisfies readonly LifeStage[];

export const AGE_THRESHOLDS = [
  { age: 18, label: '18歳', meaning: '児童福祉法から障害者総合支援法へ（障害児支援利用計画からサービス等利用計画へ。放課後等デイサービスは在学中なら20歳まで）',
    meaningEn: 'From the Child Welfare Act to the Comprehensive Support Act for persons with disabilities' },
  { age: 40, label: '40歳', meaning: '介護保険の第2号被保険者（16の特定疾病による場合のみ介護保険を使える）',
    meaningEn: 'Secondary LTC insured (LTC only for the 16 specified diseases)' },
  { age: 65, label: '65歳', meaning: '介護保険の第1号被保険者（原因を問わず介護保険を使える）',
    meaningEn: 'Primary LTC insured (LTC for any cause)' },
] as const;

/** An age range a specialist covers; `condition` when it holds only for some people. */
export interface AgeScope {
  readonly minAge: number;
  readonly maxAge: number | null;
  readonly condition: string | null;
}

export const SPECIALIST_SCOPES = {
  soudan: [{ minAge: 0, maxAge: null, condition: null }],
  caremanager: [
    { minAge: 40, maxAge: 64, condition: '特定疾病' },
    { minAge: 65, maxAge: null, condition: null },
  ],
} as const satisfies Partial<Record<RoleId, readonly AgeScope[]>>;
export type SpecialistId = keyof typeof SPECIALIST_SCOPES;

function checkAge(age: number): void {
  if (!Number.isInteger(age) || age < 0) throw new RangeError(`age must be a whole number ≥ 0, got ${String(age)}`);
}

function within(age: number, minAge: number, maxAge: number | null): boolean {
  return age >= minAge && (maxAge === null || age <= maxAge);
}

/** The stage an age falls in (`undefined` if an edited list leaves it uncovered). */
export function stageForAge(age: number, stages: readonly LifeStage[] = DEFAULT_STAGES): LifeStage | undefined {
  checkAge(age);
  return stages.find((s) => within(age, s.minAge, s.maxAge));
}

export type StageProblem =
  | 'empty'
  | 'bad-id'
  | 'duplicate-id'
  | 'empty-label'
  | 'bad-age'
  | 'inverted'
  | 'not-from-zero'
  | 'gap'
  | 'overlap'
  | 'open-before-last'
  | 'last-closed';

export interface StageError {
  readonly problem: StageProblem;
  /** Index of the stage at fault (-1 for the whole list). */
  readonly index: number;
  readonly message: string;
}

export type StageValidation = { readonly ok: true } | { readonly ok: false; readonly errors: readonly StageError[] };

const isAge = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/** Checks an edited stage list: ids, labels, ages, from 0, contiguous, no overlap, last open-ended. */
export function validateStages(stages: readonly LifeStage[]): StageValidation {
  const errors: StageError[] = [];
  const fail = (problem: StageProblem, index: number, message: string): void => {
    errors.push({ problem, index, message });
  };
  if (stages.length === 0) fail('empty', -1, 'ライフステージが一つもない');
  const ids = new Set<string>();
  stages.forEach((s, i) => {
    if (typeof s.id !== 'string' || s.id.trim() === '') fail('bad-id', i, `${i + 1}番目のIDが空`);
    else if (ids.has(s.id)) fail('duplicate-id', i, `ID「${s.id}」が重複している`);
    ids.add(s.id);
    if (typeof s.label !== 'string' || s.label.trim() === '') fail('empty-label', i, `${i + 1}番目の名前が空`);
    if (!isAge(s.minAge) || (s.maxAge !== null && !isAge(s.maxAge))) {
      fail('bad-age', i, `${i + 1}番目の年齢が0以上の整数でない`);
      return;
    }
    if (s.maxAge !== null && s.maxAge < s.minAge) fail('inverted', i, `${i + 1}番目の上限（${s.maxAge}）が下限（${s.minAge}）より小さい`);
    const last = i === stages.length - 1;
    if (s.maxAge === null && !last) fail('open-before-last', i, `上限なしは最後のステージだけ（${i + 1}番目）`);
    if (s.maxAge !== null && last) fail('last-closed', i, `最後のステージは上限なしにする（${s.maxAge}歳より上が抜ける）`);
    if (i === 0 && s.minAge !== 0) fail('not-from-zero', i, '最初のステージは0歳から始める');
    const prev = stages[i - 1];
    if (i > 0 && prev && isAge(prev.minAge) && prev.maxAge !== null && isAge(prev.maxAge)) {
      if (s.minAge > prev.maxAge + 1) fail('gap', i, `${prev.maxAge + 1}〜${s.minAge - 1}歳がどのステージにも入らない`);
      if (s.minAge <= prev.maxAge) fail('overlap', i, `${s.minAge}〜${prev.maxAge}歳が二つのステージに入る`);
    }
  });
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

/** The age ranges two scopes share, with the conditions of both (the area of 連携). */
export function scopeOverlap(a: readonly AgeScope[], b: readonly AgeScope[]): AgeScope[] {
  const out: AgeScope[] = [];
  for (const x of a) {
    for (const y of b) {
      const minAge = Math.max(x.minAge, y.minAge);
      const maxAge = x.maxAge === null ? y.maxAge : y.maxAge === null ? x.maxAge : Math.min(x.maxAge, y.maxAge);
      if (maxAge !== null && maxAge < minAge) continue;
      const conditions = [x.condition, y.condition].filter((c): c is string => c !== null);
      out.push({ minAge, maxAge, condition: conditions.length ? [...new Set(conditions)].join('・') : null });
    }
  }
  return out.sort((p, q) => p.minAge - q.minAge);
}

/** Where 相談支援専門員 and 介護支援専門員 both work: 40–64 with a 特定疾病, and 65+. */
export function collaborationArea(): AgeScope[] {
  return scopeOverlap(SPECIALIST_SCOPES.soudan, SPECIALIST_SCOPES.caremanager);
}

export type Coverage = 'full' | 'conditional' | 'partial' | 'none';

/** How far a specialist's scope covers a stage: all of it, only under a condition, part of it, or not at all. */
export function stageCoverage(stage: LifeStage, scope: readonly AgeScope[]): Coverage {
  const parts = scopeOverlap([{ minAge: stage.minAge, maxAge: stage.maxAge, condition: null }], scope);
  if (parts.length === 0) return 'none';
  const covered = parts.filter((p) => p.condition === null);
  const whole = (p: AgeScope): boolean => p.minAge === stage.minAge && p.maxAge === stage.maxAge;
  if (covered.some(whole)) return 'full';
  if (covered.length === 0 && parts.some(whole)) return 'conditional';
  return 'partial';
}

/**
 * A stage's name in the UI language: a default stage whose name nobody changed shows its
 * English name in English; a name people wrote is shown as written.
 */
export function stageLabel(stage: { id: string; label: string }, lang: 'ja' | 'en'): string {
  if (lang === 'ja') return stage.label;
  const known = DEFAULT_STAGES.find((d) => d.id === stage.id);
  return known && known.label === stage.label ? known.labelEn : stage.label;
}
