import { z } from 'zod';

/** What the audit log records (issue 17): no tokens and no board content, ever. */
export const AUDIT_EVENTS = [
  'board.created',
  'board.imported',
  'board.deleted',
  'link.issued',
  'link.rotated',
  'link.revoked',
  'session.opened',
  'session.closed',
  'record.saved',
  'record.expired',
  'minutes.opened',
  'export.downloaded',
  'retention.board-deleted',
] as const;
export const AuditEventSchema = z.enum(AUDIT_EVENTS);
export type AuditEvent = z.infer<typeof AuditEventSchema>;

/** Which link acted: a role's shared link, a personal link, a workshop member or its facilitator. */
export const AuditLinkSchema = z.enum(['owner', 'edit', 'view', 'personal', 'member', 'facilitator', 'system']);
export type AuditLink = z.infer<typeof AuditLinkSchema>;

/** One audit row as the API answers it. */
export const AuditEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  event: AuditEventSchema,
  /** The event's facts: link, linkId, linkName, role, ip, format, recordId, … */
  detail: z.record(z.string(), z.unknown()),
  /** This row's chain hash (hex), for cross-checking with `npm run audit:verify`. */
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** Query of `GET /api/boards/:id/audit`. */
export const AuditQuerySchema = z.object({ format: z.enum(['json', 'csv']).default('json') }).strict();

/** Body of `DELETE /api/boards/:id`: the title typed again, and whether records stay. */
export const DeleteBoardRequestSchema = z
  .object({
    confirm: z.string().max(400),
    keepRecords: z.boolean().default(false),
  })
  .strict();
export type DeleteBoardRequest = z.infer<typeof DeleteBoardRequestSchema>;

/** Answer of `DELETE /api/boards/:id`. */
export const DeletedBoardSchema = z.object({ id: z.string(), deleted: z.literal(true), recordsDeleted: z.number().int(), recordsKept: z.boolean() });
export type DeletedBoard = z.infer<typeof DeletedBoardSchema>;

/** A personal link's role: edit or view (the owner link is never personal). */
export const PersonalLinkRoleSchema = z.enum(['edit', 'view']);

/** Body of `POST /api/boards/:id/personal-links`. */
export const CreatePersonalLinkRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    role: PersonalLinkRoleSchema,
    /** ISO 8601 instant after which the link no longer opens the board. */
    expiresAt: z.iso.datetime({ offset: true }).optional(),
    note: z.string().trim().max(500).optional(),
  })
  .strict();
export type CreatePersonalLinkRequest = z.infer<typeof CreatePersonalLinkRequestSchema>;

/** A personal link as its board's owner sees it (never its token, except once when issued). */
export const PersonalLinkInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: PersonalLinkRoleSchema,
  note: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type PersonalLinkInfo = z.infer<typeof PersonalLinkInfoSchema>;

/** Answer of issuing a personal link: the only time its token and link are shown. */
export const CreatedPersonalLinkSchema = PersonalLinkInfoSchema.extend({ token: z.string(), link: z.string() });
export type CreatedPersonalLink = z.infer<typeof CreatedPersonalLinkSchema>;

export const PersonalLinkIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'invalid link id');

/** Answer of `GET /api/boards/:id/retention` (owner): when what will be deleted, by the server's settings. */
export const RetentionInfoSchema = z.object({
  /** The server's RETENTION_DAYS and RECORD_RETENTION_DAYS; null keeps forever. */
  boardDays: z.number().int().nullable(),
  recordDays: z.number().int().nullable(),
  /** When the board is deleted if nobody changes it again; null when boards are kept. */
  boardDeletesAt: z.string().nullable(),
  /** Per record, when it is deleted; empty when records are kept. */
  records: z.array(z.object({ id: z.string(), title: z.string(), deletesAt: z.string() })),
});
export type RetentionInfo = z.infer<typeof RetentionInfoSchema>;

/**
 * Answer of `GET /api/boards/:id/participant-links` (any token): per awareness client id of a
 * session on the answering server, the name of the personal link (or workshop member) it came
 * with, so the participants panel can show it beside the self-chosen display name.
 */
export const ParticipantLinksSchema = z.record(z.string(), z.string());
export type ParticipantLinks = z.infer<typeof ParticipantLinksSchema>;
