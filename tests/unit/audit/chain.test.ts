import { describe, expect, it } from 'vitest';
import { canonicalJson, chainHash, GENESIS_HASH, verifyChain, type ChainedRow } from '../../../server/audit/chain.ts';

/** A well-formed chain of `n` rows for one board. */
function chain(n: number): ChainedRow[] {
  const rows: ChainedRow[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const content = { boardId: 'board-a', seq, atMs: 1_800_000_000_000 + seq * 1000, event: 'session.opened', detail: canonicalJson({ ip: `10.0.0.${seq}`, link: 'edit' }) };
    const hash = chainHash(prev, content);
    rows.push({ ...content, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('audit hash chain', () => {
  it('holds for rows written in order', () => {
    expect(verifyChain(chain(5))).toBeUndefined();
    expect(verifyChain([])).toBeUndefined();
  });

  it('names the edited row when a detail changes', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, detail: canonicalJson({ ip: '192.168.1.1', link: 'edit' }) };
    expect(verifyChain(rows)).toEqual({ boardId: 'board-a', seq: 3, reason: 'hash' });
  });

  it('names the row after a removed one', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(verifyChain(rows)).toEqual({ boardId: 'board-a', seq: 3, reason: 'seq-gap' });
  });

  it('catches a row whose hash was recomputed after an edit (the next row no longer chains to it)', () => {
    const rows = chain(4);
    const edited = { ...rows[1]!, event: 'session.closed' };
    rows[1] = { ...edited, hash: chainHash(edited.prevHash, edited) };
    expect(verifyChain(rows)).toEqual({ boardId: 'board-a', seq: 3, reason: 'prev-hash' });
  });

  it('sorts keys at every depth, so equal details hash alike', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
    expect(canonicalJson({ a: undefined, b: 'x' })).toBe('{"b":"x"}');
  });
});
