export { AuditLog, auditCsv, toEntry, AUDIT_PAGE_LIMIT, type AuditActor, type AuditDetail, type AuditLogOptions } from './AuditLog.ts';
export { canonicalJson, chainHash, verifyChain, GENESIS_HASH, type ChainBreak, type ChainedRow } from './chain.ts';
export { verifyAuditLog, type AuditVerification } from './verify.ts';
