/** A workshop this browser created: the facilitator link, kept like a board's owner link. */
export interface FacilitatedWorkshop {
  id: string;
  title: string;
  joinCode: string;
  token: string;
  createdAt: string;
}

/** This browser's membership of a workshop, as the join answered it. */
export interface Membership {
  workshopId: string;
  title: string;
  joinCode: string;
  token: string;
  boardId: string;
  privateBoardId: string;
  groupIndex: number;
  joinedAt: string;
}

const FACILITATED_KEY = 'renkei.workshops.facilitated';
const MEMBER_PREFIX = 'renkei.workshop.member.';

function readJson(key: string): unknown {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null') as unknown;
  } catch {
    return null;
  }
}

/** The workshops created on this browser, newest first. */
export function listFacilitated(): FacilitatedWorkshop[] {
  const raw = readJson(FACILITATED_KEY);
  if (!Array.isArray(raw)) return [];
  return (raw as FacilitatedWorkshop[]).filter((w) => typeof w?.id === 'string' && typeof w.token === 'string' && typeof w.title === 'string');
}

/** Remember a workshop's facilitator link (replacing an older entry of the same id). */
export function rememberFacilitated(w: Omit<FacilitatedWorkshop, 'createdAt'> & { createdAt?: string }): void {
  const entry: FacilitatedWorkshop = { ...w, createdAt: w.createdAt ?? new Date().toISOString() };
  localStorage.setItem(FACILITATED_KEY, JSON.stringify([entry, ...listFacilitated().filter((x) => x.id !== w.id)].slice(0, 50)));
}

/** The facilitator token kept for a workshop, if any. */
export function facilitatorToken(workshopId: string): string | undefined {
  return listFacilitated().find((w) => w.id === workshopId)?.token;
}

/** Forget a created workshop on this browser. */
export function forgetFacilitated(workshopId: string): void {
  localStorage.setItem(FACILITATED_KEY, JSON.stringify(listFacilitated().filter((w) => w.id !== workshopId)));
}

function isMembership(v: unknown): v is Membership {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as Partial<Membership>;
  return typeof m.workshopId === 'string' && typeof m.token === 'string' && typeof m.boardId === 'string' && typeof m.privateBoardId === 'string' && typeof m.groupIndex === 'number';
}

/** Keep this browser's membership of a workshop, keyed by the workshop id. */
export function saveMembership(m: Membership): void {
  localStorage.setItem(MEMBER_PREFIX + m.workshopId, JSON.stringify(m));
}

/** This browser's membership of a workshop, if it joined. */
export function loadMembership(workshopId: string): Membership | undefined {
  const v = readJson(MEMBER_PREFIX + workshopId);
  return isMembership(v) ? v : undefined;
}

/** Every workshop joined on this browser, newest first. */
export function listMemberships(): Membership[] {
  const out: Membership[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (!key?.startsWith(MEMBER_PREFIX)) continue;
    const v = readJson(key);
    if (isMembership(v)) out.push(v);
  }
  return out.sort((a, b) => (a.joinedAt < b.joinedAt ? 1 : -1));
}

/** The membership joined with a code, if any. */
export function membershipByCode(code: string): Membership | undefined {
  const c = code.trim().toUpperCase();
  return listMemberships().find((m) => m.joinCode === c);
}

/** Forget a membership on this browser. */
export function forgetMembership(workshopId: string): void {
  localStorage.removeItem(MEMBER_PREFIX + workshopId);
}
