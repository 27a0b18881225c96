import type { SerializedSchema, SerializedSchemaV2 } from 'tldraw';

/** How the document's stored schema (`meta.schema`) relates to the client's schema. */
export type SchemaRelation =
  | { kind: 'absent' }
  | { kind: 'same'; schema: SerializedSchema }
  /** Every sequence is known and none is ahead of ours: the records can be migrated up. */
  | { kind: 'older'; schema: SerializedSchema }
  /** Some sequence is unknown to us or ahead of ours: a newer app wrote this document. */
  | { kind: 'newer'; schema: SerializedSchema; sequences: readonly string[] }
  | { kind: 'unreadable'; detail: string };

/** Compares a stored schema (any value read from the doc) with ours, without migrating anything. */
export function compareSchemas(stored: unknown, ours: SerializedSchemaV2): SchemaRelation {
  if (stored === undefined || stored === null) return { kind: 'absent' };
  if (typeof stored !== 'object' || Array.isArray(stored)) {
    return { kind: 'unreadable', detail: 'meta.schema is not an object' };
  }
  const version = (stored as { schemaVersion?: unknown }).schemaVersion;
  // tldraw upgrades a version 1 schema itself; it can only be older than any version 2 one.
  if (version === 1) return { kind: 'older', schema: stored as SerializedSchema };
  if (version !== 2) return { kind: 'unreadable', detail: `unknown schemaVersion ${String(version)}` };

  const sequences = (stored as { sequences?: unknown }).sequences;
  if (typeof sequences !== 'object' || sequences === null || Array.isArray(sequences)) {
    return { kind: 'unreadable', detail: 'meta.schema.sequences is not an object' };
  }
  const theirs = sequences as Record<string, unknown>;
  const ahead: string[] = [];
  let behind = false;
  for (const [sequenceId, theirVersion] of Object.entries(theirs)) {
    if (typeof theirVersion !== 'number' || !Number.isInteger(theirVersion) || theirVersion < 0) {
      return { kind: 'unreadable', detail: `sequence ${sequenceId} has no integer version` };
    }
    const ourVersion = ours.sequences[sequenceId];
    if (ourVersion === undefined || theirVersion > ourVersion) ahead.push(sequenceId);
    else if (theirVersion < ourVersion) behind = true;
  }
  for (const sequenceId of Object.keys(ours.sequences)) {
    if (!(sequenceId in theirs)) behind = true;
  }
  const schema = stored as SerializedSchemaV2;
  if (ahead.length > 0) return { kind: 'newer', schema, sequences: ahead };
  return behind ? { kind: 'older', schema } : { kind: 'same', schema };
}
