import type { AuditEntry, AuditEvent, AuditLink } from '../../shared/protocol/index.ts';
import type { Logger } from '../logger.ts';
import type { AuditRow, AuditStore } from '../storage/index.ts';
import { canonicalJson } from './chain.ts';

/** Who did something: which link, and from which address when over the network. */
export interface AuditActor {
  link: AuditLink;
  /** A personal link's id. */
  linkId?: string | undefined;
  /** A personal link's or workshop member's name (given by the owner or on joining). */
  linkName?: string | undefined;
  ip?: string | undefined;
}

/** The facts of an event: plain JSON values only, never a token or board content. */
export type AuditDetail = Record<string, string | number | boolean | null | string[] | undefined>;

/** Options of the audit log. */
export interface AuditLogOptions {
  store: AuditStore;
  logger: Logger;
  /** The clock rows are stamped with. */
  now?: () => Date;
}

/** The most rows one answer carries (the CSV and the panel); older rows stay in the database. */
export const AUDIT_PAGE_LIMIT = 5000;

/**
 * The per-board audit log (issue 17). A row is written per action and per session opened or
 * closed, never per document update. Writing never fails the action it records (that has
 * happened already): a failed write is logged as an error for the operator.
 */
export class AuditLog {
  private readonly store: AuditStore;
  private readonly logger: Logger;
  private readonly now: () => Date;

  constructor(opts: AuditLogOptions) {
    this.store = opts.store;
    this.logger = opts.logger;
    this.now = opts.now ?? (() => new Date());
  }

  /** Append an event to a board's log. */
  async record(boardId: string, event: AuditEvent, actor: AuditActor, detail: AuditDetail = {}): Promise<void> {
    try {
      await this.store.appendAudit({ boardId, at: this.now(), event, detail: canonicalJson({ ...detail, ...actor }) });
    } catch (err) {
      this.logger.error({ boardId, event, err: (err as Error).message }, 'audit row could not be written');
    }
  }

  /** A board's rows, newest first. */
  async list(boardId: string, limit = AUDIT_PAGE_LIMIT): Promise<AuditEntry[]> {
    return (await this.store.listAudit(boardId, limit)).map(toEntry);
  }
}

/** A stored row as the API answers it. */
export function toEntry(row: AuditRow): AuditEntry {
  // Written by AuditLog.record from a plain object; the event by the closed AuditEvent union.
  return { seq: row.seq, at: row.at.toISOString(), event: row.event as AuditEvent, detail: JSON.parse(row.detail) as Record<string, unknown>, hash: row.hash.toString('hex') };
}

const CSV_COLUMNS = ['seq', 'at', 'event', 'link', 'linkName', 'role', 'ip', 'detail', 'hash'] as const;

/**
 * Entries as CSV (RFC 4180, CRLF), UTF-8 with a BOM so that Excel in Japan opens it as
 * UTF-8. `detail` holds the facts not in their own column, as JSON.
 */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const e of entries) {
    const { link, linkName, role, ip, ...rest } = e.detail;
    const cells = [String(e.seq), e.at, e.event, str(link), str(linkName), str(role), str(ip), Object.keys(rest).length ? JSON.stringify(rest) : '', e.hash];
    lines.push(cells.map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function str(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

/** One CSV cell: quoted when needed; a leading = + - @ is neutralised (CSV injection in spreadsheets). */
function csvCell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
