import { createHash, randomInt } from 'node:crypto';
import * as Y from 'yjs';
import { type CreateWorkshopResponse, type JoinInfo, type JoinWorkshopResponse, type WorkshopInfo, type WorkshopMember, type CreatedRecord } from '../../shared/protocol/index.ts';
import { baseRecords, findTemplate, scaffoldingIds } from '../../shared/templates/index.ts';
import { initialWorkshopState, readBallots, readVote, writeWorkshopState } from '../../shared/workshop/index.ts';
import { groupRecordNote } from './groupRecordNote.ts';
import { recordsMap, setLocked } from '../../shared/doc/index.ts';
import { capabilityForToken, hashToken, newId, newToken, newTokenTriple } from '../auth/tokens.ts';
import { initialBoardState, linksFor } from '../boards/index.ts';
import type { RecordService } from '../records/index.ts';
import type { Revocation } from '../relay/revocation.ts';
import type { MemberRow, Storage, WorkshopRow } from '../storage/index.ts';

/** Expected failures of workshop operations, as values. */
export type WorkshopError = { code: 'not_found' } | { code: 'unauthorized' } | { code: 'joining_closed' } | { code: 'bad_request'; field: string; message: string };
export type WorkshopResult<T> = { ok: true; value: T } | { ok: false; error: WorkshopError };

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random 6-character join code without look-alike characters. */
export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

function workshopStateUpdate(): Uint8Array {
  const doc = new Y.Doc();
  writeWorkshopState(doc, initialWorkshopState());
  const u = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return u;
}

/**
 * A member's public id: a hash of their token's hash (itself a hash of a random token), so it
 * names the member in URLs and lists without being, or leading to, a credential.
 */
export function memberIdOf(tokenHash: Buffer): string {
  return createHash('sha256').update('renkei-member-id\0').update(tokenHash).digest('base64url').slice(0, 16);
}

/** Options of the workshop service. */
export interface WorkshopServiceOptions {
  storage: Storage;
  records: RecordService;
  /** Closes open sessions of a revoked token on every instance (the relay's registry). */
  sessions: { revoke(boardId: string, revocation: Revocation): number };
  /** Changes a board's document as the server (the facilitator's lock from the dashboard). */
  documents: { edit(boardId: string, edit: (doc: Y.Doc) => void): Promise<boolean>; read<T>(boardId: string, use: (doc: Y.Doc) => T): Promise<T> };
}

/**
 * Training workshops: one board per group from a template, a shared state document
 * (phase, timer, message, presentation) the facilitator writes and everyone reads, a join
 * code, and a personal token and private area for each participant.
 */
export class WorkshopService {
  private readonly storage: Storage;
  private readonly records: RecordService;
  private readonly sessions: WorkshopServiceOptions['sessions'];
  private readonly documents: WorkshopServiceOptions['documents'];

  constructor(opts: WorkshopServiceOptions) {
    this.storage = opts.storage;
    this.records = opts.records;
    this.sessions = opts.sessions;
    this.documents = opts.documents;
  }

  /**
   * Lock or unlock records on group boards at once (the facilitator, from the dashboard; SPEC
   * D7): `ids`, or the template's scaffolding (frames, headings, case text, guides) when none
   * are given; on `groups` (indexes), or on every group. Which groups changed.
   */
  async setLocks(workshop: WorkshopRow, input: { locked: boolean; groups?: readonly number[] | undefined; ids?: readonly string[] | undefined }): Promise<WorkshopResult<{ locked: boolean; groups: number[]; records: number }>> {
    const groups = input.groups ? workshop.groups.filter((g) => input.groups?.includes(g.index)) : workshop.groups;
    if (input.groups && groups.length !== new Set(input.groups).size) return { ok: false, error: { code: 'bad_request', field: 'groups', message: 'no such group' } };
    const ids = input.ids ?? scaffoldingIds(findTemplate(workshop.template)?.build() ?? []);
    const changed: number[] = [];
    for (const g of groups) if (await this.documents.edit(g.boardId, (doc) => setLocked(doc, ids, input.locked))) changed.push(g.index);
    return { ok: true, value: { locked: input.locked, groups: changed, records: ids.length } };
  }

