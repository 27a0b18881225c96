import { createHmac } from 'node:crypto';

/** The roles whose tokens are derived from the owner token. */
export type DerivedRole = 'edit' | 'view';
export const DERIVED_ROLES: readonly DerivedRole[] = ['edit', 'view'];

/**
 * The edit or view token of a board, derived from its owner token: HMAC-SHA256 keyed by the
 * owner token over `renkei-board/link/<role>/<generation>`, base64url (43 characters, the
 * length of a random token).
 *
 * Why: whoever holds the owner link can see the edit and view links in any browser, while the
 * database still holds only sha-256 hashes (a leak reveals no working link: inverting a hash
 * or the HMAC without the owner token is infeasible). Rotation bumps the role's generation,
 * so the new token differs and the old one's hash is gone. The server derives (the owner's
 * request carries the owner token), so the browser needs no WebCrypto (absent on plain-HTTP
 * LAN origins).
 */
export function deriveLinkToken(ownerToken: string, role: DerivedRole, generation: number): string {
  return createHmac('sha256', ownerToken).update(`renkei-board/link/${role}/${generation}`, 'utf8').digest('base64url');
}
