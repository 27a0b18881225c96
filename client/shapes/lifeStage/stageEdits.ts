import { DEFAULT_STAGES, validateStages } from '../../../shared/domain/index.ts';
import type { LifeStageBand } from '../../../shared/shapes/index.ts';

/** The standard stages (DOMAIN.md), as band props. */
export function defaultStageBands(): LifeStageBand[] {
  return DEFAULT_STAGES.map(({ id, label, minAge, maxAge }) => ({ id, label, minAge, maxAge }));
}

/** Replaces one stage's fields. */
export function editStage(stages: readonly LifeStageBand[], index: number, patch: Partial<Omit<LifeStageBand, 'id'>>): LifeStageBand[] {
  return stages.map((s, i) => (i === index ? { ...s, ...patch } : s));
}

/** Adds an open-ended stage ten years after the last one starts, closing the previous last stage. */
export function addStage(stages: readonly LifeStageBand[], label: string, id: string): LifeStageBand[] {
  const last = stages[stages.length - 1];
  if (!last) return [{ id, label, minAge: 0, maxAge: null }];
  const minAge = Math.max(last.minAge + 10, (last.maxAge ?? last.minAge) + 1);
  return [...stages.slice(0, -1), { ...last, maxAge: minAge - 1 }, { id, label, minAge, maxAge: null }];
}

/** Removes a stage; the stage before it takes over its years so the band stays contiguous. */
export function removeStage(stages: readonly LifeStageBand[], index: number): LifeStageBand[] {
  if (stages.length <= 1) return [...stages];
  const removed = stages[index];
  const out = stages.filter((_, i) => i !== index);
  if (!removed) return out;
  if (index === 0) {
    const first = out[0];
    if (first) out[0] = { ...first, minAge: 0 };
  } else {
    const prev = out[index - 1];
    if (prev) out[index - 1] = { ...prev, maxAge: removed.maxAge };
  }
  return out;
}

/** The problems of an edited stage list, in Japanese (empty when it is usable). */
export function stageProblems(stages: readonly LifeStageBand[]): string[] {
  const result = validateStages(stages.map((s) => ({ ...s, labelEn: '' })));
  return result.ok ? [] : result.errors.map((e) => e.message);
}

/** Reads an age typed in a field: a whole number ≥ 0, `null` for empty (when allowed), or `undefined` if invalid. */
export function parseAge(text: string, allowEmpty: boolean): number | null | undefined {
  const t = text.normalize('NFKC').trim();
  if (t === '') return allowEmpty ? null : undefined;
  if (!/^\d{1,3}$/.test(t)) return undefined;
  return Number(t);
}