  /** Create a workshop with `groups` boards; the facilitator token is returned once. */
  async create(input: { title: string; template: string; groups: number; groupNames?: string[] | undefined; origin: string }): Promise<WorkshopResult<CreateWorkshopResponse>> {
    const template = findTemplate(input.template);
    if (!template) return { ok: false, error: { code: 'bad_request', field: 'template', message: `unknown template "${input.template}"` } };
    const id = newId();
    const now = new Date();
    const facilitator = newTokenTriple();
    const groups = Array.from({ length: input.groups }, (_, index) => {
      const name = input.groupNames?.[index] ?? `グループ${index + 1}`;
      const triple = newTokenTriple();
      const boardId = newId();
      const title = `${input.title} — ${name}`;
      return {
        index,
        name,
        tokens: triple.tokens,
        board: { id: boardId, title, template: template.id, createdAt: now, tokenHashes: triple.hashes, kind: 'board' as const, workshopId: id },
        // The template's scaffolding starts under the facilitator lock (issue 15, SPEC D7).
        initialState: (() => {
          const records = template.build();
          return initialBoardState({ title, template: template.id, records, locked: scaffoldingIds(records) });
        })(),
      };
    });
    let joinCode = newJoinCode();
    for (let attempt = 0; await this.storage.getWorkshopByCode(joinCode); attempt++) {
      if (attempt > 20) throw new Error('could not find a free join code');
      joinCode = newJoinCode();
    }
    await this.storage.createWorkshop({
      workshop: { id, title: input.title, template: template.id, joinCode, createdAt: now },
      state: { board: { id, title: input.title, template: 'workshop', createdAt: now, tokenHashes: facilitator.hashes, kind: 'workshop', workshopId: id }, initialState: workshopStateUpdate() },
      groups,
    });
    return {
      ok: true,
      value: {
        id,
        joinCode,
        tokens: { facilitator: facilitator.tokens.owner },
        groups: groups.map((g) => ({ name: g.name, boardId: g.board.id, links: linksFor(input.origin, g.board.id, g.tokens) })),
        links: { facilitator: `${input.origin}/w/${id}#t=${encodeURIComponent(facilitator.tokens.owner)}`, join: `${input.origin}/j/${joinCode}` },
      },
    };
  }

  /** Who a token is in a workshop: its facilitator, a member, or nobody. */
  async whoIs(workshop: WorkshopRow, token: string | undefined): Promise<{ role: 'facilitator' } | { role: 'member'; member: NonNullable<Awaited<ReturnType<Storage['getMember']>>> } | undefined> {
    if (!token) return undefined;
    const state = await this.storage.getBoard(workshop.id);
    if (state && capabilityForToken(token, state.tokenHashes) === 'owner') return { role: 'facilitator' };
    const member = await this.storage.getMember(hashToken(token));
    if (member && member.workshopId === workshop.id) return { role: 'member', member };
    return undefined;
  }

  /** A workshop as its facilitator or a member sees it. */
  async info(id: string, token: string | undefined): Promise<WorkshopResult<WorkshopInfo>> {
    const w = await this.storage.getWorkshop(id);
    if (!w) return { ok: false, error: { code: 'not_found' } };
    const who = await this.whoIs(w, token);
    if (!who) return { ok: false, error: { code: 'unauthorized' } };
    const base = { id: w.id, title: w.title, template: w.template, joinCode: w.joinCode, joinOpen: w.joinOpen, groups: w.groups };
    if (who.role === 'facilitator') return { ok: true, value: { ...base, role: 'facilitator' } };
    const m = who.member;
    const groupIndex = w.groups.find((g) => g.boardId === m.boardId)?.index ?? 0;
    return { ok: true, value: { ...base, role: 'member', member: { name: m.name, role: m.role, groupIndex, boardId: m.boardId, privateBoardId: m.privateBoardId } } };
  }

  /** What the join page shows for a code. */
  async joinInfo(code: string): Promise<JoinInfo | undefined> {
    const w = await this.storage.getWorkshopByCode(code);
    return w && { title: w.title, joinOpen: w.joinOpen, groups: w.groups.map(({ index, name }) => ({ index, name })) };
  }

