import type { TLRecord, TLShape } from '@tldraw/tlschema';
import { plainTextOf } from '../../../shared/records/richText.ts';
import { findTemplate, listTemplates } from '../../../shared/templates/index.ts';

/** The ids of the templates that carry the standard frames. */
export const CASE_TEMPLATE_IDS = ['handover', 'exercise-1', 'exercise-2', 'meeting'] as const;

/** The records of a template by id (fails the test when the id is unknown). */
export function recordsOf(id: string): TLRecord[] {
  const t = findTemplate(id);
  if (!t) throw new Error(`no template ${id}`);
  return t.build();
}

/** Every template's id with its records. */
export function allTemplateRecords(): [string, TLRecord[]][] {
  return listTemplates().map((t) => [t.id, t.build()]);
}

/** The shape records among `records`. */
export function shapesOf(records: readonly TLRecord[]): TLShape[] {
  return records.filter((r): r is TLShape => r.typeName === 'shape');
}

/** The frame a shape sits in (walking up), or undefined on the page. */
export function frameOf(shape: TLShape, records: readonly TLRecord[]): TLShape | undefined {
  const byId = new Map(shapesOf(records).map((s) => [s.id as string, s]));
  let parent = byId.get(shape.parentId);
  while (parent) {
    if (parent.type === 'frame') return parent;
    parent = byId.get(parent.parentId);
  }
  return undefined;
}

/** The frame with this name. */
export function frameNamed(records: readonly TLRecord[], name: string): TLShape | undefined {
  return shapesOf(records).find((s) => s.type === 'frame' && (s.props as { name: string }).name === name);
}

/** Every piece of text a shape shows: rich text, or the string props of our cards. */
export function textOf(shape: TLShape): string {
  const p = shape.props as Record<string, unknown>;
  if ('richText' in p) return plainTextOf(p.richText);
  return Object.values(p).filter((v): v is string => typeof v === 'string').join('\n');
}

/** Props of a shape, loosely typed for reading. */
export function propsOf(shape: TLShape): Record<string, unknown> {
  return shape.props as Record<string, unknown>;
}
