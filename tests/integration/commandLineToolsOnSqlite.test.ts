import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsMap } from '../../shared/doc/index.ts';
import { aesGcmCipher, keyIdFor } from '../../server/storage/index.ts';
import { connectClient, putRecord, shapeRecord, waitForDoc } from '../helpers/clients.ts';
import { TEST_CONSENT } from '../helpers/consent.ts';
import { api } from '../helpers/http.ts';
import { buildServerForChild } from '../helpers/childServer.ts';
import { removeDir, startServer, tempDir } from '../helpers/server.ts';

// Issue 17's commands, built as `npm run` runs them, on SQLite files (SQLite-only: the audit test
// edits the file directly, as someone with access to the disk would, after dropping the triggers).
describe('command-line tools on SQLite', () => {
  let build: { entry: string; remove: () => void };
  const run = (tool: string, env: Record<string, string>) => {
    const file = path.join(path.dirname(build.entry), 'tools', `${tool}.js`);
    const r = spawnSync(process.execPath, [file], { env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env }, encoding: 'utf8' });
    return { code: r.status, out: `${r.stdout}${r.stderr}` };
  };
  beforeAll(() => {
    build = buildServerForChild();
  });
  afterAll(() => build.remove());

  describe('audit:verify', () => {
    const dataDir = tempDir();
    let boards: { id: string }[] = [];
    beforeAll(async () => {
      const srv = await startServer({ dataDir });
      const a = await srv.createBoard({ title: 'A' });
      const b = await srv.createBoard({ title: 'B' });
      for (const board of [a, b]) {
        for (let i = 0; i < 3; i++) expect((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/export.tldr`, { token: board.tokens.view })).status).toBe(200);
      }
      boards = [a, b];
      await srv.stop();
    });
    afterAll(() => removeDir(dataDir));

    it('passes an intact log and names the first bad row of each tampered board', () => {
      const intact = run('auditVerify', { DATA_DIR: dataDir });
      expect(intact.out).toContain('2 boards, 8 rows');
      expect(intact.code).toBe(0);

      const db = new Database(path.join(dataDir, 'renkei.db'));
      db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
      db.prepare(`UPDATE audit_log SET detail = '{"format":"pdf","ip":"127.0.0.1","link":"view"}' WHERE board_id = ? AND seq = 3`).run(boards[0]!.id);
      db.prepare('DELETE FROM audit_log WHERE board_id = ? AND seq = 2').run(boards[1]!.id);
      db.close();

      const tampered = run('auditVerify', { DATA_DIR: dataDir });
      expect(tampered.code).toBe(1);
      expect(tampered.out).toContain(`board ${boards[0]!.id}, first bad row seq 3 (hash)`);
      expect(tampered.out).toContain(`board ${boards[1]!.id}, first bad row seq 3 (seq-gap)`);
    });
  });

  describe('keys:rotate', () => {
    const dataDir = tempDir();
    const keyDir = tempDir('renkei-keys-');
    const keyFile = path.join(keyDir, 'data.key');
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    afterAll(() => {
      removeDir(dataDir);
      removeDir(keyDir);
    });

    it('re-seals every value with the current key, after which the old key can go', async () => {
      fs.writeFileSync(keyFile, oldKey.toString('base64'));
      let srv = await startServer({ dataDir, env: { DATA_KEY_FILE: keyFile, COMPACT_EVERY_UPDATES: '3' } });
      const board = await srv.createBoard({ title: '鍵の入れ替え' });
      const a = connectClient(srv.wsUrl, board.id, board.tokens.edit);
      await a.synced;
      for (let i = 0; i < 5; i++) putRecord(a.doc, shapeRecord(`k${i}`));
      const b = connectClient(srv.wsUrl, board.id, board.tokens.view);
      await waitForDoc(b.doc, (d) => recordsMap(d).has('shape:k4'));
      a.destroy();
      b.destroy();
      expect((await api(srv.baseUrl, 'POST', `/api/boards/${board.id}/records`, { token: board.tokens.owner, json: { consent: TEST_CONSENT } })).status).toBe(201);
      await srv.stop();

      const keyIds = () => {
        const db = new Database(path.join(dataDir, 'renkei.db'), { readonly: true });
        try {
          const cipher = aesGcmCipher({ current: 'any', keys: new Map([['any', newKey]]) });
          const blobs = [
            ...db.prepare<[], { v: Buffer }>('SELECT data AS v FROM doc_update_log').all(),
            ...db.prepare<[], { v: Buffer }>('SELECT data AS v FROM doc_snapshots').all(),
            ...db.prepare<[], { v: Buffer }>('SELECT state AS v FROM meeting_records').all(),
          ];
          return new Set(blobs.map((r) => cipher.keyIdOf(r.v)));
        } finally {
          db.close();
        }
      };
      expect(keyIds()).toEqual(new Set([keyIdFor(oldKey)]));

      expect(run('keysRotate', { DATA_DIR: dataDir }).code).toBe(2);
      fs.writeFileSync(keyFile, JSON.stringify({ current: 'k2031', keys: { [keyIdFor(oldKey)]: oldKey.toString('hex'), k2031: newKey.toString('base64') } }));
      const rotated = run('keysRotate', { DATA_DIR: dataDir, DATA_KEY_FILE: keyFile });
      expect(rotated.code, rotated.out).toBe(0);
      expect(rotated.out).toMatch(/re-sealed with the current key）: \d+ updates, [1-9]\d* snapshots, 1 records/);
      expect(keyIds()).toEqual(new Set(['k2031']));

      fs.writeFileSync(keyFile, JSON.stringify({ current: 'k2031', keys: { k2031: newKey.toString('base64') } }));
      srv = await startServer({ dataDir, env: { DATA_KEY_FILE: keyFile } });
      const c = connectClient(srv.wsUrl, board.id, board.tokens.view);
      await c.synced;
      expect(recordsMap(c.doc).has('shape:k4')).toBe(true);
      c.destroy();
      await srv.stop();
    });
  });
});
