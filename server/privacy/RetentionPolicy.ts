import type { RetentionInfo } from '../../shared/protocol/index.ts';
import type { AuditLog } from '../audit/index.ts';
import type { Logger } from '../logger.ts';
import type { Clock, TimerHandle } from '../relay/Clock.ts';
import type { BoardRow, BoardStore, ErasureStore, RecordStore } from '../storage/index.ts';
import type { BoardErasure } from './BoardErasure.ts';

const DAY_MS = 24 * 3600_000;

/** Options of retention, one typed object. */
export interface RetentionOptions {
  /** Boards whose document has not changed for this many days are deleted; undefined keeps them. */
  boardDays: number | undefined;
  /** Records older than this many days are deleted; undefined keeps them. */
  recordDays: number | undefined;
  store: ErasureStore & BoardStore & RecordStore;
  erasure: BoardErasure;
  audit: AuditLog;
  logger: Logger;
  clock: Clock;
  /** How often it runs (default daily). */
  everyMs?: number;
  /** When the first run is after start (default a minute), so a server restarted daily still applies it. */
  firstRunMs?: number;
}

/** What one run deleted. */
export interface RetentionRun {
  boards: number;
  records: number;
}

/**
 * Retention (issue 17): once a day, boards untouched for RETENTION_DAYS are deleted (their
 * records stay, under their own period) and records older than RECORD_RETENTION_DAYS are
 * deleted, each in the audit log and the server log. The same arithmetic tells the owner in
 * advance when what will go.
 */
export class RetentionPolicy {
  private readonly opts: RetentionOptions;
  private timer: TimerHandle | undefined;
  private running: Promise<RetentionRun> | undefined;
  private stopped = false;

  constructor(opts: RetentionOptions) {
    this.opts = opts;
  }

  /** Whether anything is ever deleted by age. */
  get active(): boolean {
    return this.opts.boardDays !== undefined || this.opts.recordDays !== undefined;
  }

  /** When a board and each of its records will be deleted, as things stand. */
  async forBoard(board: BoardRow): Promise<RetentionInfo> {
    const { boardDays, recordDays } = this.opts;
    const boardDeletesAt = boardDays !== undefined && board.kind === 'board' && board.workshopId === null ? new Date(board.updatedAt.getTime() + boardDays * DAY_MS).toISOString() : null;
    const records =
      recordDays === undefined
        ? []
        : (await this.opts.store.listRecords(board.id)).map((r) => ({ id: r.id, title: r.title, deletesAt: new Date(r.createdAt.getTime() + recordDays * DAY_MS).toISOString() }));
    return { boardDays: boardDays ?? null, recordDays: recordDays ?? null, boardDeletesAt, records };
  }

  /** Run a minute after start, then daily. */
  start(): void {
    if (!this.active || this.stopped) return;
    const every = this.opts.everyMs ?? DAY_MS;
    const { clock } = this.opts;
    // Runs keep their time of day: the next one is due a period after the last was due, however
    // long that one took.
    let due = clock.now() + (this.opts.firstRunMs ?? 60_000);
    const arm = () => {
      this.timer = clock.setTimeout(() => {
        due += every;
        void this.runOnce().finally(() => !this.stopped && arm());
      }, Math.max(0, due - clock.now()));
      this.timer.unref?.();
    };
    arm();
  }

  /** Stop the daily runs; waits for one under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.opts.clock.clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** The run under way, if any (tests wait for it instead of sleeping). */
  whenIdle(): Promise<RetentionRun | undefined> {
    return this.running ?? Promise.resolve(undefined);
  }

  /** Delete what is due now; one run at a time. */
  runOnce(): Promise<RetentionRun> {
    this.running ??= this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async run(): Promise<RetentionRun> {
    const now = this.opts.clock.now();
    const { boardDays, recordDays, store, logger } = this.opts;
    let boards = 0;
    let records = 0;
    try {
      if (boardDays !== undefined) {
        for (const due of await store.boardsUntouchedSince(new Date(now - boardDays * DAY_MS))) {
          const board = await store.getBoard(due.id);
          if (!board) continue;
          // Records follow their own period (RECORD_RETENTION_DAYS), so they stay here.
          const done = await this.opts.erasure.erase(board, { confirm: board.title, keepRecords: true }, { link: 'system' }, 'retention.board-deleted');
          if (done.ok) boards++;
        }
      }
      if (recordDays !== undefined) {
        const due = await store.recordsCreatedBefore(new Date(now - recordDays * DAY_MS));
        records = await store.eraseRecords(due);
        for (const r of due) await this.opts.audit.record(r.boardId, 'record.expired', { link: 'system' }, { recordId: r.id, createdAt: r.createdAt.toISOString(), retentionDays: recordDays });
      }
      logger.info({ boardsDeleted: boards, recordsDeleted: records, boardDays, recordDays }, 'retention applied');
    } catch (err) {
      logger.error({ err: (err as Error).message, boardsDeleted: boards, recordsDeleted: records }, 'retention run failed; it is tried again tomorrow');
    }
    return { boards, records };
  }
}
