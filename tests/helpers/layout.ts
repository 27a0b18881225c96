import * as Y from 'yjs';
import type { Storage } from '../../server/storage/index.ts';
import { DocKeys, recordsMap } from '../../shared/doc/index.ts';

/** A board's stored document (snapshot, then later updates) applied to a fresh Y.Doc. */
export async function loadStoredDoc(storage: Storage, boardId: string): Promise<Y.Doc> {
  const stored = await storage.loadDocument(boardId);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return doc;
}

/**
 * True for a value JSON can carry (no bigint, bytes, NaN…). An undefined object property is
 * tolerated: JSON drops it, which loses nothing.
 */
function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.values(value as Record<string, unknown>).every((v) => v === undefined || isPlainJson(v));
  }
  return false;
}

/**
 * Every way a document breaks the contract's layout: top-level types other than `records`
 * and `meta`, nested shared types, and records that are not plain JSON objects with a
 * string id and typeName. Empty for a document in the layout.
 */
export function layoutViolations(doc: Y.Doc): string[] {
  const problems: string[] = [];
  const allowed = new Set<string>(Object.values(DocKeys));
  for (const key of doc.share.keys()) if (!allowed.has(key)) problems.push(`top-level type "${key}"`);
  const records = recordsMap(doc);
  for (const [key, value] of records.entries()) {
    const v: unknown = value;
    if (v instanceof Y.AbstractType) {
      problems.push(`records["${key}"] is a shared type`);
      continue;
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      problems.push(`records["${key}"] is not an object`);
      continue;
    }
    const r = v as Record<string, unknown>;
    if (typeof r.id !== 'string' || typeof r.typeName !== 'string') problems.push(`records["${key}"] lacks a string id or typeName`);
    if (!isPlainJson(r)) problems.push(`records["${key}"] is not plain JSON`);
  }
  for (const [key, value] of doc.getMap(DocKeys.meta).entries()) {
    if (value instanceof Y.AbstractType) problems.push(`meta["${key}"] is a shared type`);
  }
  return problems;
}
