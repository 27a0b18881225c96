import { boardLink, type CreatedPersonalLink, type CreatePersonalLinkRequest, type PersonalLinkInfo } from '../../shared/protocol/index.ts';
import type { AuditActor, AuditLog } from '../audit/index.ts';
import { hashToken, newId, newToken } from '../auth/tokens.ts';
import type { RoomRegistry } from '../relay/index.ts';
import type { BoardRow, PersonalLinkRow, PersonalLinkStore } from '../storage/index.ts';

/** Options of the personal links. */
export interface PersonalLinksOptions {
  store: PersonalLinkStore;
  registry: RoomRegistry;
  audit: AuditLog;
  now?: () => Date;
}

/** Why issuing failed, as a value. */
export type IssueResult = { ok: true; value: CreatedPersonalLink } | { ok: false; field: string; message: string };

/**
 * Links issued per person (issue 17): a name, a role (edit or view), an optional expiry and
 * note. Only the token's hash is stored; the token is shown once, when issued. Revoking one
 * closes its sessions on every instance (RoomRegistry.revoke by token hash) and no other.
 */
export class PersonalLinks {
  private readonly opts: PersonalLinksOptions;
  private readonly now: () => Date;

  constructor(opts: PersonalLinksOptions) {
    this.opts = opts;
    this.now = opts.now ?? (() => new Date());
  }

  /** Issue a link for one person. */
  async issue(board: BoardRow, input: CreatePersonalLinkRequest, origin: string, actor: AuditActor): Promise<IssueResult> {
    // A workshop's documents admit its facilitator and members only (their own tokens).
    if (board.workshopId !== null) return { ok: false, field: 'id', message: '研修のボードには個別リンクを発行できません。参加者は参加コードで入ります（a workshop\'s boards take no personal links: people join with the code）' };
    const now = this.now();
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    if (expiresAt && expiresAt <= now) return { ok: false, field: 'expiresAt', message: 'expiresAt: 有効期限は未来の日時にしてください（the expiry must be in the future）' };
    const token = newToken();
    const row: PersonalLinkRow = {
      id: newId(),
      boardId: board.id,
      tokenHash: hashToken(token),
      name: input.name,
      role: input.role,
      note: input.note ?? '',
      createdAt: now,
      expiresAt,
      revokedAt: null,
      lastUsedAt: null,
    };
    await this.opts.store.createPersonalLink(row);
    await this.opts.audit.record(board.id, 'link.issued', actor, { issuedLinkId: row.id, issuedTo: row.name, role: row.role, expiresAt: expiresAt?.toISOString() });
    return { ok: true, value: { ...toInfo(row), token, link: boardLink(origin, board.id, token) } };
  }

  /** A board's personal links with their last use, oldest first. */
  async list(boardId: string): Promise<PersonalLinkInfo[]> {
    return (await this.opts.store.listPersonalLinks(boardId)).map(toInfo);
  }

  /** Revoke one link and close its sessions everywhere; undefined when the board has no such link. */
  async revoke(board: BoardRow, linkId: string, actor: AuditActor): Promise<PersonalLinkInfo | undefined> {
    const row = await this.opts.store.revokePersonalLink(board.id, linkId, this.now());
    if (!row) return undefined;
    const closed = this.opts.registry.revoke(board.id, { tokenHashes: [row.tokenHash.toString('hex')] });
    await this.opts.audit.record(board.id, 'link.revoked', actor, { revokedLinkId: row.id, revokedFrom: row.name, sessionsClosedHere: closed });
    return toInfo(row);
  }
}

function toInfo(r: PersonalLinkRow): PersonalLinkInfo {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return { id: r.id, name: r.name, role: r.role, note: r.note, createdAt: r.createdAt.toISOString(), expiresAt: iso(r.expiresAt), revokedAt: iso(r.revokedAt), lastUsedAt: iso(r.lastUsedAt) };
}
