import { TEST_CONSENT } from '../helpers/consent.ts';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createLogger } from '../../server/logger.ts';
import { RenkeiServer } from '../../server/RenkeiServer.ts';
import { ApiErrorCode } from '../../shared/protocol/index.ts';
import { api, apiError } from '../helpers/http.ts';
import { boardWsUrl, tryUpgrade, type UpgradeOutcome } from '../helpers/rawSocket.ts';
import { removeDir, startServer, tempDir, testConfig, type TestServer } from '../helpers/server.ts';

// Issue 12, sections 4 and 6 at the HTTP edge: per-address creation limits, bad-token floods
// that never lock out a valid token, X-Forwarded-For only from configured proxies, join codes
// kept out of the access log, and a CSP that connects to the page's own origin only.

const WRONG_TOKEN = 'x'.repeat(43);

/** A POST/GET with extra headers (the API helper sends none). */
async function call(url: string, init: { method?: string; headers?: Record<string, string>; json?: unknown } = {}) {
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
    ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: (res.headers.get('content-type') ?? '').includes('json') ? (JSON.parse(text) as unknown) : text, headers: res.headers };
}

/** An upgrade with an X-Forwarded-For header. */
function tryUpgradeFrom(url: string, forwardedFor: string): Promise<UpgradeOutcome> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false, headers: { 'x-forwarded-for': forwardedFor } });
    ws.on('error', reject);
    ws.once('unexpected-response', (req, res) => {
      resolve({ opened: false, status: res.statusCode ?? 0 });
      res.resume();
      req.destroy();
    });
    ws.once('open', () => {
      resolve({ opened: true });
      ws.close();
    });
  });
}

