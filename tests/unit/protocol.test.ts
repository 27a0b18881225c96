import { describe, expect, it } from 'vitest';
import { capabilityAtLeast, canWrite, CloseReason, CloseCode, PERMANENT_CLOSE_CODES, boardLink } from '../../shared/protocol/index.ts';

describe('capabilities', () => {
  it('orders owner > edit > view', () => {
    expect(capabilityAtLeast('owner', 'edit')).toBe(true);
    expect(capabilityAtLeast('edit', 'owner')).toBe(false);
    expect(capabilityAtLeast('view', 'view')).toBe(true);
    expect(canWrite('view')).toBe(false);
    expect(canWrite('edit')).toBe(true);
  });
  it('names every close code with a short reason', () => {
    for (const code of Object.values(CloseCode)) {
      const reason = CloseReason[code];
      expect(reason).toMatch(/^[a-z-]+$/);
      expect(Buffer.byteLength(reason)).toBeLessThanOrEqual(123);
    }
    expect(PERMANENT_CLOSE_CODES.has(CloseCode.TokenRevoked)).toBe(true);
  });
  it('puts the token in the fragment of a link', () => {
    const link = boardLink('https://example.org', 'abcDEF123', 'tok/en+');
    expect(new URL(link).pathname).toBe('/b/abcDEF123');
    expect(new URL(link).hash).toBe('#t=tok%2Fen%2B');
  });
});
