/** Who this browser's participant is: remembered for next time. */
export interface Identity {
  /** A stable random id, used as the tldraw user id (for following). */
  id: string;
  name: string;
  /** A participant role id of the domain model (soudan, caremanager, client, …). */
  role: string;
}

const KEY = 'renkei.identity';

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
