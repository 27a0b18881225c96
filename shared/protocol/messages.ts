/**
 * The y-websocket wire protocol as the relay speaks it: the outer message types and the
 * inner sync-step types of y-protocols. Declared once so the relay, the tests and the
 * fuzzer agree.
 */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/** Inner types of a Sync message (y-protocols/sync). */
export const SyncStep = {
  Step1: 0,
  Step2: 1,
  Update: 2,
} as const;
export type SyncStep = (typeof SyncStep)[keyof typeof SyncStep];

/**
 * The reason of an auth "permission denied" message (y-protocols/auth, type 0) the relay sends a
 * session whose change of locked records it undid (SPEC D7). A stock provider logs it and stays
 * connected; our client reads it and shows 「講師が固定した部分です」.
 */
export const LockedNotice = {
  prefix: 'renkei/locked ',
  /** The reason naming the records (ids separated by spaces; tldraw ids have none). */
  encode: (recordIds: readonly string[]): string => `${LockedNotice.prefix}${recordIds.slice(0, 50).join(' ')}`,
  /** The records a reason names, or undefined when it is not a lock notice. */
  parse: (reason: string): string[] | undefined => (reason.startsWith(LockedNotice.prefix) ? reason.slice(LockedNotice.prefix.length).split(' ').filter(Boolean) : undefined),
} as const;

/** Inner types of an Auth message (y-protocols/auth). */
export const AuthMessage = { PermissionDenied: 0 } as const;

/** A capability token in a URL fragment (`#t=…`), so it never reaches a server's logs. */
const withToken = (path: string, token: string | undefined): string => (token === undefined ? path : `${path}#t=${encodeURIComponent(token)}`);

/** Every URL path the product builds, for client and server alike (never spelled by hand elsewhere). */
export const Paths = {
  ws: '/ws',
  /** A board; with a token, the link that opens it. */
  board: (boardId: string, token?: string) => withToken(`/b/${boardId}`, token),
  /** A saved record of a board, read-only. */
  record: (boardId: string, recordId: string, token?: string) => withToken(`/b/${boardId}/r/${recordId}`, token),
  /** A workshop's dashboard (facilitator) with its token. */
  workshop: (workshopId: string, token?: string) => withToken(`/w/${workshopId}`, token),
  /** A member's own page of a workshop (their token is kept in the browser). */
  workshopGroup: (workshopId: string) => `/w/${workshopId}/g`,
  join: (code: string) => `/j/${code}`,
  /** The board as an accessible outline (issue 16). */
  outline: (boardId: string) => `/b/${boardId}/outline`,
  /** kuromoji's dictionary, served by our own server for the ruby (ふりがな) switch. */
  kuromojiDict: '/dict/kuromoji/',
} as const;

/** The link for a board and token: the token rides in the fragment so it never reaches logs. */
export function boardLink(origin: string, boardId: string, token: string): string {
  return `${origin}${Paths.board(boardId, token)}`;
}
