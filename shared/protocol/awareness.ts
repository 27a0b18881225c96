import { z } from 'zod';

/** Longest participant name kept; longer names are cut, never refused. */
export const MAX_PARTICIPANT_NAME = 80;

/**
 * Who a participant is, as carried in awareness (`user`), per the contract: `{ name, role,
 * color }` plus tldraw's user id. One schema for the client's presence, the participants panel,
 * the dashboard, records and the server; a state without a usable name is nobody.
 */
export const ParticipantUserSchema = z.object({
  id: z.string().max(200).optional().catch(undefined),
  name: z
    .string()
    .trim()
    .min(1)
    .transform((s) => s.slice(0, MAX_PARTICIPANT_NAME)),
  /** A role id of the domain model (soudan, caremanager …) or its label. */
  role: z
    .string()
    .max(64)
    .catch(''),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{3,8}$/)
    .catch('#888888'),
});
export type ParticipantUser = z.infer<typeof ParticipantUserSchema>;

/** The participant an awareness state describes, or undefined when it names nobody. */
export function participantOf(state: unknown): ParticipantUser | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const parsed = ParticipantUserSchema.safeParse((state as { user?: unknown }).user);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Where the server writes, into a session's awareness state, the name of the personal link (or
 * workshop membership) the session came with (issue 17, SPEC P3). The relay sets it on every
 * state a session announces and removes one a session made up, so it is the server's word, and
 * it travels with the awareness to every instance.
 */
export const LINK_NAME_KEY = 'rbLink';

/** The server-stamped link name of an awareness state, if any. */
export function linkNameOf(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const v = (state as Record<string, unknown>)[LINK_NAME_KEY];
  return typeof v === 'string' && v !== '' ? v : undefined;
}
