import type { Capability } from '../../shared/protocol/index.ts';

/** A board remembered on this browser, with the links it was opened with. */
export interface LocalBoard {
  id: string;
  title: string;
  lastOpened: string;
  /** The tokens known on this browser, by capability. */
  tokens: Partial<Record<Capability, string>>;
}

const KEY = 'renkei.boards';

/** The boards created or opened on this browser, most recent first. */
export function listLocalBoards(): LocalBoard[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    if (!Array.isArray(raw)) return [];
    return (raw as LocalBoard[])
      .filter((b) => typeof b?.id === 'string' && typeof b.title === 'string')
      .sort((a, b) => (a.lastOpened < b.lastOpened ? 1 : -1));
  } catch {
    return [];
  }
}

/** Remember a board (merging tokens with what is known). */
export function rememberBoard(board: { id: string; title: string; tokens: Partial<Record<Capability, string>> }): void {
  const all = listLocalBoards();
  const existing = all.find((b) => b.id === board.id);
  const merged: LocalBoard = {
    id: board.id,
    title: board.title,
    lastOpened: new Date().toISOString(),
    tokens: { ...existing?.tokens, ...board.tokens },
  };
  localStorage.setItem(KEY, JSON.stringify([merged, ...all.filter((b) => b.id !== board.id)].slice(0, 100)));
}

/** Forget a board on this browser. */
export function forgetBoard(id: string): void {
  localStorage.setItem(KEY, JSON.stringify(listLocalBoards().filter((b) => b.id !== id)));
}

/** The strongest token known for a board. */
export function bestToken(board: LocalBoard): { capability: Capability; token: string } | undefined {
  for (const capability of ['owner', 'edit', 'view'] as const) {
    const token = board.tokens[capability];
    if (token) return { capability, token };
  }
  return undefined;
}
