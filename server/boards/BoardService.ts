import {
  boardLink,
  CAPABILITIES,
  type BoardInfo,
  type Capability,
  type CreateBoardResponse,
  type FacilitatorNotesResponse,
} from '../../shared/protocol/index.ts';
import type { TLRecord } from '@tldraw/tlschema';
import type { StoredRecord } from '../../shared/doc/index.ts';
import { findTemplate } from '../../shared/templates/index.ts';
import { defaultFacilitatorNotes } from '../../shared/templates/facilitatorNotes.ts';
import { isTrainingTemplate } from '../../shared/templates/training.ts';
import { deriveLinkToken, DERIVED_ROLES } from '../auth/linkTokens.ts';
import { capabilityForHash, newId, hashToken, newToken } from '../auth/tokens.ts';
import type { RoomRegistry } from '../relay/index.ts';
import type { BoardRow, LinkGenerations, Storage } from '../storage/index.ts';
import type { NoteAuthor } from '../../shared/workshop/author.ts';
import type { BoardDocuments } from './BoardDocuments.ts';
import type { AuditActor, AuditLog } from '../audit/index.ts';
import { initialBoardState, tldrawExportFromDoc, type TldrawExport } from './boardDocument.ts';

/** Expected failures of board operations, as values. */
export type BoardError = { code: 'not_found' } | { code: 'unauthorized' } | { code: 'forbidden' } | { code: 'bad_request'; field: string; message: string };
export type BoardResult<T> = { ok: true; value: T } | { ok: false; error: BoardError };

/** What a token grants on a board, and who its holder is when the server knows (a workshop member). */
export interface Authorized {
  board: BoardRow;
  capability: Capability;
  author?: NoteAuthor;
  /** Which link the token is, for the audit log and the participants panel. */
  link: LinkIdentity;
}

/** Which link a token is: a role's shared link, a personal link, a workshop member's or its facilitator's. */
export type LinkIdentity =
  | { kind: 'owner' | 'edit' | 'view' | 'facilitator' }
  | { kind: 'personal'; id: string; name: string; expiresAt: Date | null }
  | { kind: 'member'; name: string };

/** A link identity as the audit log's actor. */
export function actorOf(link: LinkIdentity, ip?: string): AuditActor {
  switch (link.kind) {
    case 'personal':
      return { link: 'personal', linkId: link.id, linkName: link.name, ip };
    case 'member':
      return { link: 'member', linkName: link.name, ip };
    default:
      return { link: link.kind, ip };
  }
}

/** Options of the board service. */
export interface BoardServiceOptions {
  storage: Storage;
  registry: RoomRegistry;
  documents: BoardDocuments;
  audit: AuditLog;
  /** The clock for link expiry and last use (tests inject one). */
  now?: () => Date;
}

/** A personal link's last use is written at most this often (each HTTP call authorizes). */
const LAST_USE_EVERY_MS = 60_000;

/** Boards: creation from templates, access by token, link rotation and export. */
export class BoardService {
  private readonly storage: Storage;
  private readonly registry: RoomRegistry;
  private readonly documents: BoardDocuments;
  readonly audit: AuditLog;
  private readonly now: () => Date;

  constructor(opts: BoardServiceOptions) {
    this.storage = opts.storage;
    this.registry = opts.registry;
    this.documents = opts.documents;
    this.audit = opts.audit;
    this.now = opts.now ?? (() => new Date());
  }

  /** Create a board from a template; the answer carries the only copy of its tokens. */
  async create(input: { title?: string | undefined; template?: string | undefined; origin: string; ip?: string }): Promise<BoardResult<CreateBoardResponse>> {
    const templateId = input.template ?? 'blank';
    const template = findTemplate(templateId);
    if (!template) return { ok: false, error: { code: 'bad_request', field: 'template', message: `unknown template "${templateId}"` } };
    const created = await this.createWithRecords({ title: input.title ?? template.title, template: template.id, records: template.build(), origin: input.origin });
    await this.audit.record(created.id, 'board.created', { link: 'system', ip: input.ip }, { template: template.id });
    return { ok: true, value: created };
  }

  /** Create a board holding `records` (already valid under the board schema). */
  async createWithRecords(input: { title: string; template: string; records: readonly TLRecord[] | readonly StoredRecord[]; origin: string }): Promise<CreateBoardResponse> {
    const state = initialBoardState({ title: input.title, template: input.template, records: input.records as TLRecord[] });
    return this.createWithState({ title: input.title, template: input.template, state, origin: input.origin });
  }

