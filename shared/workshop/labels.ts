/**
 * The default names a workshop starts with (its phases, 「グループN」) as the UI shows them in
 * English. The names are stored as written; a facilitator's own names are shown as they are.
 */
import { DEFAULT_PHASES } from './state.ts';

const PHASES_EN: Readonly<Record<(typeof DEFAULT_PHASES)[number], string>> = {
  個人ワーク: 'Individual work',
  グループワーク: 'Group work',
  発表: 'Presentations',
  全体共有: 'Sharing with everyone',
  振り返り: 'Reflection',
};

/** A phase's name in the UI language: a default phase in English when asked, any other as written. */
export function phaseLabel(name: string, lang: 'ja' | 'en'): string {
  return lang === 'en' && Object.hasOwn(PHASES_EN, name) ? PHASES_EN[name as keyof typeof PHASES_EN] : name;
}

/** A group's name in the UI language: the default 「グループN」 is “Group N” in English. */
export function groupLabel(name: string, lang: 'ja' | 'en'): string {
  const m = /^グループ(\d+)$/.exec(name);
  return lang === 'en' && m ? `Group ${m[1]}` : name;
}
