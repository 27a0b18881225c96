import {
  boardLink,
  CAPABILITIES,
  type BoardInfo,
  type Capability,
  type CreateBoardResponse,
} from '../../shared/protocol/index.ts';
import type { TLRecord } from '@tldraw/tlschema';
import type { StoredRecord } from '../../shared/doc/index.ts';
import { findTemplate } from '../../shared/templates/index.ts';
import { capabilityForHash, newId, newTokenTriple, hashToken, newToken } from '../auth/tokens.ts';
import type { RoomRegistry } from '../relay/index.ts';
import type { BoardRow, Storage } from '../storage/index.ts';
import type { BoardDocuments } from './BoardDocuments.ts';
import { initialBoardState, tldrawExportFromDoc, type TldrawExport } from './boardDocument.ts';

/** Expected failures of board operations, as values. */
export type BoardError = { code: 'not_found' } | { code: 'unauthorized' } | { code: 'forbidden' } | { code: 'bad_request'; field: string; message: string };
export type BoardResult<T> = { ok: true; value: T } | { ok: false; error: BoardError };

/** Options of the board service. */
export interface BoardServiceOptions {
  storage: Storage;
  registry: RoomRegistry;
  documents: BoardDocuments;
}

/** Boards: creation from templates, access by token, link rotation and export. */
export class BoardService {
  private readonly storage: Storage;
  private readonly registry: RoomRegistry;
  private readonly documents: BoardDocuments;

  constructor(opts: BoardServiceOptions) {
    this.storage = opts.storage;
    this.registry = opts.registry;
    this.documents = opts.documents;
  }

  /** Create a board from a template; the answer carries the only copy of its tokens. */
  async create(input: { title?: string | undefined; template?: string | undefined; origin: string }): Promise<BoardResult<CreateBoardResponse>> {
    const templateId = input.template ?? 'blank';
    const template = findTemplate(templateId);
    if (!template) return { ok: false, error: { code: 'bad_request', field: 'template', message: `unknown template "${templateId}"` } };
    return { ok: true, value: await this.createWithRecords({ title: input.title ?? template.title, template: template.id, records: template.build(), origin: input.origin }) };
  }

  /** Create a board holding `records` (already valid under the board schema). */
  async createWithRecords(input: { title: string; template: string; records: readonly TLRecord[] | readonly StoredRecord[]; origin: string }): Promise<CreateBoardResponse> {
    const state = initialBoardState({ title: input.title, template: input.template, records: input.records as TLRecord[] });
    return this.createWithState({ title: input.title, template: input.template, state, origin: input.origin });
  }

  /** Create a board from its initial Yjs state (built by {@link initialBoardState}, e.g. in the import worker). */
  async createWithState(input: { title: string; template: string; state: Uint8Array; origin: string }): Promise<CreateBoardResponse> {
    const id = newId();
    const createdAt = new Date();
    const { tokens, hashes } = newTokenTriple();
    const { state } = input;
    await this.storage.createBoard({ id, title: input.title, template: input.template, createdAt, tokenHashes: hashes }, state);
    return { id, title: input.title, template: input.template, createdAt: createdAt.toISOString(), tokens, links: linksFor(input.origin, id, tokens) };
  }

  /** Resolve a board and the capability a token grants on it. */
  async authorize(boardId: string, token: string | undefined, need: Capability = 'view'): Promise<BoardResult<{ board: BoardRow; capability: Capability }>> {
    if (typeof token !== 'string' || token.length === 0 || token.length > 512) {
      const board = await this.storage.getBoard(boardId);
      return { ok: false, error: { code: board ? 'unauthorized' : 'not_found' } };
    }
    return this.authorizeHash(boardId, hashToken(token), need);
  }

  /** The same check for a token known by its hash (a session's link, re-checked after a bus outage). */
  async authorizeHash(boardId: string, tokenHash: Buffer, need: Capability = 'view'): Promise<BoardResult<{ board: BoardRow; capability: Capability }>> {
    const board = await this.storage.getBoard(boardId);
    if (!board) return { ok: false, error: { code: 'not_found' } };
    const capability = capabilityForHash(tokenHash, board.tokenHashes) ?? (board.workshopId ? await this.workshopCapability(board, tokenHash) : undefined);
    if (!capability) return { ok: false, error: { code: 'unauthorized' } };
    const rank = { view: 0, edit: 1, owner: 2 } as const;
    if (rank[capability] < rank[need]) return { ok: false, error: { code: 'forbidden' } };
    return { ok: true, value: { board, capability } };
  }

  /**
   * What a workshop's tokens grant on one of its documents: the facilitator owns every
   * group board and the state document; a member edits their group's board, sees the
   * others and the state, and alone owns their private area.
   */
  private async workshopCapability(board: BoardRow, tokenHash: Buffer): Promise<Capability | undefined> {
    const workshopId = board.workshopId as string;
    const state = board.kind === 'workshop' ? board : await this.storage.getBoard(workshopId);
    if (state && capabilityForHash(tokenHash, state.tokenHashes) === 'owner') return board.kind === 'private' ? undefined : 'owner';
    const member = await this.storage.getMember(tokenHash);
    if (!member || member.workshopId !== workshopId) return undefined;
    if (board.kind === 'private') return member.privateBoardId === board.id ? 'owner' : undefined;
    if (board.kind === 'workshop') return 'view';
    return member.boardId === board.id ? 'edit' : 'view';
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
    };
  }

  /** Replace the tokens of `roles` and close the sessions that used the old ones. */
  async rotate(boardId: string, roles: readonly Capability[], origin: string): Promise<{ tokens: Partial<Record<Capability, string>>; links: Partial<Record<Capability, string>> }> {
    const tokens: Partial<Record<Capability, string>> = {};
    const hashes: Partial<Record<Capability, Buffer>> = {};
    for (const role of CAPABILITIES) {
      if (!roles.includes(role)) continue;
      const t = newToken();
      tokens[role] = t;
      hashes[role] = hashToken(t);
    }
    await this.storage.setTokenHashes(boardId, hashes);
    this.registry.revoke(boardId, { roles: [...roles] });
    const links: Partial<Record<Capability, string>> = {};
    for (const [role, t] of Object.entries(tokens) as [Capability, string][]) links[role] = boardLink(origin, boardId, t);
    return { tokens, links };
  }

  /** The board as a tldraw file, and the stored records it left out. */
  async exportTldr(boardId: string): Promise<TldrawExport> {
    return this.documents.read(boardId, tldrawExportFromDoc);
  }
}

/** The three links of a board. */
export function linksFor(origin: string, boardId: string, tokens: Record<Capability, string>): Record<Capability, string> {
  return {
    owner: boardLink(origin, boardId, tokens.owner),
    edit: boardLink(origin, boardId, tokens.edit),
    view: boardLink(origin, boardId, tokens.view),
  };
}
