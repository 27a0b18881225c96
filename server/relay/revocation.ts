import { CAPABILITIES, type Capability } from '../../shared/protocol/index.ts';
import type { Session } from './Session.ts';

/**
 * Links taken away on a board (SPEC R7): every session of the named roles (a rotation), or of
 * the named tokens (a removed member, a revoked personal link). Travels on the bus, so token
 * hashes are hex and no token is ever in it.
 */
export interface Revocation {
  roles?: Capability[];
  tokenHashes?: string[];
  /** The board was deleted (issue 17): every session closes with BoardGone and the room goes. */
  gone?: true;
}

/** Whether a revocation covers a session. */
export function matchesRevocation(r: Revocation, session: Session): boolean {
  if (r.gone) return true;
  if (r.roles?.includes(session.capability)) return true;
  const hash = session.credential?.tokenHash.toString('hex');
  return hash !== undefined && (r.tokenHashes?.includes(hash) ?? false);
}

/** Parse a revocation from the bus; undefined when it is not one. */
export function parseRevocation(value: unknown): Revocation | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as { roles?: unknown; tokenHashes?: unknown; gone?: unknown };
  if (v.gone === true) return { gone: true };
  const roles = Array.isArray(v.roles) ? v.roles.filter((r): r is Capability => (CAPABILITIES as readonly unknown[]).includes(r)) : undefined;
  const tokenHashes = Array.isArray(v.tokenHashes) ? v.tokenHashes.filter((h): h is string => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h)) : undefined;
  if (!roles?.length && !tokenHashes?.length) return undefined;
  return { ...(roles?.length ? { roles } : {}), ...(tokenHashes?.length ? { tokenHashes } : {}) };
}
