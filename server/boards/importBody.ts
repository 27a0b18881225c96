import { ImportBoardRequestSchema } from '../../shared/protocol/index.ts';
import { initialBoardState } from './boardDocument.ts';
import { recordsFromTldr } from './importTldr.ts';

/**
 * The deepest nesting of arrays and objects an import may hold. tldraw's deepest values (rich
 * text: doc → list → item → paragraph → text, lists in lists) stay far below; past this, code
 * that recurses over a value (validators, structuredClone, Yjs encoding) could overflow the stack.
 */
export const MAX_IMPORT_DEPTH = 64;

/** What an import body turns into: a board's initial Yjs state, or a 400 naming the field. */
export type ImportBodyResult =
  | { ok: true; title: string | undefined; state: Uint8Array; records: number }
  | { ok: false; field: string; message: string };

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Whether JSON text nests arrays and objects deeper than `max` (one pass over the bytes, no
 * recursion, no parse). Brackets inside strings do not count. Malformed text is left to the parser.
 */
export function jsonDepthExceeds(bytes: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > max) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
  return false;
}

/**
 * Everything `POST /api/boards/import` does before storing (pure, CPU-bound, run off the event
 * loop by the import worker): depth check, JSON parse, the request schema, the `.tldr` checks
 * (schema, migration, every record valid, no self-parent, no cycle, no dangling parent or
 * binding: docs/SPEC.md D5), then the board's initial Yjs state.
 */
export function parseImportBody(bytes: Uint8Array): ImportBodyResult {
  if (jsonDepthExceeds(bytes, MAX_IMPORT_DEPTH)) {
    return { ok: false, field: 'file', message: `the file nests deeper than ${MAX_IMPORT_DEPTH} levels` };
  }
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (err) {
    return { ok: false, field: 'body', message: `the body is not JSON: ${err instanceof Error ? err.message.slice(0, 200) : 'unreadable'}` };
  }
  const parsed = ImportBoardRequestSchema.safeParse(body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.join('.') : 'body';
    return { ok: false, field, message: issue ? `${field}: ${issue.message}` : 'invalid body' };
  }
  const imported = recordsFromTldr(parsed.data.file);
  if (!imported.ok) return { ok: false, field: 'file', message: imported.message };
  const title = parsed.data.title;
  const state = initialBoardState({ title: title ?? IMPORTED_TITLE, template: 'import', records: imported.records });
  return { ok: true, title, state, records: imported.records.length };
}

/** The title of an imported board when the request names none. */
export const IMPORTED_TITLE = '読み込んだボード';
