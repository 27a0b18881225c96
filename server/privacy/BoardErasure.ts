import type { AuditActor, AuditLog } from '../audit/index.ts';
import type { RoomRegistry } from '../relay/index.ts';
import type { BoardRow, ErasureStore, WorkshopStore } from '../storage/index.ts';

/** Options of board deletion. */
export interface BoardErasureOptions {
  store: ErasureStore & WorkshopStore;
  registry: RoomRegistry;
  audit: AuditLog;
}

/** Why a deletion was refused, as a value. */
export type EraseResult = { ok: true; value: { recordsDeleted: number } } | { ok: false; code: 'bad_request' | 'not_found'; field?: string; message: string };

/**
 * Deleting a board for real (issue 17): its sessions close on every instance, its room is
 * dropped, then its rows go and the freed space is compacted. The audit log keeps one row
 * saying it happened, without the title or any content.
 */
export class BoardErasure {
  private readonly opts: BoardErasureOptions;

  constructor(opts: BoardErasureOptions) {
    this.opts = opts;
  }

  /** Delete `board` when `confirm` is its title. */
  async erase(board: BoardRow, input: { confirm: string; keepRecords: boolean }, actor: AuditActor, event: 'board.deleted' | 'retention.board-deleted' = 'board.deleted'): Promise<EraseResult> {
    if (input.confirm.normalize('NFC').trim() !== board.title.normalize('NFC').trim()) {
      return { ok: false, code: 'bad_request', field: 'confirm', message: 'confirm: ボードの名前をそのまま入力してください（type the board\'s title exactly to delete it）' };
    }
    // A workshop is deleted whole, from its state document; its boards one by one are not.
    if (board.kind !== 'workshop' && board.workshopId !== null) {
      return { ok: false, code: 'bad_request', field: 'id', message: '研修のボードは一枚ずつは削除できません。研修全体を進行役のリンクで削除してください（a workshop\'s boards are deleted with the whole workshop, by its facilitator）' };
    }
    const boards = board.kind === 'workshop' ? await this.workshopBoards(board.id) : [board.id];
    for (const id of boards) await this.opts.registry.purge(id);
    const erased = await this.opts.store.eraseBoard(board.id, { keepRecords: input.keepRecords });
    if (!erased) return { ok: false, code: 'not_found', message: 'no such board' };
    const detail = { keepRecords: input.keepRecords, recordsDeleted: erased.records, ...(board.kind === 'workshop' ? { boardsDeleted: erased.boards.length } : {}) };
    await this.opts.audit.record(board.id, event, actor, detail);
    // Each board of a workshop keeps its own chain, closed by the same row.
    for (const id of erased.boards) if (id !== board.id) await this.opts.audit.record(id, event, actor, { ...detail, workshopId: board.id });
    return { ok: true, value: { recordsDeleted: erased.records } };
  }

  /** A workshop's documents: its state, group boards and members' private areas. */
  private async workshopBoards(workshopId: string): Promise<string[]> {
    const workshop = await this.opts.store.getWorkshop(workshopId);
    const members = await this.opts.store.listMembers(workshopId);
    return [workshopId, ...(workshop?.groups.map((g) => g.boardId) ?? []), ...members.map((m) => m.privateBoardId)];
  }
}
