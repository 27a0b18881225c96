import type { IncomingMessage } from 'node:http';
import proxyaddr, { type TrustFn } from 'proxy-addr';

/**
 * Which proxies in front of the server are trusted to report the client address:
 * none, a hop count, or a list of addresses / CIDRs / `loopback`, `linklocal`,
 * `uniquelocal` — Express's `trust proxy` values, except a bare `true` (that would let
 * any client pick its own address with `X-Forwarded-For`).
 */
export type TrustProxy = false | { hops: number } | { addresses: string[] };

/** The one trust function used by Express (`req.ip`) and by the WebSocket upgrade. */
export function compileTrust(trust: TrustProxy): TrustFn {
  if (trust === false) return () => false;
  if ('hops' in trust) {
    const hops = trust.hops;
    return (_addr, i) => i < hops;
  }
  return proxyaddr.compile(trust.addresses);
}

/** The client address of a request or upgrade, derived exactly as Express derives `req.ip`. */
export function clientIpOf(req: IncomingMessage, trust: TrustFn): string {
  if (!req.socket.remoteAddress) return 'unknown';
  return proxyaddr(req, trust);
}

/**
 * Parse `TRUST_PROXY`: unset/`false`/`0`/`no` → none; a whole number → hops; otherwise a
 * comma-separated list checked by proxy-addr. `true`/`yes` are refused with the reason.
 */
export function parseTrustProxy(raw: string | undefined): { ok: true; value: TrustProxy } | { ok: false; message: string } {
  const v = (raw ?? '').trim();
  if (v === '' || v === 'false' || v === 'no' || v === '0') return { ok: true, value: false };
  if (v === 'true' || v === 'yes') {
    return {
      ok: false,
      message:
        'TRUST_PROXY=true would trust any X-Forwarded-For a client sends; set the number of proxies in front of the server (e.g. 1) or their addresses (e.g. loopback or 10.0.0.0/8)',
    };
  }
  if (/^\d+$/.test(v)) return { ok: true, value: { hops: Number(v) } };
  const addresses = v.split(',').map((s) => s.trim()).filter(Boolean);
  try {
    proxyaddr.compile(addresses);
  } catch (err) {
    return { ok: false, message: `TRUST_PROXY: ${(err as Error).message} (expected a number of proxies or addresses / CIDRs / loopback, linklocal, uniquelocal)` };
  }
  return { ok: true, value: { addresses } };
}
