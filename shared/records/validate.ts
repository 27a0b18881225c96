import { boardSchema } from '../schema/index.ts';

/** The verdict on one record: a value, never a throw. */
export type RecordVerdict = { ok: true } | { ok: false; error: string };

const OK: RecordVerdict = Object.freeze({ ok: true });
const MAX_ERROR = 300;

type Validator = (record: unknown) => unknown;
let validators: ReadonlyMap<string, Validator> | undefined;

/**
 * One validator per record type of the board schema's document scope (document, page, shape,
 * binding, asset, user…), built once per process on first use; session and presence types
 * (instance, camera, pointer…) stay per participant and never belong in a document.
 */
function validatorsByType(): ReadonlyMap<string, Validator> {
  if (validators) return validators;
  const map = new Map<string, Validator>();
  for (const [typeName, type] of Object.entries(boardSchema().types)) {
    // The record type's own validator: tldraw's base fields plus each shape's props validator.
    if (type.scope === 'document') map.set(typeName, (record) => type.validate(record));
  }
  validators = map;
  return map;
}

/** Whether records of this type belong in a board document (the schema's document scope). */
export function isDocumentRecordType(typeName: string): boolean {
  return validatorsByType().has(typeName);
}

function fail(error: string): RecordVerdict {
  return { ok: false, error: error.length > MAX_ERROR ? `${error.slice(0, MAX_ERROR)}…` : error };
}

/**
 * Checks one record as the board's schema would (tldraw's record validators and our shapes'
 * validators, the same code the client runs), and refuses a record that names itself as its
 * parent (docs/SPEC.md D1, D2). Pure and cheap: the schema is built once; a valid record
 * allocates nothing here. Cross-record rules (the parent exists, no longer cycles) are not
 * checked: see {@link findDocumentRepairs}.
 */
export function validateRecord(record: unknown): RecordVerdict {
  const r = record as { id?: unknown; parentId?: unknown } | null;
  if (typeof r === 'object' && r !== null && typeof r.id === 'string' && r.parentId === r.id) {
    const verdict = validateRecordSchema(record);
    return verdict.ok ? fail(`${r.id}: a record cannot be its own parent`) : verdict;
  }
  return validateRecordSchema(record);
}

/**
 * The board schema's verdict alone (D1), without the self-parent rule: what a reader of a
 * stored document skips. A stored self-parent is a parent cycle of one, which readers and the
 * server's repair re-home to the page (D3, D4).
 */
export function validateRecordSchema(record: unknown): RecordVerdict {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return fail('not an object');
  const r = record as { id?: unknown; typeName?: unknown };
  if (typeof r.id !== 'string') return fail('no string id');
  if (typeof r.typeName !== 'string') return fail(`${r.id}: no string typeName`);
  const validate = validatorsByType().get(r.typeName);
  if (!validate) return fail(`${r.id}: typeName ${JSON.stringify(r.typeName.slice(0, 40))} does not belong in a board document`);
  try {
    validate(record);
  } catch (err) {
    return fail(`${r.id}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return OK;
}
