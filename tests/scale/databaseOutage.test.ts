import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorCode } from '../../shared/protocol/index.ts';
import { api } from '../helpers/http.ts';
import { createBoardAt } from '../helpers/server.ts';
import { TcpProxy } from '../helpers/tcpProxy.ts';
import { ScaleFixture, type Instance } from './helpers.ts';

// SPEC S7: while PostgreSQL cannot be reached, HTTP calls answer 503 naming storage (never a 500
// "internal error", never a hang of minutes), and everything works again once it is back.
describe('PostgreSQL unreachable', () => {
  let fx: ScaleFixture;
  let proxy: TcpProxy;
  let a: Instance;

  beforeAll(async () => {
    fx = await ScaleFixture.create();
    const target = new URL(fx.schema.url);
    proxy = new TcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    await proxy.start();
    target.port = String(proxy.port);
    a = await fx.start('A', { databaseUrl: target.toString() });
  });
  afterAll(async () => {
    await proxy?.cut();
    await fx?.dispose();
  });

  it('answers 503 naming storage while the database is away, and 200 once it is back', async () => {
    const board = await createBoardAt(a.baseUrl, { title: 'DB 停止' });
    await proxy.cut();
    for (const [method, path, token] of [
      ['GET', `/api/boards/${board.id}`, board.tokens.view],
      ['GET', `/api/boards/${board.id}/records`, board.tokens.view],
      ['GET', `/api/boards/${board.id}/export.tldr`, board.tokens.view],
    ] as const) {
      const res = await api(a.baseUrl, method, path, { token });
      expect({ path, status: res.status }).toEqual({ path, status: 503 });
      expect((res.body as { error: { code: string; message: string } }).error.code).toBe(ApiErrorCode.StorageUnavailable);
      expect((res.body as { error: { message: string } }).error.message).toMatch(/storage/);
    }
    const created = await api(a.baseUrl, 'POST', '/api/boards', { json: { title: 'x' } });
    expect(created.status).toBe(503);
    await proxy.restore();
    expect((await api(a.baseUrl, 'GET', `/api/boards/${board.id}`, { token: board.tokens.view })).status).toBe(200);
  }, 60_000);
});
