import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Paths } from '../../shared/protocol/index.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

// The ruby (ふりがな) switch loads kuromoji's dictionary from our own server, never a CDN.
describe('the kuromoji dictionary route', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.stop());

  it('serves every dictionary file as gzip bytes the browser unpacks itself, cached long', async () => {
    for (const file of ['base.dat.gz', 'check.dat.gz', 'tid.dat.gz', 'tid_pos.dat.gz', 'tid_map.dat.gz', 'cc.dat.gz', 'unk.dat.gz', 'unk_pos.dat.gz', 'unk_map.dat.gz', 'unk_char.dat.gz', 'unk_compat.dat.gz', 'unk_invoke.dat.gz']) {
      const res = await fetch(`${server.baseUrl}${Paths.kuromojiDict}${file}`);
      expect(res.status, file).toBe(200);
      // Not Content-Encoding: gzip, or the browser would unpack it before kuromoji does.
      expect(res.headers.get('content-encoding'), file).toBeNull();
      expect(res.headers.get('cache-control'), file).toMatch(/max-age=\d+/);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(gunzipSync(bytes).length, file).toBeGreaterThan(0);
    }
  });

  it('answers 404 for anything else under it, and lists nothing', async () => {
    expect((await fetch(`${server.baseUrl}${Paths.kuromojiDict}nope.dat.gz`)).status).toBe(404);
    expect((await fetch(`${server.baseUrl}${Paths.kuromojiDict}`)).status).toBe(404);
    expect((await fetch(`${server.baseUrl}${Paths.kuromojiDict}..%2Fpackage.json`)).status).toBe(404);
  });
});
