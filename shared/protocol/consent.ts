import { z } from 'zod';

/**
 * Consent recorded with a meeting record (指定居宅介護支援等の事業の人員及び運営に関する基準
 * 第23条③: using a user's or family's personal information at a サービス担当者会議 needs their
 * consent in advance; since 2021 holding the meeting online needs consent too). Required before
 * a record of a real meeting is saved; a 研修用 (training) board needs none.
 */

/** How a person consented: 書面 (written), 口頭 (oral) or through a 代理人 (proxy). */
export const ConsentMethodSchema = z.enum(['written', 'oral', 'proxy']);
export type ConsentMethod = z.infer<typeof ConsentMethodSchema>;

const Text = z.string().trim().min(1).max(100);

/** One person's consent: who, how (and through whom, for a proxy), on which date. */
export const ConsentEntrySchema = z
  .object({
    name: Text,
    method: ConsentMethodSchema,
    /** The proxy's name and relation (e.g. 長女 山田花子); required when `method` is `proxy`. */
    proxy: Text.optional(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.method === 'proxy' && !e.proxy) ctx.addIssue({ code: 'custom', path: ['proxy'], message: 'who consented on their behalf is required for a proxy' });
  });
export type ConsentEntry = z.infer<typeof ConsentEntrySchema>;

/** The consent of a record: personal information per person, and the online meeting when held online. */
export const RecordConsentSchema = z
  .object({
    /** Whether the meeting is held online (then `onlineMeeting` is required). */
    online: z.boolean(),
    /** The online tool, when online (e.g. Zoom, Teams). */
    onlineTool: Text.optional(),
    /** Consent to using personal information among the attendees, per person (本人, 家族…). */
    personalInfo: z.array(ConsentEntrySchema).min(1).max(50),
    /** Consent to holding the meeting online, per person; required when `online`. */
    onlineMeeting: z.array(ConsentEntrySchema).max(50).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.online && !c.onlineMeeting?.length) ctx.addIssue({ code: 'custom', path: ['onlineMeeting'], message: 'consent to holding the meeting online is required for an online meeting' });
  });
export type RecordConsent = z.infer<typeof RecordConsentSchema>;