  /** Join with a code: a personal token, the group's board and a private area. */
  async join(input: { code: string; group: number; name: string; role: string }): Promise<WorkshopResult<JoinWorkshopResponse>> {
    const w = await this.storage.getWorkshopByCode(input.code);
    if (!w) return { ok: false, error: { code: 'not_found' } };
    if (!w.joinOpen) return { ok: false, error: { code: 'joining_closed' } };
    const group = w.groups.find((g) => g.index === input.group);
    if (!group) return { ok: false, error: { code: 'bad_request', field: 'group', message: `no group ${input.group}` } };
    const token = newToken();
    const privateBoardId = newId();
    const now = new Date();
    const title = `${input.name}の個人ワーク`;
    await this.storage.addMember(
      { tokenHash: hashToken(token), workshopId: w.id, boardId: group.boardId, privateBoardId, name: input.name, role: input.role, createdAt: now },
      {
        // Nobody holds the private board's own tokens: only the member's token reaches it.
        board: { id: privateBoardId, title, template: 'private', createdAt: now, tokenHashes: newTokenTriple().hashes, kind: 'private', workshopId: w.id },
        initialState: initialBoardState({ title, template: 'private', records: baseRecords('個人ワーク') }),
      },
    );
    return { ok: true, value: { workshopId: w.id, token, groupIndex: group.index, boardId: group.boardId, privateBoardId } };
  }

  /** End or reopen joining with the workshop's code (the facilitator's call). */
  async setJoining(workshop: WorkshopRow, open: boolean): Promise<{ joinOpen: boolean }> {
    await this.storage.setJoinOpen(workshop.id, open);
    return { joinOpen: open };
  }

  /** The workshop's members as its facilitator sees them, oldest first. */
  async members(workshop: WorkshopRow): Promise<WorkshopMember[]> {
    return (await this.storage.listMembers(workshop.id)).map((m) => ({
      id: memberIdOf(m.tokenHash),
      name: m.name,
      role: m.role,
      groupIndex: workshop.groups.find((g) => g.boardId === m.boardId)?.index ?? 0,
      createdAt: m.createdAt.toISOString(),
    }));
  }

  /**
   * Remove a member: their token stops working everywhere (their row goes) and their open
   * sessions on the group board, their private board and the state board close on every
   * instance. Their private board stays for the record.
   */
  async removeMember(workshop: WorkshopRow, memberId: string): Promise<WorkshopResult<{ removed: string }>> {
    const member: MemberRow | undefined = (await this.storage.listMembers(workshop.id)).find((m) => memberIdOf(m.tokenHash) === memberId);
    if (!member) return { ok: false, error: { code: 'not_found' } };
    await this.storage.removeMember(member.tokenHash);
    const revocation: Revocation = { tokenHashes: [member.tokenHash.toString('hex')] };
    for (const boardId of new Set([member.boardId, member.privateBoardId, workshop.id])) this.sessions.revoke(boardId, revocation);
    return { ok: true, value: { removed: memberId } };
  }

  /** Save a record of every group's board at once. */
  async saveAllRecords(id: string, title: string | undefined): Promise<{ group: string; boardId: string; record: CreatedRecord }[]> {
    const w = await this.storage.getWorkshop(id);
    if (!w) return [];
    const out: { group: string; boardId: string; record: CreatedRecord }[] = [];
    // The vote's results and the groups' own notes go into each record's note (issue 15).
    const { vote, ballots } = await this.documents.read(w.id, (doc) => {
      const v = readVote(doc);
      return { vote: v, ballots: v ? readBallots(doc, v.id) : [] };
    });
    const templateIds = new Set((findTemplate(w.template)?.build() ?? []).map((r) => r.id as string));
    for (const g of w.groups) {
      const board = await this.storage.getBoard(g.boardId);
      if (!board) continue;
      const note = await this.documents.read(g.boardId, (doc) => groupRecordNote({ records: recordsMap(doc).values(), templateIds, group: g.index, vote, ballots }));
      out.push({ group: g.name, boardId: g.boardId, record: await this.records.create(board, { title: title ? `${title} — ${g.name}` : undefined, note }) });
    }
    return out;
  }

  /** The minutes of each group's newest record, one after another, for printing. */
  async allMinutes(id: string): Promise<string | undefined> {
    const w = await this.storage.getWorkshop(id);
    if (!w) return undefined;
    const pages: string[] = [];
    for (const g of w.groups) {
      const board = await this.storage.getBoard(g.boardId);
      const latest = (await this.storage.listRecords(g.boardId))[0];
      const row = latest && board ? await this.records.get(g.boardId, latest.id) : undefined;
      if (!board || !row) continue;
      const html = this.records.minutes(board, row, 'ja');
      const body = /<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';
      const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
      pages.push(pages.length === 0 ? `<style>${style} .group-minutes + .group-minutes { break-before: page; }</style><section class="group-minutes">${body}</section>` : `<section class="group-minutes">${body}</section>`);
    }
    return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${escapeHtml(w.title)} — 全グループの記録</title></head><body>${pages.join('') || '<p>まだ記録がありません。「全グループの記録を保存」を先に行ってください。</p>'}</body></html>`;
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
