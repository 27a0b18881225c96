import * as Y from 'yjs';
import { allowedRootTypes, type DocKind } from '../../shared/doc/index.ts';
import type { StoredDocument } from '../storage/index.ts';

/**
 * An empty document of a kind with its top-level maps made first. Yjs makes a top-level type
 * that an update names before anyone asked for it as a plain `AbstractType`, and replaces it
 * when `getMap` is first called; a transaction's `changed` would then name the old object and
 * the gate would see no record change. Made first, the maps are the ones every update fills.
 */
export function newDocument(kind: DocKind): Y.Doc {
  const doc = new Y.Doc({ gc: true });
  for (const root of allowedRootTypes(kind)) doc.getMap(root);
  return doc;
}

/** A stored document's parts in order: snapshot, then the updates after it. */
export function storedParts(stored: StoredDocument): Uint8Array[] {
  return stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
}

/** A stored document (snapshot and the updates after it) as one update. */
export function storedAsUpdate(stored: StoredDocument): Uint8Array {
  const parts = storedParts(stored);
  if (parts.length === 1 && parts[0]) return parts[0];
  return parts.length === 0 ? Y.encodeStateAsUpdate(new Y.Doc()) : Y.mergeUpdates(parts);
}

/** True for the state vector of an empty document (a client that has nothing yet). */
export function isEmptyStateVector(sv: Uint8Array): boolean {
  return sv.length === 1 && sv[0] === 0;
}

