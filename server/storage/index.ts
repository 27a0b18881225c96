export type { Attendee, BoardRow, LinkGenerations, MeetingRecordMeta, MeetingRecordRow, MemberRow, NewBoard, WorkshopRow, Storage, StorageHealth, StoredDocument, DocumentStore, BoardStore, RecordStore, WorkshopStore } from './Storage.ts';
export { StorageUnavailableError, isStorageUnavailable } from './Storage.ts';
export { SqliteStorage, type SqliteStorageOptions } from './SqliteStorage.ts';
export { PostgresStorage, type PostgresStorageOptions } from './PostgresStorage.ts';
