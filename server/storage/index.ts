export type { Attendee, KeyRotationStore, ResealProgress, AuditRow, AuditStore, BoardRow, FacilitatorNotesRow, ErasedBoard, ErasureStore, LinkGenerations, MeetingRecordMeta, MeetingRecordRow, MemberRow, NewAuditRow, NewBoard, PersonalLinkRow, PersonalLinkStore, WorkshopRow, Storage, StorageHealth, StoredDocument, DocumentStore, BoardStore, RecordStore, WorkshopStore } from './Storage.ts';
export { StorageUnavailableError, isStorageUnavailable } from './Storage.ts';
export { SqliteStorage, type SqliteStorageOptions } from './SqliteStorage.ts';
// PostgresStorage is imported from './PostgresStorage.ts' where it is used, so an instance on
// SQLite never loads pg (about 13 MB of a 100 MB idle process, bench/memory).
export type { PostgresStorageOptions } from './PostgresStorage.ts';
export { aesGcmCipher, cipherFor, requiredCipher, keyIdFor, PLAIN_CIPHER, readKeyring, type DataCipher, type Keyring } from './DataCipher.ts';
