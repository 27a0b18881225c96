import { createHash } from 'node:crypto';

/** The hash a board's first audit row chains from: 32 zero bytes. */
export const GENESIS_HASH: Buffer = Buffer.alloc(32);

/** An audit row's content, as hashed. */
export interface AuditContent {
  boardId: string;
  seq: number;
  /** Milliseconds since the epoch. */
  atMs: number;
  event: string;
  /** The detail exactly as stored: canonical JSON (see {@link canonicalJson}). */
  detail: string;
}

/** JSON with object keys sorted at every depth, so the same detail always hashes alike. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/**
 * A row's hash: sha-256 over the previous row's hash and the row's canonical content, so
 * changing, removing or reordering any row changes every hash after it.
 */
export function chainHash(prevHash: Buffer, row: AuditContent): Buffer {
  const content = JSON.stringify([row.boardId, row.seq, row.atMs, row.event, row.detail]);
  return createHash('sha256').update(prevHash).update(content, 'utf8').digest();
}

/** A stored row as the verifier reads it. */
export interface ChainedRow extends AuditContent {
  prevHash: Buffer;
  hash: Buffer;
}

/** Where a chain breaks: the first bad row and why. */
export interface ChainBreak {
  boardId: string;
  seq: number;
  reason: 'seq-gap' | 'prev-hash' | 'hash';
}

/**
 * Check one board's rows, oldest first: seqs 1, 2, 3 … without a gap, each row's prev_hash
 * the hash of the row before (the genesis hash for the first), each hash recomputed.
 * Returns the first break, or undefined when the chain holds.
 */
export function verifyChain(rows: Iterable<ChainedRow>): ChainBreak | undefined {
  let prev = GENESIS_HASH;
  let expectSeq = 1;
  for (const row of rows) {
    if (row.seq !== expectSeq) return { boardId: row.boardId, seq: row.seq, reason: 'seq-gap' };
    if (!row.prevHash.equals(prev)) return { boardId: row.boardId, seq: row.seq, reason: 'prev-hash' };
    if (!chainHash(prev, row).equals(row.hash)) return { boardId: row.boardId, seq: row.seq, reason: 'hash' };
    prev = row.hash;
    expectSeq++;
  }
  return undefined;
}
