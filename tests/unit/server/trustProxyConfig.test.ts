import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.ts';

// TRUST_PROXY takes Express's `trust proxy` values except a bare true (issue 12, section 4).
describe('TRUST_PROXY', () => {
  const load = (v: string | undefined) => loadConfig({ TRUST_PROXY: v });

  it('trusts nobody by default', () => {
    const r = load(undefined);
    expect(r.ok && r.config.trustProxy).toBe(false);
    const f = load('false');
    expect(f.ok && f.config.trustProxy).toBe(false);
  });

  it('refuses a bare true with a message that says what to set instead', () => {
    for (const v of ['true', 'yes']) {
      const r = load(v);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors.join('\n')).toMatch(/TRUST_PROXY=true.*number of proxies.*loopback/);
    }
  });

  it('takes a hop count', () => {
    const r = load('2');
    expect(r.ok && r.config.trustProxy).toEqual({ hops: 2 });
  });

  it('takes a list of addresses, CIDRs and names', () => {
    const r = load('loopback, 10.0.0.0/8 ,fd00::/8');
    expect(r.ok && r.config.trustProxy).toEqual({ addresses: ['loopback', '10.0.0.0/8', 'fd00::/8'] });
  });

  it('refuses an address that is not one, naming it', () => {
    const r = load('loopback,proxy.example.jp');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/TRUST_PROXY: .*proxy\.example\.jp/);
  });
});

describe('CREATES_PER_IP_PER_HOUR', () => {
  it('defaults to a limit and accepts 0 for none', () => {
    const d = loadConfig({});
    expect(d.ok && d.config.limits.createsPerIpPerHour).toBe(120);
    const off = loadConfig({ CREATES_PER_IP_PER_HOUR: '0' });
    expect(off.ok && off.config.limits.createsPerIpPerHour).toBe(0);
    expect(loadConfig({ CREATES_PER_IP_PER_HOUR: 'many' }).ok).toBe(false);
  });
});
