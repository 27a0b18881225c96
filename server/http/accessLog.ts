/**
 * The path of a request as the access log may show it: no query string (tokens travel
 * there), and no workshop join code — a code is a credential for joining, so
 * `/api/workshops/join/ABC234` and the join page `/j/ABC234` are logged with `[code]`.
 */
export function accessLogPath(url: string | undefined): string {
  const path = (url ?? '').split('?')[0] ?? '';
  return path.replace(/^(\/api\/workshops\/join\/|\/j\/)[^/]+/i, '$1[code]');
}
