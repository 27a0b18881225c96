/** A board reference parsed from a pasted link: `/b/<id>#t=<token>`. */
export interface BoardRef {
  boardId: string;
  token: string;
}

const BOARD_PATH = /^\/b\/([A-Za-z0-9_-]{8,64})\/?$/;

/** Parse a board link (absolute or relative); undefined when it is not one. */
export function parseBoardLink(input: string, base = window.location.origin): BoardRef | undefined {
  let url: URL;
  try {
    url = new URL(input.trim(), base);
  } catch {
    return undefined;
  }
  const m = BOARD_PATH.exec(url.pathname);
  const token = new URLSearchParams(url.hash.slice(1)).get('t');
  if (!m?.[1] || !token) return undefined;
  return { boardId: m[1], token };
}

/** The token in the current location's fragment. */
export function tokenFromHash(hash: string): string | undefined {
  return new URLSearchParams(hash.replace(/^#/, '')).get('t') ?? undefined;
}
