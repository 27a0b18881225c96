import type pg from 'pg';
import { chainHash, GENESIS_HASH } from '../audit/chain.ts';
import type { AuditRow, ErasedBoard, NewAuditRow, PersonalLinkRow, ResealProgress } from './Storage.ts';
import { aad, type DataCipher } from './DataCipher.ts';

interface AuditPgRow {
  board_id: string;
  seq: string;
  at: Date;
  event: string;
  detail: string;
  prev_hash: Buffer;
  hash: Buffer;
}

interface LinkPgRow {
  id: string;
  board_id: string;
  token_hash: Buffer;
  name: string;
  role: 'edit' | 'view';
  note: string;
  created_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

/** A namespace for the advisory locks that serialise one board's audit appends across instances. */
const AUDIT_LOCK_SPACE = 7_242_017;

/** What the privacy tables need from the PostgreSQL store. */
export interface PostgresPrivacyDeps {
  pool: pg.Pool;
  tx: <T>(work: (c: pg.PoolClient) => Promise<T>) => Promise<T>;
  cipher: DataCipher;
}

/** Rows re-sealed per transaction by keys:rotate. */
const RESEAL_BATCH = 200;

/**
 * The audit log, personal links and erasure on PostgreSQL (issue 17). Several instances
 * append to one board's chain: each append takes a transaction-scoped advisory lock on the
 * board, so the last hash it reads is still the last when it inserts (the primary key
 * (board_id, seq) would refuse a fork anyway).
 */
export class PostgresPrivacy {
  private readonly pool: pg.Pool;
  private readonly tx: PostgresPrivacyDeps['tx'];
  private readonly cipher: DataCipher;

  constructor(deps: PostgresPrivacyDeps) {
    this.pool = deps.pool;
    this.tx = deps.tx;
    this.cipher = deps.cipher;
  }

