import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { roleIdFrom } from '../../shared/domain/roles.ts';
import { MetaKeys, metaMap, recordsMap, type StoredRecord } from '../../shared/doc/index.ts';
import type { AttendeeInfo, CreatedRecord, MeetingDetails, RecordConsent } from '../../shared/protocol/index.ts';
import { diffRecordInfo, diffRecords, extractCase, readableRecords, type CaseContent, type ReadableRecords, type RecordDiff, type SkippedRecord } from '../../shared/records/index.ts';
import { newId } from '../auth/tokens.ts';
import type { BoardDocuments } from '../boards/BoardDocuments.ts';
import { isTraining } from '../boards/BoardService.ts';
import type { Attendee, BoardRow, MeetingRecordMeta, MeetingRecordRow, RecordStore } from '../storage/index.ts';
import { minutesHtml, printedMoment, type MinutesFormat, type MinutesLang } from './minutes.ts';

/** Options of the record service. */
export interface RecordServiceOptions {
  storage: RecordStore;
  documents: BoardDocuments;
}

/** Meeting records: immutable snapshots of a board, and what is read from them. */
export class RecordService {
  private readonly storage: RecordStore;
  private readonly documents: BoardDocuments;

  constructor(opts: RecordServiceOptions) {
    this.storage = opts.storage;
    this.documents = opts.documents;
  }

  /** Who is on the board now, from the awareness of its live room. */
  presentParticipants(boardId: string): Attendee[] {
    // The contract allows a role id or its label (相談支援専門員); records keep the id.
    return this.documents.participants(boardId).map((p) => ({ name: p.name, role: roleIdFrom(p.role) || '' }));
  }

  /** Save the board as it is now as an immutable record. */
  async create(board: BoardRow, input: { title?: string | undefined; note?: string | undefined; attendees?: AttendeeInfo[] | undefined; consent?: RecordConsent | undefined; meeting?: MeetingDetails | undefined; now?: Date }): Promise<CreatedRecord> {
    const now = input.now ?? new Date();
    const state = await this.documents.state(board.id);
    const participants = this.presentParticipants(board.id);
    // Records are told apart by their titles: the default has the time, and when another record
    // of the board already has it (two saved in one minute) a serial: （2）, （3）… A title the
    // user wrote is kept as written.
    const title = input.title ?? distinctTitle(`${printedMoment(now, 'ja')} ${board.title}`, new Set((await this.storage.listRecords(board.id)).map((r) => r.title)));
    const row: MeetingRecordRow = {
      id: newId(),
      boardId: board.id,
      title,
      note: input.note ?? '',
      createdAt: now,
      state,
      sha256: createHash('sha256').update(state).digest('hex'),
      participants,
      attendees: input.attendees ?? participants,
      consent: input.consent ?? null,
      meeting: input.meeting ?? null,
    };
    await this.storage.createRecord(row);
    return toInfo(row);
  }

  /** A board's records, newest first. */
  async list(boardId: string): Promise<CreatedRecord[]> {
    return (await this.storage.listRecords(boardId)).map(toInfo);
  }

  /** One record with its state, verified against its stored hash. */
  async get(boardId: string, recordId: string): Promise<MeetingRecordRow | undefined> {
    const row = await this.storage.getRecord(boardId, recordId);
    if (!row) return undefined;
    const actual = createHash('sha256').update(row.state).digest('hex');
    if (actual !== row.sha256) throw new Error(`record ${recordId} does not match its hash`);
    return row;
  }

  /**
   * A record's tldraw records as every reader must see them (docs/SPEC.md D4): invalid stored
   * records skipped and reported, orphans and parent cycles re-homed to the first page.
   */
  readable(row: MeetingRecordRow): ReadableRecords {
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, row.state);
      return readableRecords(recordsMap(doc).entries(), metaMap(doc).get(MetaKeys.schema));
    } finally {
      doc.destroy();
    }
  }

  /** The readable tldraw records of a record's state (see {@link readable}). */
  recordsOf(row: MeetingRecordRow): StoredRecord[] {
    return this.readable(row).records;
  }

  /** The printable minutes of a record; skipped records are named in them. */
  minutes(board: BoardRow, row: MeetingRecordRow, lang: MinutesLang, format: MinutesFormat = 'form4'): string {
    const { records, skipped } = this.readable(row);
    return minutesHtml({ boardTitle: board.title, record: toMeta(row), records, skipped, lang, format, training: isTraining(board) });
  }

  /** The domain items of a record, as structured JSON, and the stored records left out. */
  structured(row: MeetingRecordRow): { content: CaseContent; skipped: SkippedRecord[] } {
    const { records, skipped } = this.readable(row);
    return { content: extractCase(records), skipped };
  }

  /** What changed in cards and plan items from one record to another, and in the records' memo, title and 会議の要点. */
  diff(from: MeetingRecordRow, to: MeetingRecordRow): RecordDiff {
    const fromMeeting = from.meeting ?? extractCase(this.recordsOf(from)).meeting;
    const toMeeting = to.meeting ?? extractCase(this.recordsOf(to)).meeting;
    return { ...diffRecords(this.recordsOf(from), this.recordsOf(to)), record: diffRecordInfo({ ...from, meeting: fromMeeting }, { ...to, meeting: toMeeting }) };
  }
}

/** `title`, or `title（n）` with the smallest n ≥ 2 that no other record of the board has (max 200 characters). */
export function distinctTitle(title: string, taken: ReadonlySet<string>): string {
  const base = title.slice(0, 200);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `（${n}）`;
    const candidate = `${base.slice(0, 200 - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function toMeta(row: MeetingRecordRow): MeetingRecordMeta {
  const { state: _state, ...meta } = row;
  return meta;
}

/** The API view of a record. */
export function toInfo(row: MeetingRecordMeta): CreatedRecord {
  return {
    id: row.id,
    boardId: row.boardId,
    createdAt: row.createdAt.toISOString(),
    sha256: row.sha256,
    participants: row.participants,
    title: row.title,
    note: row.note,
    attendees: row.attendees,
    consent: row.consent ?? null,
    meeting: row.meeting ?? null,
  };
}
