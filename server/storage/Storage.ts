import type { DocKind } from '../../shared/doc/index.ts';
import type { Capability, MeetingDetails, RecordConsent } from '../../shared/protocol/index.ts';

/** A board's row: its metadata and the hashes of its three capability tokens. */
export interface BoardRow {
  id: string;
  title: string;
  template: string;
  createdAt: Date;
  updatedAt: Date;
  tokenHashes: Record<Capability, Buffer>;
  kind: DocKind;
  /** The workshop this document belongs to (its groups, state and private areas). */
  workshopId: string | null;
  /**
   * The generation from which the edit and view tokens are derived from the owner token
   * (server/auth/linkTokens.ts); null for a board whose tokens are random (made before).
   */
  linkGenerations: LinkGenerations;
  /** A 研修用 (training) board: its records need no consent. */
  training: boolean;
}

/** Per derived role, the generation its token comes from, or null for a random token. */
export interface LinkGenerations {
  edit: number | null;
  view: number | null;
}

/** What a new board needs to be stored. */
export interface NewBoard {
  id: string;
  title: string;
  template: string;
  createdAt: Date;
  tokenHashes: Record<Capability, Buffer>;
  kind?: DocKind;
  workshopId?: string | null;
  /** Default: both null (random tokens). */
  linkGenerations?: LinkGenerations;
  /** Default: false. */
  training?: boolean;
}

/** A training workshop: its state document shares its id. */
export interface WorkshopRow {
  id: string;
  title: string;
  template: string;
  joinCode: string;
  /** Whether the join code still admits new members (a facilitator can end joining). */
  joinOpen: boolean;
  createdAt: Date;
  groups: { index: number; name: string; boardId: string }[];
}

/** A participant who joined a workshop with its code; their personal token's hash is the key. */
export interface MemberRow {
  tokenHash: Buffer;
  workshopId: string;
  /** Their group's board. */
  boardId: string;
  /** Their private area for 個人ワーク. */
  privateBoardId: string;
  name: string;
  role: string;
  createdAt: Date;
}

/** A board document as stored: an optional compacted snapshot plus the updates after it. */
export interface StoredDocument {
  /** The compacted state, or undefined when none has been written yet. */
  snapshot: Uint8Array | undefined;
  /** Updates after the snapshot, in the order they were appended. */
  updates: Uint8Array[];
  /** The sequence number of the last update covered by this answer (0 when none). */
  lastSeq: number;
}

/** A participant of a meeting as recorded: name and participant role. */
export interface Attendee {
  name: string;
  role: string;
}

/** An immutable meeting record: the whole document state at one moment. */
export interface MeetingRecordRow {
  id: string;
  boardId: string;
  title: string;
  note: string;
  createdAt: Date;
  /** The Yjs state as stored. */
  state: Uint8Array;
  /** sha-256 (hex) of `state`. */
  sha256: string;
  /** Present in the meeting (awareness) when it was saved. */
  participants: Attendee[];
  /** The attendee list as the user corrected it before saving. */
  attendees: Attendee[];
  /** The consent confirmed when saving (shared/protocol/consent.ts); null when none was needed. */
  consent?: RecordConsent | null;
  /** The 会議の要点 confirmed when saving (shared/protocol/meeting.ts); null for a record saved before. */
  meeting?: MeetingDetails | null;
}

/** A record's metadata, without its state. */
export type MeetingRecordMeta = Omit<MeetingRecordRow, 'state'>;

/** Whether the backing store answers. */
export interface StorageHealth {
  ok: boolean;
  detail?: string;
}

/** Storage failed because the backing store is down or busy (not because of the input): HTTP 503. */
export class StorageUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageUnavailableError';
  }
}

/** Error codes of Node's network layer and of PostgreSQL that mean "the database is not reachable now". */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', '57P01', '57P02', '57P03', '53300']);

/**
 * True when an error says the store is down or busy rather than that the request was wrong:
 * a `StorageUnavailableError`, a refused or dropped connection, PostgreSQL's connection
 * exceptions (class 08) and shutdown codes, or the pool's connection time-out.
 */
export function isStorageUnavailable(err: unknown): boolean {
  if (err instanceof StorageUnavailableError) return true;
  if (typeof err !== 'object' || err === null) return false;
  const { code, message } = err as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || code.startsWith('08'))) return true;
  return typeof message === 'string' && /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED/.test(message);
}

/**
 * What the relay needs: a board's document as a snapshot plus appended updates (SPEC S1–S3).
 * An append resolves only once the update is durable; a failed call rejects and stores nothing.
 */
