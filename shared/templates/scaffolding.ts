import { templateRoleOf } from './records.ts';

/** Case text the templates place (事例概要, the life events, the 本人カード and the 基本情報 card). */
const CASE_TEXT = /^shape:(summary-|life-events$|lifeline$|basic-info$|voice-\d+$|family-\d+$)/;

/**
 * Whether a template record is scaffolding the facilitator locks on group boards (issue 15):
 * frames, headings and guides (`rbRole: 'guide'`), and the case's own text. Service cards,
 * plan items and checklist items stay free: groups work with them.
 */
export function isScaffolding(record: { id: string; typeName: string; type?: unknown; meta?: unknown }): boolean {
  if (record.typeName !== 'shape') return false;
  if (record.type === 'frame') return true;
  if (templateRoleOf(record) === 'guide') return true;
  return CASE_TEXT.test(record.id);
}

/** The ids of a template's scaffolding records. */
export function scaffoldingIds(records: Iterable<{ id: string; typeName: string; type?: unknown; meta?: unknown }>): string[] {
  const out: string[] = [];
  for (const r of records) if (isScaffolding(r)) out.push(r.id);
  return out;
}