  async resealAll(): Promise<ResealProgress> {
    const done: ResealProgress = { updates: 0, snapshots: 0, records: 0, texts: 0 };
    const stale = (v: Buffer) => this.cipher.keyIdOf(v) !== this.cipher.currentKeyId;
    for (let after = '0'; ; ) {
      const { rows } = await this.pool.query<{ seq: string; board_id: string; data: Buffer }>('SELECT seq, board_id, data FROM doc_updates WHERE seq > $1 ORDER BY seq LIMIT $2', [after, RESEAL_BATCH]);
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.seq;
      done.updates += await this.tx(async (c) => {
        let n = 0;
        for (const r of rows.filter((r) => stale(r.data))) {
          const a = aad.update(r.board_id);
          n += (await c.query('UPDATE doc_updates SET data = $1 WHERE seq = $2', [this.cipher.seal(this.cipher.open(r.data, a), a), r.seq])).rowCount ?? 0;
        }
        return n;
      });
    }
    for (let after = ''; ; ) {
      const { rows } = await this.pool.query<{ board_id: string; data: Buffer }>('SELECT board_id, data FROM doc_snapshots WHERE board_id > $1 ORDER BY board_id LIMIT $2', [after, RESEAL_BATCH / 10]);
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.board_id;
      done.snapshots += await this.tx(async (c) => {
        let n = 0;
        for (const r of rows.filter((r) => stale(r.data))) {
          const a = aad.snapshot(r.board_id);
          // Only if no compaction replaced it meanwhile.
          n += (await c.query('UPDATE doc_snapshots SET data = $1 WHERE board_id = $2 AND data = $3', [this.cipher.seal(this.cipher.open(r.data, a), a), r.board_id, r.data])).rowCount ?? 0;
        }
        return n;
      });
    }
    const staleText = (v: unknown) => typeof v === 'string' && this.cipher.keyIdOfText(v) !== this.cipher.currentKeyId;
    const reText = (v: string, a: string) => this.cipher.sealText(this.cipher.openText(v, a), a);
    // A JSONB value is re-sealed as a JSON string (sealed) or sealed from its plain JSON.
    const reJson = (v: unknown, a: string) => JSON.stringify(this.cipher.sealText(typeof v === 'string' ? this.cipher.openText(v, a) : JSON.stringify(v), a));
    for (let after = ''; ; ) {
      const { rows } = await this.pool.query<{ id: string; board_id: string; state: Buffer; title: string; note: string; participants: unknown; attendees: unknown; consent: unknown }>(
        'SELECT id, board_id, state, title, note, participants, attendees, consent FROM meeting_records WHERE id > $1 ORDER BY id LIMIT $2',
        [after, RESEAL_BATCH / 10],
      );
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.id;
      done.records += await this.tx(async (c) => {
        let n = 0;
        for (const r of rows) {
          const jsonStale = [r.participants, r.attendees, r.consent].some((v) => v !== null && (typeof v !== 'string' || staleText(v)));
          if (!stale(r.state) && !staleText(r.title) && !staleText(r.note) && !jsonStale) continue;
          const t = (field: string) => aad.recordText(r.board_id, r.id, field);
          const a = aad.record(r.board_id, r.id);
          // The records' trigger lets sealed values change under a permit (never id, time or sha-256).
          await c.query('INSERT INTO record_permits (board_id) VALUES ($1) ON CONFLICT DO NOTHING', [r.board_id]);
          n +=
            (
              await c.query('UPDATE meeting_records SET state = $1, title = $2, note = $3, participants = $4, attendees = $5, consent = $6 WHERE id = $7', [
                this.cipher.seal(this.cipher.open(r.state, a), a),
                reText(r.title, t('title')),
                reText(r.note, t('note')),
                reJson(r.participants, t('participants')),
                reJson(r.attendees, t('attendees')),
                r.consent === null ? null : reJson(r.consent, t('consent')),
                r.id,
              ])
            ).rowCount ?? 0;
          await c.query('DELETE FROM record_permits WHERE board_id = $1', [r.board_id]);
        }
        return n;
      });
    }
    for (let after = ''; ; ) {
      const { rows } = await this.pool.query<{ id: string; title: string }>('SELECT id, title FROM boards WHERE id > $1 ORDER BY id LIMIT $2', [after, RESEAL_BATCH]);
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.id;
      for (const r of rows.filter((r) => staleText(r.title))) {
        done.texts += (await this.pool.query('UPDATE boards SET title = $1 WHERE id = $2 AND title = $3', [reText(r.title, aad.title(r.id)), r.id, r.title])).rowCount ?? 0;
      }
    }
    for (let after = ''; ; ) {
      const { rows } = await this.pool.query<{ id: string; name: string; note: string }>('SELECT id, name, note FROM personal_links WHERE id > $1 ORDER BY id LIMIT $2', [after, RESEAL_BATCH]);
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.id;
      for (const r of rows.filter((r) => staleText(r.name) || staleText(r.note))) {
        done.texts += (await this.pool.query('UPDATE personal_links SET name = $1, note = $2 WHERE id = $3', [reText(r.name, aad.linkText(r.id, 'name')), reText(r.note, aad.linkText(r.id, 'note')), r.id])).rowCount ?? 0;
      }
    }
    return done;
  }