  /** Create a board from its initial Yjs state (built by {@link initialBoardState}, e.g. in the import worker). */
  async createWithState(input: { title: string; template: string; state: Uint8Array; origin: string }): Promise<CreateBoardResponse> {
    const id = newId();
    const createdAt = this.now();
    const owner = newToken();
    const tokens = { owner, edit: deriveLinkToken(owner, 'edit', 1), view: deriveLinkToken(owner, 'view', 1) };
    const hashes = { owner: hashToken(owner), edit: hashToken(tokens.edit), view: hashToken(tokens.view) };
    const { state } = input;
    await this.storage.createBoard({ id, title: input.title, template: input.template, createdAt, tokenHashes: hashes, linkGenerations: { edit: 1, view: 1 } }, state);
    return { id, title: input.title, template: input.template, createdAt: createdAt.toISOString(), tokens, links: linksFor(input.origin, id, tokens) };
  }

  /** Resolve a board and the capability a token grants on it. */
  async authorize(boardId: string, token: string | undefined, need: Capability = 'view'): Promise<BoardResult<Authorized>> {
    if (typeof token !== 'string' || token.length === 0 || token.length > 512) {
      const board = await this.storage.getBoard(boardId);
      return { ok: false, error: { code: board ? 'unauthorized' : 'not_found' } };
    }
    return this.authorizeHash(boardId, hashToken(token), need);
  }

  /** The same check for a token known by its hash (a session's link, re-checked after a bus outage). */
  async authorizeHash(boardId: string, tokenHash: Buffer, need: Capability = 'view'): Promise<BoardResult<Authorized>> {
    const board = await this.storage.getBoard(boardId);
    if (!board) return { ok: false, error: { code: 'not_found' } };
    const own = capabilityForHash(tokenHash, board.tokenHashes);
    const granted: Granted | undefined = own
      ? { capability: own, link: { kind: own } }
      : board.workshopId
        ? await this.workshopCapability(board, tokenHash)
        : await this.personalCapability(board, tokenHash);
    if (!granted) return { ok: false, error: { code: 'unauthorized' } };
    const { capability } = granted;
    const rank = { view: 0, edit: 1, owner: 2 } as const;
    if (rank[capability] < rank[need]) return { ok: false, error: { code: 'forbidden' } };
    return { ok: true, value: { board, capability, link: granted.link, ...(granted.author ? { author: granted.author } : {}) } };
  }

  /** What a personal link grants: its role, until it is revoked or expires. Its last use is noted. */
  private async personalCapability(board: BoardRow, tokenHash: Buffer): Promise<Granted | undefined> {
    const link = await this.storage.getPersonalLinkByHash(tokenHash);
    const now = this.now();
    if (!link || link.boardId !== board.id || link.revokedAt || (link.expiresAt && link.expiresAt <= now)) return undefined;
    if (!link.lastUsedAt || now.getTime() - link.lastUsedAt.getTime() >= LAST_USE_EVERY_MS) await this.storage.touchPersonalLink(link.id, now);
    return { capability: link.role, link: { kind: 'personal', id: link.id, name: link.name, expiresAt: link.expiresAt } };
  }

  /**
   * What a workshop's tokens grant on one of its documents: the facilitator owns every
   * group board and the state document; a member edits their group's board, sees the
   * others and the state, and alone owns their private area.
   */
  private async workshopCapability(board: BoardRow, tokenHash: Buffer): Promise<Granted | undefined> {
    const workshopId = board.workshopId as string;
    const state = board.kind === 'workshop' ? board : await this.storage.getBoard(workshopId);
    if (state && capabilityForHash(tokenHash, state.tokenHashes) === 'owner') return board.kind === 'private' ? undefined : { capability: 'owner', link: { kind: 'facilitator' } };
    const member = await this.storage.getMember(tokenHash);
    if (!member || member.workshopId !== workshopId) return undefined;
    // A member is known by the name and role they joined with: the author the server stamps (SPEC D6).
    const author = { name: member.name, role: member.role };
    const link = { kind: 'member', name: member.name } as const;
    if (board.kind === 'private') return member.privateBoardId === board.id ? { capability: 'owner', author, link } : undefined;
    if (board.kind === 'workshop') return { capability: 'view', author, link };
    return { capability: member.boardId === board.id ? 'edit' : 'view', author, link };
  }

  /** The public view of a board for a given capability. */
  info(board: BoardRow, capability: Capability): BoardInfo {
    return {
      id: board.id,
      title: board.title,
      template: board.template,
      createdAt: board.createdAt.toISOString(),
      updatedAt: board.updatedAt.toISOString(),
      role: capability,
      training: isTraining(board),
      ...(capability === 'owner' && board.kind === 'board' && board.workshopId ? { workshopId: board.workshopId } : {}),
    };
  }

