import { z } from 'zod';
import { FACILITATOR_NOTES_MAX_CHARS } from '../templates/facilitatorNotes.ts';
import { RecordConsentSchema } from './consent.ts';
import { MeetingDetailsSchema } from './meeting.ts';

/** Board ids are URL-safe random strings (base64url of 16 bytes → 22 chars). */
export const BoardIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'invalid board id');

export const TitleSchema = z.string().trim().min(1).max(200);
export const TemplateIdSchema = z.string().regex(/^[a-z0-9-]{1,40}$/, 'invalid template id');

/** Body of `POST /api/boards`. */
export const CreateBoardRequestSchema = z
  .object({
    title: TitleSchema.optional(),
    template: TemplateIdSchema.optional(),
  })
  .strict();
export type CreateBoardRequest = z.infer<typeof CreateBoardRequestSchema>;

export const CapabilityTripleSchema = z.object({
  owner: z.string(),
  edit: z.string(),
  view: z.string(),
});
export type CapabilityTriple = z.infer<typeof CapabilityTripleSchema>;

/** Answer of `POST /api/boards`. */
export const CreateBoardResponseSchema = z.object({
  id: z.string(),
  title: z.string(),
  template: z.string(),
  createdAt: z.string(),
  tokens: CapabilityTripleSchema,
  links: CapabilityTripleSchema,
});
export type CreateBoardResponse = z.infer<typeof CreateBoardResponseSchema>;

/** Answer of `GET /api/boards/:id`. */
export const BoardInfoSchema = z.object({
  id: z.string(),
  title: z.string(),
  template: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  role: z.enum(['owner', 'edit', 'view']),
  /** A 研修用 (training) board: records need no consent. Absent from an older server. */
  training: z.boolean().optional(),
  /** For the owner of a workshop's group board (its facilitator): the workshop, for 「全員をここへ」. */
  workshopId: z.string().optional(),
});
export type BoardInfo = z.infer<typeof BoardInfoSchema>;

/** Answer of `POST /api/boards/:id/links/rotate`: the new tokens and links of the rotated roles. */
export const RotateLinksResponseSchema = z.object({
  tokens: CapabilityTripleSchema.partial(),
  links: CapabilityTripleSchema.partial(),
});
export type RotateLinksResponse = z.infer<typeof RotateLinksResponseSchema>;

/**
 * Answer of `GET /api/boards/:id/links` (owner): the board's current links, derived from the
 * owner token; a role whose link cannot be derived (an older board) is absent.
 */
export const CurrentLinksResponseSchema = RotateLinksResponseSchema;
export type CurrentLinksResponse = RotateLinksResponse;

/** Body of `POST /api/boards/:id/training` (owner): mark the board 研修用 or a real meeting. */
export const SetTrainingRequestSchema = z.object({ training: z.boolean() }).strict();
export type SetTrainingRequest = z.infer<typeof SetTrainingRequestSchema>;

/**
 * Answer of `GET /api/boards/:id/facilitator-notes` (owner only): the 講師メモ the server keeps
 * apart from the board's document. `body` is the owner's text, or the template's own notes until
 * the owner saves some (`edited` false, `updatedAt` null); a board without notes has `body` ''.
 */
export const FacilitatorNotesResponseSchema = z.object({
  body: z.string(),
  edited: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type FacilitatorNotesResponse = z.infer<typeof FacilitatorNotesResponseSchema>;

/** Body of `PUT /api/boards/:id/facilitator-notes` (owner only). */
export const PutFacilitatorNotesRequestSchema = z.object({ body: z.string().max(FACILITATOR_NOTES_MAX_CHARS) }).strict();
export type PutFacilitatorNotesRequest = z.infer<typeof PutFacilitatorNotesRequestSchema>;

/** Body of `POST /api/boards/:id/links/rotate`: which links to rotate (default: edit and view). */
export const RotateLinksRequestSchema = z
  .object({
    roles: z.array(z.enum(['owner', 'edit', 'view'])).min(1).max(3).optional(),
  })
  .strict();
export type RotateLinksRequest = z.infer<typeof RotateLinksRequestSchema>;

export const TemplateInfoSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
});
export type TemplateInfo = z.infer<typeof TemplateInfoSchema>;

export const HealthSchema = z.object({ ok: z.boolean(), version: z.string() }).passthrough();
export type Health = z.infer<typeof HealthSchema>;

/** Public client configuration served by `GET /api/config`. */
export const ClientConfigSchema = z.object({
  tldrawLicenseKey: z.string().optional(),
  version: z.string(),
});
export type ClientConfig = z.infer<typeof ClientConfigSchema>;

