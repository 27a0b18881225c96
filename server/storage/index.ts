export type { Attendee, BoardRow, FacilitatorNotesRow, LinkGenerations, MeetingRecordMeta, MeetingRecordRow, MemberRow, NewBoard, WorkshopRow, Storage, StorageHealth, StoredDocument, DocumentStore, BoardStore, RecordStore, WorkshopStore } from './Storage.ts';
export { StorageUnavailableError, isStorageUnavailable } from './Storage.ts';
export { SqliteStorage, type SqliteStorageOptions } from './SqliteStorage.ts';
// PostgresStorage is imported from './PostgresStorage.ts' where it is used, so an instance on
// SQLite never loads pg (about 13 MB of a 100 MB idle process, bench/memory).
export type { PostgresStorageOptions } from './PostgresStorage.ts';
