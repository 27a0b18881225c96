import type { AuditStore } from '../storage/index.ts';
import { verifyChain, type ChainBreak } from './chain.ts';

/** What checking every board's chain found. */
export interface AuditVerification {
  boards: number;
  rows: number;
  /** The first bad row of each broken board. */
  broken: ChainBreak[];
}

/** Check the hash chain of every board's audit log (`npm run audit:verify`). */
export async function verifyAuditLog(store: AuditStore): Promise<AuditVerification> {
  const ids = await store.auditBoardIds();
  let rows = 0;
  const broken: ChainBreak[] = [];
  for (const id of ids) {
    const chain = await store.readAuditChain(id);
    rows += chain.length;
    const bad = verifyChain(chain.map((r) => ({ ...r, atMs: r.at.getTime() })));
    if (bad) broken.push(bad);
  }
  return { boards: ids.length, rows, broken };
}
