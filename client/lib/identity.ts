/** Who this browser's participant is: remembered for next time. */
export interface Identity {
  /** A stable random id, used as the tldraw user id (for following). */
  id: string;
  name: string;
  /** A participant role id of the domain model (soudan, caremanager, client, …). */
  role: string;
}

const KEY = 'renkei.identity';
/** The role a new participant starts with in the dialog. */
export const DEFAULT_ROLE = 'soudan';
/** Longest display name kept (the awareness schema's limit). */
export const NAME_MAX = 60;

/** The remembered identity, if the participant has chosen one. */
export function loadIdentity(): Identity | undefined {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Identity> | null;
    if (v && typeof v.id === 'string' && typeof v.name === 'string' && v.name && typeof v.role === 'string') {
      return { id: v.id, name: v.name, role: v.role };
    }
  } catch {
    // A corrupt entry is treated as none.
  }
  return undefined;
}

/** Remember the identity. */
export function saveIdentity(identity: Identity): void {
  localStorage.setItem(KEY, JSON.stringify(identity));
}

/** A new random user id. */
export function newUserId(): string {
  return crypto.randomUUID();
}

/**
 * The identity a dialog's answer makes: the same person (same id, so others keep following
 * them) with a new name or role, or — when `fresh` (「あなたではありませんか？」 on a shared
 * PC) — a new person with a new id. `undefined` when the name is empty.
 */
export function identityFrom(input: { previous: Identity | undefined; fresh: boolean; name: string; role: string }, makeId: () => string = newUserId): Identity | undefined {
  const name = input.name.trim().slice(0, NAME_MAX);
  if (!name) return undefined;
  const id = input.previous && !input.fresh ? input.previous.id : makeId();
  return { id, name, role: input.role };
}