/** Error codes of the HTTP API; the body is `{ error: { code, message } }`. */
export const ApiErrorCode = {
  BadRequest: 'bad_request',
  Unauthorized: 'unauthorized',
  Forbidden: 'forbidden',
  NotFound: 'not_found',
  PayloadTooLarge: 'payload_too_large',
  TooManyRequests: 'too_many_requests',
  /** 403: the workshop's facilitator has ended joining with its code. */
  JoiningClosed: 'joining_closed',
  /** 409: a vote the server does not take (closed, beyond the allowance, the same item twice). */
  VoteRefused: 'vote_refused',
  StorageUnavailable: 'storage_unavailable',
  Internal: 'internal',
} as const;
export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode];

export const ApiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

/** A participant as written into a record: name and participant role. */
export const AttendeeSchema = z.object({
  name: z.string().trim().min(1).max(100),
  role: z.string().trim().max(40),
});
export type AttendeeInfo = z.infer<typeof AttendeeSchema>;

/** Body of `POST /api/boards/:id/records`. */
export const CreateRecordRequestSchema = z
  .object({
    title: TitleSchema.optional(),
    note: z.string().max(10_000).optional(),
    /** The attendee list as corrected by the user; defaults to who is present. */
    attendees: z.array(AttendeeSchema).max(200).optional(),
    /** Required on a real meeting board (400 naming `consent` without it); see consent.ts. */
    consent: RecordConsentSchema.optional(),
    /** The 会議の要点 as confirmed in the save dialog (第4表 and モニタリング); see meeting.ts. */
    meeting: MeetingDetailsSchema.optional(),
  })
  .strict();
export type CreateRecordRequest = z.infer<typeof CreateRecordRequestSchema>;

/** Answer of `POST /api/boards/:id/records` (contract fields first). */
export const CreatedRecordSchema = z.object({
  id: z.string(),
  boardId: z.string(),
  createdAt: z.string(),
  sha256: z.string(),
  participants: z.array(AttendeeSchema),
  title: z.string(),
  note: z.string(),
  attendees: z.array(AttendeeSchema),
  /** The consent confirmed when saving; null on a training board (or a record made before). */
  consent: RecordConsentSchema.nullable().optional(),
  /** The 会議の要点 confirmed when saving; null for a record saved without them (or before). */
  meeting: MeetingDetailsSchema.nullable().optional(),
});
export type CreatedRecord = z.infer<typeof CreatedRecordSchema>;

/** One record in `GET /api/boards/:id/records`. */
export const RecordInfoSchema = CreatedRecordSchema;
export type RecordInfo = CreatedRecord;

export const RecordIdSchema = BoardIdSchema;

/** A tldraw file as imported: checked further against the board schema on the server. */
export const TldrawFileSchema = z.object({
  tldrawFileFormatVersion: z.number().int().min(1),
  schema: z.record(z.string(), z.unknown()),
  records: z.array(z.record(z.string(), z.unknown())).max(100_000),
});

/** Body of `POST /api/boards/import`. */
export const ImportBoardRequestSchema = z
  .object({
    title: TitleSchema.optional(),
    file: TldrawFileSchema,
  })
  .strict();
export type ImportBoardRequest = z.infer<typeof ImportBoardRequestSchema>;

/** Body of `POST /api/boards/:id/records/:recordId/boards` (a new board from a record). */
export const ForkRecordRequestSchema = z.object({ title: TitleSchema.optional() }).strict();

/** Join codes: 6 characters without look-alikes (no I, O, 0, 1). */
export const JoinCodeSchema = z.string().trim().toUpperCase().regex(/^[A-HJ-NP-Z2-9]{6}$/, 'invalid join code');

/** Body of `POST /api/workshops`. */
export const CreateWorkshopRequestSchema = z
  .object({
    title: TitleSchema,
    template: TemplateIdSchema,
    groups: z.number().int().min(1).max(60),
    groupNames: z.array(z.string().trim().min(1).max(60)).max(60).optional(),
  })
  .strict()
  .refine((b) => !b.groupNames || b.groupNames.length === b.groups, { message: 'groupNames must name every group', path: ['groupNames'] });
export type CreateWorkshopRequest = z.infer<typeof CreateWorkshopRequestSchema>;