describe('HTTP edge', () => {
  const servers: TestServer[] = [];
  const start = async (env: Record<string, string>) => {
    const s = await startServer({ env });
    servers.push(s);
    return s;
  };
  afterAll(async () => {
    for (const s of servers) {
      await s.stop();
      removeDir(s.dataDir);
    }
  });

  it('limits board, import, board-from-record and workshop creation per address with a Japanese-first 429', async () => {
    const srv = await start({ CREATES_PER_IP_PER_HOUR: '2' });
    const board = await srv.createBoard({ title: '一枚目' });
    const file = await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/export.tldr`, { token: board.tokens.view });
    expect(file.status).toBe(200);
    expect((await api(srv.baseUrl, 'POST', '/api/boards/import', { json: { file: file.body } })).status).toBe(201);
    const rec = await api(srv.baseUrl, 'POST', `/api/boards/${board.id}/records`, { token: board.tokens.edit, json: { consent: TEST_CONSENT } });
    expect(rec.status).toBe(201);
    const recordId = (rec.body as { id: string }).id;
    const refused = [
      await api(srv.baseUrl, 'POST', '/api/boards', { json: { title: '三枚目' } }),
      await api(srv.baseUrl, 'POST', `/api/boards/${board.id}/records/${recordId}/boards`, { token: board.tokens.edit, json: {} }),
      await api(srv.baseUrl, 'POST', '/api/boards/import', { json: { file: file.body } }),
      await api(srv.baseUrl, 'POST', '/api/workshops', { json: { title: '研修', template: 'blank', groups: 2 } }),
    ];
    for (const r of refused) {
      expect(r.status).toBe(429);
      const e = apiError(r.body);
      expect(e?.code).toBe(ApiErrorCode.TooManyRequests);
      expect(e?.message).toMatch(/^このアドレスからの作成が多すぎます/);
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // Nothing about existing boards is limited.
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}`, { token: board.tokens.view })).status).toBe(200);
  });

  it('counts bad tokens over HTTP but a valid token from the same address still works', async () => {
    const srv = await start({ BAD_TOKEN_ATTEMPTS_PER_MINUTE: '3' });
    const b = await srv.createBoard();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await api(srv.baseUrl, 'GET', `/api/boards/${b.id}`, { token: `${WRONG_TOKEN}${i}` })).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const flooded = await api(srv.baseUrl, 'GET', `/api/boards/${b.id}/records`, { token: WRONG_TOKEN });
    expect(apiError(flooded.body)?.code).toBe(ApiErrorCode.TooManyRequests);
    // During the flood: valid tokens of every role still work, over HTTP and the upgrade.
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${b.id}`, { token: b.tokens.view })).status).toBe(200);
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${b.id}/records`, { token: b.tokens.edit })).status).toBe(200);
    expect(await tryUpgrade(boardWsUrl(srv.wsUrl, b.id, b.tokens.edit))).toEqual({ opened: true });
    expect(await tryUpgrade(boardWsUrl(srv.wsUrl, b.id, WRONG_TOKEN))).toEqual({ opened: false, status: 429 });
  });

  it('counts bad tokens over the upgrade but a valid token from the same address still opens', async () => {
    const srv = await start({ BAD_TOKEN_ATTEMPTS_PER_MINUTE: '3' });
    const b = await srv.createBoard();
    const outcomes: UpgradeOutcome[] = [];
    for (let i = 0; i < 4; i++) outcomes.push(await tryUpgrade(boardWsUrl(srv.wsUrl, b.id, `${WRONG_TOKEN}${i}`)));
    expect(outcomes.map((o) => (o.opened ? 'open' : o.status))).toEqual([401, 401, 401, 429]);
    expect(await tryUpgrade(boardWsUrl(srv.wsUrl, b.id, b.tokens.view))).toEqual({ opened: true });
    // The HTTP side shares the count.
    expect((await api(srv.baseUrl, 'GET', `/api/boards/${b.id}`, { token: WRONG_TOKEN })).status).toBe(429);
  });

  it('with no proxy configured, a spoofed X-Forwarded-For does not escape the per-address limits', async () => {
    const srv = await start({ BAD_TOKEN_ATTEMPTS_PER_MINUTE: '2', CREATES_PER_IP_PER_HOUR: '1' });
    const b = await srv.createBoard();
    const created = await call(`${srv.baseUrl}/api/boards`, { method: 'POST', json: {}, headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(created.status).toBe(429);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await call(`${srv.baseUrl}/api/boards/${b.id}`, { headers: { authorization: `Bearer ${WRONG_TOKEN}`, 'x-forwarded-for': `198.51.100.${i}` } });
      statuses.push(r.status);
    }
    expect(statuses).toEqual([401, 401, 429, 429]);
    expect(await tryUpgradeFrom(boardWsUrl(srv.wsUrl, b.id, WRONG_TOKEN), '192.0.2.99')).toEqual({ opened: false, status: 429 });
  });

  it('with TRUST_PROXY=loopback, the address the proxy reports is the client, the same for HTTP and the upgrade', async () => {
    const srv = await start({ BAD_TOKEN_ATTEMPTS_PER_MINUTE: '2', TRUST_PROXY: 'loopback' });
    const b = await srv.createBoard();
    const bad = (ip: string) => call(`${srv.baseUrl}/api/boards/${b.id}`, { headers: { authorization: `Bearer ${WRONG_TOKEN}`, 'x-forwarded-for': ip } });
    expect((await bad('198.51.100.1')).status).toBe(401);
    expect((await bad('198.51.100.1')).status).toBe(401);
    expect((await bad('198.51.100.1')).status).toBe(429);
    // The upgrade derives the same address: blocked for .1, not for .2.
    expect(await tryUpgradeFrom(boardWsUrl(srv.wsUrl, b.id, WRONG_TOKEN), '198.51.100.1')).toEqual({ opened: false, status: 429 });
    expect(await tryUpgradeFrom(boardWsUrl(srv.wsUrl, b.id, WRONG_TOKEN), '198.51.100.2')).toEqual({ opened: false, status: 401 });
    // A client-supplied address in front of the proxy's is not trusted (only loopback hops are).
    expect((await bad('198.51.100.9, 198.51.100.1')).status).toBe(429);
  });

  it('keeps join codes out of the access log', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    const dataDir = tempDir();
    const config = testConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    const server = new RenkeiServer({ config, logger: createLogger('info', sink) });
    const port = await server.listen();
    try {
      const base = `http://127.0.0.1:${port}`;
      const w = await api(base, 'POST', '/api/workshops', { json: { title: '研修', template: 'blank', groups: 2 } });
      expect(w.status).toBe(201);
      const code = (w.body as { joinCode: string }).joinCode;
      expect((await api(base, 'GET', `/api/workshops/join/${code}`)).status).toBe(200);
      expect((await api(base, 'GET', `/api/workshops/join/${code.toLowerCase()}`)).status).toBe(200);
      expect((await api(base, 'GET', '/api/workshops/join/ZZZZZZ')).status).toBe(404);
      const joinLogged = (): boolean => lines.filter((l) => l.includes('/api/workshops/join/')).length >= 3;
      await new Promise<void>((resolve) => {
        const check = () => (joinLogged() ? resolve() : setImmediate(check));
        check();
      });
      const all = lines.join('\n');
      expect(all).toContain('/api/workshops/join/[code]');
      expect(all).not.toContain(code);
      expect(all.toUpperCase()).not.toContain(code);
      expect(all).not.toContain('ZZZZZZ');
    } finally {
      await server.stop();
      removeDir(dataDir);
    }
  });

  it('lets the page connect to its own origin only (CSP connect-src)', async () => {
    const srv = await start({});
    const res = await fetch(`${srv.baseUrl}/api/health`);
    const csp = res.headers.get('content-security-policy') ?? '';
    const connect = /connect-src ([^;]*)/.exec(csp)?.[1]?.split(/\s+/) ?? [];
    expect(connect).toContain("'self'");
    expect(connect.filter((s) => /^(wss?|https?):/.test(s))).toEqual([]);
  });
});
