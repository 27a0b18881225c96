import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../helpers/http.ts';
import { buildServerForChild } from '../helpers/childServer.ts';
import { removeDir, startServer, tempDir } from '../helpers/server.ts';

// Issue 17: `npm run audit:verify` finds an edited or removed audit row (SQLite-only: the test
// edits the file directly, as someone with access to the disk would, after dropping the triggers).
describe('audit:verify on a tampered SQLite file', () => {
  const dataDir = tempDir();
  let build: { entry: string; remove: () => void };
  const verify = () => {
    const tool = path.join(path.dirname(build.entry), 'tools', 'auditVerify.js');
    const run = spawnSync(process.execPath, [tool], { env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, encoding: 'utf8' });
    return { code: run.status, out: `${run.stdout}${run.stderr}` };
  };
  let boards: { id: string }[] = [];

  beforeAll(async () => {
    build = buildServerForChild();
    const srv = await startServer({ dataDir });
    const a = await srv.createBoard({ title: 'A' });
    const b = await srv.createBoard({ title: 'B' });
    for (const board of [a, b]) {
      for (let i = 0; i < 3; i++) expect((await api(srv.baseUrl, 'GET', `/api/boards/${board.id}/export.tldr`, { token: board.tokens.view })).status).toBe(200);
    }
    boards = [a, b];
    await srv.stop();
  });
  afterAll(() => {
    build.remove();
    removeDir(dataDir);
  });

  it('passes an intact log and names the first bad row of each tampered board', () => {
    const intact = verify();
    expect(intact.out).toContain('2 boards, 8 rows');
    expect(intact.code).toBe(0);

    const db = new Database(path.join(dataDir, 'renkei.db'));
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    db.prepare(`UPDATE audit_log SET detail = '{"format":"pdf","ip":"127.0.0.1","link":"view"}' WHERE board_id = ? AND seq = 3`).run(boards[0]!.id);
    db.prepare('DELETE FROM audit_log WHERE board_id = ? AND seq = 2').run(boards[1]!.id);
    db.close();

    const tampered = verify();
    expect(tampered.code).toBe(1);
    expect(tampered.out).toContain(`board ${boards[0]!.id}, first bad row seq 3 (hash)`);
    expect(tampered.out).toContain(`board ${boards[1]!.id}, first bad row seq 3 (seq-gap)`);
  });
});