  /**
   * The board's links as its owner's browser shows them, derived from the owner token the
   * request carries. A role whose token is random (a board made before derivation, or after
   * the owner link was rotated alone) is absent: only new links can be shown for it.
   */
  currentLinks(board: BoardRow, ownerToken: string, origin: string): { tokens: Partial<Record<Capability, string>>; links: Partial<Record<Capability, string>> } {
    const tokens: Partial<Record<Capability, string>> = {};
    // A workshop facilitator owns the board by another token: nothing derives from it.
    if (!hashToken(ownerToken).equals(board.tokenHashes.owner)) return { tokens, links: {} };
    tokens.owner = ownerToken;
    for (const role of DERIVED_ROLES) {
      const gen = board.linkGenerations[role];
      if (gen === null) continue;
      const t = deriveLinkToken(ownerToken, role, gen);
      // Belt and braces: show only a link that works.
      if (hashToken(t).equals(board.tokenHashes[role])) tokens[role] = t;
    }
    return { tokens, links: linksOf(origin, board.id, tokens) };
  }

  /** Mark the board 研修用 or a real meeting (its owner's choice; see shared/templates/training.ts). */
  async setTraining(boardId: string, training: boolean): Promise<void> {
    await this.storage.setTraining(boardId, training);
  }

  /**
   * The board's 講師メモ for its owner: what the owner saved, else the template's notes (the
   * exercises have some), else nothing. Kept apart from the document, so no participant's
   * client receives them (shared/templates/facilitatorNotes.ts).
   */
  async facilitatorNotes(board: BoardRow): Promise<FacilitatorNotesResponse> {
    const saved = await this.storage.getFacilitatorNotes(board.id);
    if (saved) return { body: saved.body, edited: true, updatedAt: saved.updatedAt.toISOString() };
    return { body: defaultFacilitatorNotes(board.template) ?? '', edited: false, updatedAt: null };
  }

  /** Save the owner's 講師メモ (the body is validated at the edge). */
  async saveFacilitatorNotes(board: BoardRow, body: string): Promise<FacilitatorNotesResponse> {
    const at = new Date();
    await this.storage.setFacilitatorNotes(board.id, body, at);
    return { body, edited: true, updatedAt: at.toISOString() };
  }

  /**
   * Replace the tokens of `roles` and close the sessions that used the old ones. An edit or
   * view token is derived from the owner token at the next generation; when the owner link is
   * replaced, the edit and view links not rotated with it keep working (SPEC R7) but can no
   * longer be derived, so their generation becomes null.
   */
  async rotate(board: BoardRow, roles: readonly Capability[], requestToken: string, origin: string, actor: AuditActor): Promise<{ tokens: Partial<Record<Capability, string>>; links: Partial<Record<Capability, string>> }> {
    const tokens: Partial<Record<Capability, string>> = {};
    const hashes: Partial<Record<Capability, Buffer>> = {};
    const generations: Partial<LinkGenerations> = {};
    const isBoardOwner = hashToken(requestToken).equals(board.tokenHashes.owner);
    const owner = roles.includes('owner') ? newToken() : isBoardOwner ? requestToken : undefined;
    if (roles.includes('owner') && owner) {
      tokens.owner = owner;
      hashes.owner = hashToken(owner);
    }
    for (const role of DERIVED_ROLES) {
      if (roles.includes(role)) {
        const gen = (board.linkGenerations[role] ?? 0) + 1;
        const t = owner ? deriveLinkToken(owner, role, gen) : newToken();
        tokens[role] = t;
        hashes[role] = hashToken(t);
        generations[role] = owner ? gen : null;
      } else if (roles.includes('owner')) {
        generations[role] = null;
      }
    }
    await this.storage.setTokenHashes(board.id, hashes, generations);
    this.registry.revoke(board.id, { roles: [...roles] });
    await this.audit.record(board.id, 'link.rotated', actor, { roles: [...roles] });
    return { tokens, links: linksOf(origin, board.id, tokens) };
  }

  /** The board as a tldraw file, and the stored records it left out. */
  async exportTldr(boardId: string): Promise<TldrawExport> {
    return this.documents.read(boardId, tldrawExportFromDoc);
  }
}

/** What a token grants, before the role check. */
interface Granted {
  capability: Capability;
  author?: NoteAuthor;
  link: LinkIdentity;
}

/** The links of some of a board's tokens. */
function linksOf(origin: string, boardId: string, tokens: Partial<Record<Capability, string>>): Partial<Record<Capability, string>> {
  const links: Partial<Record<Capability, string>> = {};
  for (const role of CAPABILITIES) {
    const t = tokens[role];
    if (t !== undefined) links[role] = boardLink(origin, boardId, t);
  }
  return links;
}

/**
 * Whether a board is 研修用: marked so by its owner, made from an exercise template, or a
 * workshop's board (computed for those, so boards made before the flag existed are right too).
 */
export function isTraining(board: BoardRow): boolean {
  return board.training || board.workshopId !== null || isTrainingTemplate(board.template);
}

/** The three links of a board. */
export function linksFor(origin: string, boardId: string, tokens: Record<Capability, string>): Record<Capability, string> {
  return {
    owner: boardLink(origin, boardId, tokens.owner),
    edit: boardLink(origin, boardId, tokens.edit),
    view: boardLink(origin, boardId, tokens.view),
  };
}
