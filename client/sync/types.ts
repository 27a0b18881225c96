import type * as Y from 'yjs';
import type { TLStore } from 'tldraw';

/**
 * Why the binding will not write to the document. Once set it stays set for the binding's
 * lifetime: the cure is a newer app (a reload), not a retry.
 */
export type ReadOnlyReason =
  /** The document was written by a newer app: these sequences are unknown or ahead of ours. */
  | { kind: 'schema-too-new'; sequences: readonly string[] }
  /** `meta.schema` is not a tldraw serialized schema. */
  | { kind: 'schema-unreadable'; detail: string }
  /** The document is older than us but its records could not be migrated. */
  | { kind: 'migration-failed'; detail: string };

/** Why one record of the document was not applied to the store. */
export type InvalidRecordReason =
  | 'not-a-record'
  | 'id-mismatch'
  | 'not-document-scoped'
  | 'migration-failed'
  | 'validation-failed';

/** One record of the document that the binding skipped. */
export interface InvalidRecordReport {
  key: string;
  reason: InvalidRecordReason;
  value: unknown;
  error?: unknown;
}

/** Where the binding logs what it cannot report through a callback. */
export interface BindingLogger {
  warn(message: string, data?: unknown): void;
  error(message: string, data?: unknown): void;
}

/** Options of {@link YjsStoreBinding}: one typed object, hooks named after their phase. */
export interface YjsStoreBindingOptions {
  doc: Y.Doc;
  store: TLStore;
  /**
   * False for a `view` connection: the binding then never writes to the doc (the server would
   * drop the update and the local doc would drift), but still applies and migrates what arrives.
   * Default true.
   */
  canWrite?: boolean;
  /** Called when the binding becomes read-only because of the document's schema. */
  onReadOnly?: (reason: ReadOnlyReason) => void;
  /** Called for every document value the binding skips; defaults to `logger.warn`. */
  onInvalidRecord?: (report: InvalidRecordReport) => void;
  /** Defaults to `console`. */
  logger?: BindingLogger;
}
