// proxy-addr (the module Express uses for `req.ip`) ships no types; only what we call is declared.
declare module 'proxy-addr' {
  import type { IncomingMessage } from 'node:http';
  /** Decides whether the hop at `addr` (index `i` counted from the socket) is a trusted proxy. */
  export type TrustFn = (addr: string, i: number) => boolean;
  /** The client address: the first untrusted hop, walking `X-Forwarded-For` from the socket. */
  function proxyaddr(req: IncomingMessage, trust: TrustFn): string;
  namespace proxyaddr {
    /** Compile addresses, CIDRs and the names loopback, linklocal, uniquelocal; throws on a bad one. */
    function compile(val: string | string[]): TrustFn;
  }
  export default proxyaddr;
}
