import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { CAPABILITIES, type Capability } from '../../shared/protocol/index.ts';

/** A new capability token: 32 random bytes, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A new board or record id: 16 random bytes, base64url (22 characters). */
export function newId(): string {
  return randomBytes(16).toString('base64url');
}

/** The stored form of a token: its sha-256. */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Three fresh tokens and their hashes. */
export function newTokenTriple(): { tokens: Record<Capability, string>; hashes: Record<Capability, Buffer> } {
  const tokens = { owner: newToken(), edit: newToken(), view: newToken() };
  return { tokens, hashes: { owner: hashToken(tokens.owner), edit: hashToken(tokens.edit), view: hashToken(tokens.view) } };
}

/**
 * The capability a token grants against a board's stored hashes, compared in constant time.
 * Every hash is compared, whatever matched, so timing says nothing about which one did.
 */
export function capabilityForToken(token: string | undefined, hashes: Record<Capability, Buffer>): Capability | undefined {
  if (typeof token !== 'string' || token.length === 0 || token.length > 512) return undefined;
  return capabilityForHash(hashToken(token), hashes);
}

/** The capability a token's hash grants against a board's stored hashes, in constant time. */
export function capabilityForHash(candidate: Buffer, hashes: Record<Capability, Buffer>): Capability | undefined {
  let found: Capability | undefined;
  for (const cap of CAPABILITIES) {
    const stored = hashes[cap];
    if (stored.length === candidate.length && timingSafeEqual(stored, candidate) && found === undefined) found = cap;
  }
  return found;
}

/** Constant-time comparison of two secrets of any length. */
export function secretsEqual(a: string, b: string): boolean {
  return timingSafeEqual(hashToken(a), hashToken(b));
}