/** Answer of `POST /api/workshops`. */
export const CreateWorkshopResponseSchema = z.object({
  id: z.string(),
  joinCode: z.string(),
  tokens: z.object({ facilitator: z.string() }),
  groups: z.array(z.object({ name: z.string(), boardId: z.string(), links: CapabilityTripleSchema })),
  links: z.object({ facilitator: z.string(), join: z.string() }),
});
export type CreateWorkshopResponse = z.infer<typeof CreateWorkshopResponseSchema>;

/** `GET /api/workshops/:id`: what a facilitator or member may see. */
export const WorkshopInfoSchema = z.object({
  id: z.string(),
  title: z.string(),
  template: z.string(),
  joinCode: z.string(),
  /** Whether the join code still admits new members. */
  joinOpen: z.boolean(),
  role: z.enum(['facilitator', 'member']),
  groups: z.array(z.object({ index: z.number(), name: z.string(), boardId: z.string() })),
  /** For a member: their group and private area. */
  member: z.object({ name: z.string(), role: z.string(), groupIndex: z.number(), boardId: z.string(), privateBoardId: z.string() }).optional(),
});
export type WorkshopInfo = z.infer<typeof WorkshopInfoSchema>;

/** `GET /api/workshops/join/:code`: what the join page shows before joining. */
export const JoinInfoSchema = z.object({ title: z.string(), joinOpen: z.boolean(), groups: z.array(z.object({ index: z.number(), name: z.string() })) });
export type JoinInfo = z.infer<typeof JoinInfoSchema>;

/** Body of `POST /api/workshops/join`. */
export const JoinWorkshopRequestSchema = z
  .object({
    code: JoinCodeSchema,
    group: z.number().int().min(0).max(59),
    name: z.string().trim().min(1).max(60),
    role: z.string().trim().max(40),
  })
  .strict();
export type JoinWorkshopRequest = z.infer<typeof JoinWorkshopRequestSchema>;

/** Answer of `POST /api/workshops/join`: a personal token for this participant. */
export const JoinWorkshopResponseSchema = z.object({
  workshopId: z.string(),
  token: z.string(),
  groupIndex: z.number(),
  boardId: z.string(),
  privateBoardId: z.string(),
});
export type JoinWorkshopResponse = z.infer<typeof JoinWorkshopResponseSchema>;

/** Body of `POST /api/workshops/:id/joining` (facilitator): end or reopen joining with the code. */
export const SetJoiningRequestSchema = z.object({ open: z.boolean() }).strict();
export type SetJoiningRequest = z.infer<typeof SetJoiningRequestSchema>;

/** A member id: derived from the token's hash, so it names a member without being a credential. */
export const MemberIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16}$/, 'invalid member id');

/** One entry of `GET /api/workshops/:id/members` (facilitator), oldest first. */
export const WorkshopMemberSchema = z.object({
  id: MemberIdSchema,
  name: z.string(),
  role: z.string(),
  groupIndex: z.number(),
  createdAt: z.string(),
});
export type WorkshopMember = z.infer<typeof WorkshopMemberSchema>;
export const WorkshopMembersResponseSchema = z.array(WorkshopMemberSchema);

/** Where a workshop member is now (issue 15): their private notes, their group's board, another group's board (watching a presentation), only the workshop page, or not connected. */
export const MEMBER_PLACES = ['private', 'group', 'presentation', 'workshop', 'offline'] as const;
export type MemberPlace = (typeof MEMBER_PLACES)[number];

/** A member of a group as the dashboard shows them. */
export const MemberPresenceSchema = z.object({ id: MemberIdSchema, name: z.string(), role: z.string(), place: z.enum(MEMBER_PLACES) });
export type MemberPresence = z.infer<typeof MemberPresenceSchema>;

/** One group on the dashboard. */
export const GroupOverviewSchema = z.object({
  index: z.number(),
  name: z.string(),
  boardId: z.string(),
  /** Everyone on the group's board now (awareness), members or not. */
  participants: z.array(z.object({ name: z.string(), role: z.string() })),
  /** The group's members, joined or online, wherever they are (oldest first). */
  members: z.array(MemberPresenceSchema),
  /** ms since epoch of the last change, or null when unknown. */
  lastActivity: z.number().nullable(),
  shapeCount: z.number(),
  /** A schematic SVG thumbnail drawn from the board's records. */
  svg: z.string(),
});
export type GroupOverview = z.infer<typeof GroupOverviewSchema>;

/** `GET /api/workshops/:id/overview`: each group as the facilitator's dashboard shows it. */
export const WorkshopOverviewSchema = z.object({ now: z.number(), groups: z.array(GroupOverviewSchema) });
export type WorkshopOverviewInfo = z.infer<typeof WorkshopOverviewSchema>;