  async appendAudit(row: NewAuditRow): Promise<AuditRow> {
    return this.tx(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [AUDIT_LOCK_SPACE, row.boardId]);
      const last = (await c.query<{ seq: string; hash: Buffer }>('SELECT seq, hash FROM audit_log WHERE board_id = $1 ORDER BY seq DESC LIMIT 1', [row.boardId])).rows[0];
      const seq = (last ? Number(last.seq) : 0) + 1;
      const prevHash = last?.hash ?? GENESIS_HASH;
      const hash = chainHash(prevHash, { boardId: row.boardId, seq, atMs: row.at.getTime(), event: row.event, detail: row.detail });
      await c.query('INSERT INTO audit_log (board_id, seq, at, event, detail, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        row.boardId,
        seq,
        row.at,
        row.event,
        row.detail,
        prevHash,
        hash,
      ]);
      return { ...row, seq, prevHash, hash };
    });
  }

  async listAudit(boardId: string, limit: number): Promise<AuditRow[]> {
    const { rows } = await this.pool.query<AuditPgRow>('SELECT * FROM audit_log WHERE board_id = $1 ORDER BY seq DESC LIMIT $2', [boardId, limit]);
    return rows.map(toAuditRow);
  }

  async auditBoardIds(): Promise<string[]> {
    const { rows } = await this.pool.query<{ board_id: string }>('SELECT DISTINCT board_id FROM audit_log ORDER BY board_id');
    return rows.map((r) => r.board_id);
  }

  async readAuditChain(boardId: string): Promise<AuditRow[]> {
    const { rows } = await this.pool.query<AuditPgRow>('SELECT * FROM audit_log WHERE board_id = $1 ORDER BY seq', [boardId]);
    return rows.map(toAuditRow);
  }

  async createPersonalLink(l: PersonalLinkRow): Promise<void> {
    await this.pool.query(
      'INSERT INTO personal_links (id, board_id, token_hash, name, role, note, created_at, expires_at, revoked_at, last_used_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
      [l.id, l.boardId, l.tokenHash, this.cipher.sealText(l.name, aad.linkText(l.id, 'name')), l.role, this.cipher.sealText(l.note, aad.linkText(l.id, 'note')), l.createdAt, l.expiresAt, l.revokedAt, l.lastUsedAt],
    );
  }

  async listPersonalLinks(boardId: string): Promise<PersonalLinkRow[]> {
    const { rows } = await this.pool.query<LinkPgRow>('SELECT * FROM personal_links WHERE board_id = $1 ORDER BY ord', [boardId]);
    return rows.map((r) => this.link(r));
  }

  async getPersonalLinkByHash(tokenHash: Buffer): Promise<PersonalLinkRow | undefined> {
    const { rows } = await this.pool.query<LinkPgRow>('SELECT * FROM personal_links WHERE token_hash = $1', [tokenHash]);
    return rows[0] && this.link(rows[0]);
  }

  async revokePersonalLink(boardId: string, linkId: string, at: Date): Promise<PersonalLinkRow | undefined> {
    const { rows } = await this.pool.query<LinkPgRow>(
      'UPDATE personal_links SET revoked_at = coalesce(revoked_at, $3) WHERE board_id = $1 AND id = $2 RETURNING *',
      [boardId, linkId, at],
    );
    return rows[0] && this.link(rows[0]);
  }

  async touchPersonalLink(linkId: string, at: Date): Promise<void> {
    await this.pool.query('UPDATE personal_links SET last_used_at = GREATEST(last_used_at, $2) WHERE id = $1', [linkId, at]);
  }

  async eraseBoard(boardId: string, opts: { keepRecords: boolean }): Promise<ErasedBoard | undefined> {
    const erased = await this.tx(async (c): Promise<ErasedBoard | undefined> => {
      const found = await c.query<{ kind: string }>('SELECT kind FROM boards WHERE id = $1 FOR UPDATE', [boardId]);
      const kind = found.rows[0]?.kind;
      if (kind === undefined) return undefined;
      let ids = [boardId];
      // A workshop goes whole: its state document, group boards and members' private areas.
      if (kind === 'workshop') {
        const groups = await c.query<{ id: string }>('SELECT board_id AS id FROM workshop_groups WHERE workshop_id = $1 ORDER BY idx', [boardId]);
        const privates = await c.query<{ id: string }>('SELECT private_board_id AS id FROM workshop_members WHERE workshop_id = $1', [boardId]);
        ids = [boardId, ...groups.rows.map((r) => r.id), ...privates.rows.map((r) => r.id)];
        await c.query('DELETE FROM workshop_members WHERE workshop_id = $1', [boardId]);
        await c.query('DELETE FROM workshop_groups WHERE workshop_id = $1', [boardId]);
        await c.query('DELETE FROM workshops WHERE id = $1', [boardId]);
      }
      let records = 0;
      if (!opts.keepRecords) {
        // The records' trigger lets a delete through only while a permit exists.
        for (const id of ids) await c.query('INSERT INTO record_permits (board_id) VALUES ($1) ON CONFLICT DO NOTHING', [id]);
        records = (await c.query('DELETE FROM meeting_records WHERE board_id = ANY($1::text[])', [ids])).rowCount ?? 0;
        await c.query('DELETE FROM record_permits WHERE board_id = ANY($1::text[])', [ids]);
      }
      // Updates, snapshots and personal links go with the rows (ON DELETE CASCADE).
      await c.query('DELETE FROM boards WHERE id = ANY($1::text[])', [ids]);
      return { records, boards: ids };
    });
    if (erased) await this.vacuum();
    return erased;
  }

  async boardsUntouchedSince(cutoff: Date): Promise<{ id: string; updatedAt: Date }[]> {
    const { rows } = await this.pool.query<{ id: string; updated_at: Date }>(
      // Ordinary boards, and whole workshops whose every document (state, groups, private areas) is that old.
      `SELECT id, updated_at FROM boards WHERE kind = 'board' AND workshop_id IS NULL AND updated_at <= $1
       UNION ALL
       SELECT w.id, MAX(b.updated_at) AS updated_at FROM boards w JOIN boards b ON b.id = w.id OR b.workshop_id = w.id
       WHERE w.kind = 'workshop' GROUP BY w.id HAVING MAX(b.updated_at) <= $1
       ORDER BY updated_at`,
      [cutoff],
    );
    return rows.map((r) => ({ id: r.id, updatedAt: r.updated_at }));
  }

  async recordsCreatedBefore(cutoff: Date): Promise<{ id: string; boardId: string; createdAt: Date }[]> {
    const { rows } = await this.pool.query<{ id: string; board_id: string; created_at: Date }>(
      'SELECT id, board_id, created_at FROM meeting_records WHERE created_at <= $1 ORDER BY created_at, id',
      [cutoff],
    );
    return rows.map((r) => ({ id: r.id, boardId: r.board_id, createdAt: r.created_at }));
  }

  async eraseRecords(records: readonly { id: string; boardId: string }[]): Promise<number> {
    if (records.length === 0) return 0;
    const n = await this.tx(async (c) => {
      let count = 0;
      for (const r of records) {
        await c.query('INSERT INTO record_permits (board_id) VALUES ($1) ON CONFLICT DO NOTHING', [r.boardId]);
        count += (await c.query('DELETE FROM meeting_records WHERE board_id = $1 AND id = $2', [r.boardId, r.id])).rowCount ?? 0;
        await c.query('DELETE FROM record_permits WHERE board_id = $1', [r.boardId]);
      }
      return count;
    });
    await this.vacuum();
    return n;
  }

  /** Reclaim the dead rows' space (outside any transaction, as VACUUM must run). */
  private async vacuum(): Promise<void> {
    await this.pool.query('VACUUM doc_updates, doc_snapshots, meeting_records, personal_links, boards');
  }

  /** A link row with its sealed name and note opened. */
  private link(r: Parameters<typeof toLinkRow>[0]): PersonalLinkRow {
    const row = toLinkRow(r);
    return { ...row, name: this.cipher.openText(row.name, aad.linkText(row.id, 'name')), note: this.cipher.openText(row.note, aad.linkText(row.id, 'note')) };
  }
}

function toAuditRow(r: AuditPgRow): AuditRow {
  return { boardId: r.board_id, seq: Number(r.seq), at: r.at, event: r.event, detail: r.detail, prevHash: r.prev_hash, hash: r.hash };
}

function toLinkRow(r: LinkPgRow): PersonalLinkRow {
  return {
    id: r.id,
    boardId: r.board_id,
    tokenHash: r.token_hash,
    name: r.name,
    role: r.role,
    note: r.note,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
    lastUsedAt: r.last_used_at,
  };
}
