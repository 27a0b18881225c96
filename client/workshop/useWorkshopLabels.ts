import { groupLabel, phaseLabel } from '../../shared/workshop/labels.ts';
import { useI18n } from '../i18n/index.ts';

/** Default phase and group names (「個人ワーク」, 「グループ1」…) as the UI language shows them; a facilitator's own names as written. */
export function useWorkshopLabels(): { group(name: string): string; phase(name: string): string } {
  const { locale } = useI18n();
  return { group: (name) => groupLabel(name, locale), phase: (name) => phaseLabel(name, locale) };
}