/**
 * `GET /api/workshops/:id/overview/stream` (facilitator): server-sent events, each `data:` a JSON
 * event. First the whole picture once, then a group's changes only when that group changed: its
 * members and who is on its board at once, its thumbnail at most every few seconds.
 */
export const GroupChangeSchema = GroupOverviewSchema.partial().required({ index: true });
export type GroupChange = z.infer<typeof GroupChangeSchema>;
export const OverviewEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('full'), now: z.number(), groups: z.array(GroupOverviewSchema) }),
  z.object({ type: z.literal('group'), now: z.number(), group: GroupChangeSchema }),
]);
export type OverviewEvent = z.infer<typeof OverviewEventSchema>;

/** Body of `POST /api/workshops/:id/votes` (facilitator): start a dot vote (issue 15). */
export const StartVoteRequestSchema = z
  .object({
    question: z.string().trim().min(1).max(200),
    perPerson: z.number().int().min(1).max(10),
    onePerItem: z.boolean(),
    anonymous: z.boolean(),
    /** Group indexes; every group when absent. */
    groups: z.array(z.number().int().min(0).max(59)).min(1).max(60).optional(),
    /** How long voting stays open; until closed when absent. */
    durationMs: z.number().int().min(10_000).max(3_600_000).optional(),
  })
  .strict();
export type StartVoteRequest = z.infer<typeof StartVoteRequestSchema>;

/** Body of `POST /api/workshops/:id/votes/current/ballots` (a member): one vote for a shape of their group's board. */
export const CastBallotRequestSchema = z.object({ target: z.string().regex(/^shape:[^\s]{1,200}$/, 'invalid shape id') }).strict();
export type CastBallotRequest = z.infer<typeof CastBallotRequestSchema>;

/** A member's votes in the current vote: what they voted for and how many they have left. */
export const MyBallotsSchema = z.object({ vote: z.string().nullable(), targets: z.array(z.string()), remaining: z.number().int(), /** The member's id, as their reactions name them. */ me: z.string() });
export type MyBallots = z.infer<typeof MyBallotsSchema>;

/** Body of `POST /api/workshops/:id/reactions` (a member): react to a note or card of their group's board, or take it back. */
export const ReactRequestSchema = z
  .object({
    target: z.string().regex(/^shape:[^\s:]{1,200}$/, 'invalid shape id'),
    kind: z.enum(['agree', 'question', 'check']),
    on: z.boolean(),
  })
  .strict();
export type ReactRequest = z.infer<typeof ReactRequestSchema>;
/** Answer: the member's id as reactions name them (to find their own), and whether it is on. */
export const ReactResponseSchema = z.object({ voter: z.string(), on: z.boolean() });

/** Why a vote was refused, Japanese first, then English (issue 15). */
export const BALLOT_REFUSED_MESSAGES = {
  closed: '投票は終わっています。 / Voting has ended.',
  'not-your-group': 'あなたのグループは、この投票に入っていません。 / Your group is not part of this vote.',
  'no-votes-left': '持ち票を使い切りました。 / You have used all your votes.',
  'already-voted-item': 'これにはもう投票しています（一つに一票）。 / You have already voted for this (one vote per item).',
  'no-such-item': 'グループのボードに、その付箋やカードはありません。 / There is no such note or card on your group board.',
} as const;

/** Body of `POST /api/workshops/:id/locks` (facilitator): lock or unlock records on group boards (SPEC D7). */
export const SetLocksRequestSchema = z
  .object({
    locked: z.boolean(),
    /** Group indexes; every group when absent. */
    groups: z.array(z.number().int().min(0).max(59)).min(1).max(60).optional(),
    /** Record ids; the template's scaffolding when absent. */
    ids: z.array(z.string().min(1).max(200).regex(/^[a-z_]+:[^\s]+$/, 'invalid record id')).min(1).max(2000).optional(),
  })
  .strict();
export type SetLocksRequest = z.infer<typeof SetLocksRequestSchema>;
export const SetLocksResponseSchema = z.object({ locked: z.boolean(), groups: z.array(z.number()), records: z.number() });
export type SetLocksResponse = z.infer<typeof SetLocksResponseSchema>;

/** The message of a join refused because joining has ended (Japanese first, then English). */
export const JOINING_CLOSED_MESSAGE = 'このワークショップの参加受付は終了しています。ファシリテーターに再開を依頼してください。 / Joining this workshop has ended; ask the facilitator to reopen it.';