export interface DocumentStore {
  /** The board's document: snapshot and later updates. */
  loadDocument(boardId: string): Promise<StoredDocument>;
  /** Append one document update durably; resolves with its sequence number. */
  appendUpdate(boardId: string, update: Uint8Array): Promise<number>;
  /**
   * Replace the snapshot and every update with seq ≤ `uptoSeq` by `snapshot`, which must
   * contain all of them. Updates after `uptoSeq` are kept.
   */
  compact(boardId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>;
  /** Number of updates stored after the snapshot (for compaction policy and tests). */
  countUpdates(boardId: string): Promise<number>;
  /** Record that the board's document changed at `at`. */
  touchBoard(id: string, at: Date): Promise<void>;
}

/** A board's 講師メモ as stored. */
export interface FacilitatorNotesRow {
  body: string;
  updatedAt: Date;
}

/** Boards and their capability tokens (hashes only, SPEC S5). */
export interface BoardStore {
  /** Store a new board with its initial document state. */
  createBoard(board: NewBoard, initialState: Uint8Array): Promise<void>;
  /** A board's row, or undefined when there is none. */
  getBoard(id: string): Promise<BoardRow | undefined>;
  /** Replace some of a board's token hashes. */
  setTokenHashes(id: string, hashes: Partial<Record<Capability, Buffer>>, generations?: Partial<LinkGenerations>): Promise<void>;
  /** Mark a board 研修用 (training) or a real meeting. */
  setTraining(id: string, training: boolean): Promise<void>;
  /** The owner's 講師メモ of a board (kept apart from its document), or undefined if never saved. */
  getFacilitatorNotes(boardId: string): Promise<FacilitatorNotesRow | undefined>;
  /** Save a board's 講師メモ, replacing what was there. */
  setFacilitatorNotes(boardId: string, body: string, at: Date): Promise<void>;
  /** Record that the board's document changed at `at`. */
  touchBoard(id: string, at: Date): Promise<void>;
  /** The owner's 講師メモ of a board (kept apart from its document), or undefined if never saved. */
  getFacilitatorNotes(boardId: string): Promise<FacilitatorNotesRow | undefined>;
  /** Save a board's 講師メモ, replacing what was there. */
  setFacilitatorNotes(boardId: string, body: string, at: Date): Promise<void>;
}

/** A board's 講師メモ as stored. */
export interface FacilitatorNotesRow {
  body: string;
  updatedAt: Date;
}

/** Immutable meeting records. */
export interface RecordStore {
  /** Store a meeting record; records are never updated (the database refuses it). */
  createRecord(record: MeetingRecordRow): Promise<void>;
  /** A board's records, newest first, without their states. */
  listRecords(boardId: string): Promise<MeetingRecordMeta[]>;
  /** One record with its state, or undefined. */
  getRecord(boardId: string, recordId: string): Promise<MeetingRecordRow | undefined>;
}

/** Training workshops, their groups and members. */
export interface WorkshopStore {
  /** Store a workshop with its state document and group boards, atomically. */
  createWorkshop(input: {
    workshop: Omit<WorkshopRow, 'groups' | 'joinOpen'> & { joinOpen?: boolean };
    state: { board: NewBoard; initialState: Uint8Array };
    groups: { index: number; name: string; board: NewBoard; initialState: Uint8Array }[];
  }): Promise<void>;
  getWorkshop(id: string): Promise<WorkshopRow | undefined>;
  getWorkshopByCode(joinCode: string): Promise<WorkshopRow | undefined>;
  /** Store a member and their private board, atomically. */
  addMember(member: MemberRow, privateBoard: { board: NewBoard; initialState: Uint8Array }): Promise<void>;
  getMember(tokenHash: Buffer): Promise<MemberRow | undefined>;
  /** Open or end joining with the workshop's code; false when there is no such workshop. */
  setJoinOpen(workshopId: string, open: boolean): Promise<boolean>;
  /** A workshop's members, oldest first. */
  listMembers(workshopId: string): Promise<MemberRow[]>;
  /**
   * Remove a member: their row goes, so their token is unknown everywhere; their private
   * board stays for the record. False when no member has this hash.
   */
  removeMember(tokenHash: Buffer): Promise<boolean>;
}

/** One row of a board's audit log (issue 17): append-only, hash-chained. */
export interface AuditRow {
  boardId: string;
  /** 1, 2, 3 … per board. */
  seq: number;
  at: Date;
  event: string;
  /** Canonical JSON of the event's detail (server/audit/chain.ts). */
  detail: string;
  prevHash: Buffer;
  hash: Buffer;
}

/** What appending an audit row needs; the store gives it its seq and hashes. */
export interface NewAuditRow {
  boardId: string;
  at: Date;
  event: string;
  detail: string;
}

/** The audit log: rows are only ever appended (the database refuses UPDATE and DELETE). */
export interface AuditStore {
  /** Append a row after the board's last one, chained to its hash, atomically. */
  appendAudit(row: NewAuditRow): Promise<AuditRow>;
  /** A board's rows, newest first, at most `limit`. */
  listAudit(boardId: string, limit: number): Promise<AuditRow[]>;
  /** Every board id that has audit rows (deleted boards included). */
  auditBoardIds(): Promise<string[]>;
  /** A board's whole chain, oldest first (for verification). */
  readAuditChain(boardId: string): Promise<AuditRow[]>;
}

/** A link issued to one person (issue 17); only its token's hash is kept. */
export interface PersonalLinkRow {
  id: string;
  boardId: string;
  tokenHash: Buffer;
  name: string;
  role: 'edit' | 'view';
  note: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/** Personal links of boards. */
export interface PersonalLinkStore {
  createPersonalLink(link: PersonalLinkRow): Promise<void>;
  /** A board's links, oldest first, revoked ones included. */
  listPersonalLinks(boardId: string): Promise<PersonalLinkRow[]>;
  /** The link whose token has this hash, or undefined. */
  getPersonalLinkByHash(tokenHash: Buffer): Promise<PersonalLinkRow | undefined>;
  /** Mark a link revoked at `at`; the row as it is now, or undefined for no such link of the board. */
  revokePersonalLink(boardId: string, linkId: string, at: Date): Promise<PersonalLinkRow | undefined>;
  /** Note that a link was used at `at`. */
  touchPersonalLink(linkId: string, at: Date): Promise<void>;
}

/** What deleting a board removed. */
export interface ErasedBoard {
  /** Records deleted with it (0 when they were kept). */
  records: number;
  /** The boards removed: the one asked for, and for a workshop its group boards and private areas. */
  boards: string[];
}

/** Real deletion: rows removed and their space compacted, so their content is gone from the file. */
export interface ErasureStore {
  /**
   * Remove a board: its row, document updates and snapshot, personal links and (unless
   * `keepRecords`) its records — for a workshop's state document, the whole workshop with its
   * group boards, members and their private areas — then compact the freed space (SQLite VACUUM and a WAL
   * truncation; PostgreSQL VACUUM). Audit rows stay. False-y `undefined` for an unknown board.
   */
  eraseBoard(boardId: string, opts: { keepRecords: boolean }): Promise<ErasedBoard | undefined>;
  /**
   * Ordinary boards whose document last changed at or before `cutoff`, and workshops (by their
   * state document's id) whose every document — state, group boards, private areas — did.
   */
  boardsUntouchedSince(cutoff: Date): Promise<{ id: string; updatedAt: Date }[]>;
  /** Records made at or before `cutoff` (of live boards and of deleted ones), oldest first. */
  recordsCreatedBefore(cutoff: Date): Promise<{ id: string; boardId: string; createdAt: Date }[]>;
  /** Delete the given records and compact; how many went. */
  eraseRecords(records: readonly { id: string; boardId: string }[]): Promise<number>;
}

/** How far re-sealing got (keys:rotate). */
export interface ResealProgress {
  updates: number;
  snapshots: number;
  records: number;
  /** Board titles and personal links' names and notes. */
  texts: number;
}

/** Key rotation: every sealed value re-sealed with the current key. */
export interface KeyRotationStore {
  /**
   * Re-seal every stored update, snapshot, record (state and texts), board title and personal
   * link name and note not sealed with the current key
   * (plain ones included), in small transactions, yielding between them so a running server
   * goes on. Resolves with how many values were re-sealed.
   */
  resealAll(): Promise<ResealProgress>;
}

/**
 * Everything the server keeps, split by consumer (the relay takes a `DocumentStore`, each
 * feature its own part), with a SQLite and a PostgreSQL implementation;
 * `tests/integration/storageContract.ts` runs each part's suite against both.
 * A store that cannot reach its database rejects with `StorageUnavailableError`.
 */
export interface Storage extends DocumentStore, BoardStore, RecordStore, WorkshopStore, AuditStore, PersonalLinkStore, ErasureStore, KeyRotationStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Whether the store answers now. */
  health(): Promise<StorageHealth>;
  /** Flush and close. */
  close(): Promise<void>;
}
