/**
 * Named points of a board's load, as User Timing marks (`performance.mark`), so the client
 * bench and the browser's profiler can say where the time between navigation and an
 * interactive board goes. Read them with `performance.getEntriesByType('mark')`.
 */
export type LoadMark =
  /** The app's modules are evaluated and it starts rendering. */
  | 'app-start'
  /** The board's info (title, role) came back from the API. */
  | 'board-info'
  /** The Y.Doc, its IndexedDB copy and the websocket provider exist. */
  | 'connection'
  /** IndexedDB delivered what this browser kept of the board. */
  | 'idb-synced'
  /** The server's state of the board reached the doc (first sync). */
  | 'ws-synced'
  /** The tldraw store holds the board. */
  | 'store-loaded'
  /** tldraw's editor is mounted with the board's shapes drawn. */
  | 'editor-mounted';

/** The prefix of every mark this app sets. */
export const LOAD_MARK_PREFIX = 'renkei:';

/** Sets a load mark once per page (the first time is the one that counts). */
export function markLoad(name: LoadMark): void {
  const full = `${LOAD_MARK_PREFIX}${name}`;
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  if (performance.getEntriesByName(full, 'mark').length > 0) return;
  performance.mark(full);
}
