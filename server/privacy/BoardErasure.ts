import type { AuditActor, AuditLog } from '../audit/index.ts';
import type { RoomRegistry } from '../relay/index.ts';
import type { BoardRow, ErasureStore } from '../storage/index.ts';

/** Options of board deletion. */
export interface BoardErasureOptions {
  store: ErasureStore;
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
    if (board.kind !== 'board' || board.workshopId !== null) {
      return { ok: false, code: 'bad_request', field: 'id', message: '研修（ワークショップ）のボードはここでは削除できません（a workshop\'s boards cannot be deleted one by one）' };
    }
    await this.opts.registry.purge(board.id);
    const erased = await this.opts.store.eraseBoard(board.id, { keepRecords: input.keepRecords });
    if (!erased) return { ok: false, code: 'not_found', message: 'no such board' };
    await this.opts.audit.record(board.id, event, actor, { keepRecords: input.keepRecords, recordsDeleted: erased.records });
    return { ok: true, value: { recordsDeleted: erased.records } };
  }
}
