import { z } from 'zod';
import { VoteConfigSchema, type VoteConfig } from '../../shared/workshop/index.ts';
import {
  ApiErrorSchema,
  WorkshopOverviewSchema,
  MyBallotsSchema,
  ReactResponseSchema,
  type ReactRequest,
  type MyBallots,
  type StartVoteRequest,
  SetLocksResponseSchema,
  type SetLocksRequest,
  type SetLocksResponse,
  type WorkshopOverviewInfo,
  AttendeeSchema,
  CreatedRecordSchema,
  RecordInfoSchema,
  type AttendeeInfo,
  type CreatedRecord,
  type CreateRecordRequest,
  type ImportBoardRequest,
  type RecordInfo,
  BoardInfoSchema,
  ClientConfigSchema,
  CreateBoardResponseSchema,
  RotateLinksResponseSchema,
  CurrentLinksResponseSchema,
  FacilitatorNotesResponseSchema,
  type FacilitatorNotesResponse,
  TemplateInfoSchema,
  type BoardInfo,
  type Capability,
  type ClientConfig,
  type CreateBoardRequest,
  type CreateBoardResponse,
  type RotateLinksResponse,
  type CurrentLinksResponse,
  type TemplateInfo,
  CreateWorkshopResponseSchema,
  JoinInfoSchema,
  JoinWorkshopResponseSchema,
  WorkshopInfoSchema,
  WorkshopMembersResponseSchema,
  type WorkshopMember,
  type CreateWorkshopRequest,
  type CreateWorkshopResponse,
  type JoinInfo,
  type JoinWorkshopRequest,
  type JoinWorkshopResponse,
  type WorkshopInfo,
} from '../../shared/protocol/index.ts';

/** An API call's outcome: the value, or the server's error code and message. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: number; code: string; message: string };

export async function call<S extends z.ZodType>(schema: S, path: string, init: RequestInit & { token?: string } = {}): Promise<ApiResult<z.infer<S>>> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
  if (init.body) headers.set('Content-Type', 'application/json');
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers });
  } catch (err) {
    return { ok: false, status: 0, code: 'network', message: (err as Error).message };
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const e = ApiErrorSchema.safeParse(body);
    return { ok: false, status: res.status, code: e.success ? e.data.error.code : 'unknown', message: e.success ? e.data.error.message : res.statusText };
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) return { ok: false, status: res.status, code: 'bad_response', message: parsed.error.message };
  return { ok: true, value: parsed.data };
}

/** The server's API, typed by the shared schemas. */
export const api = {
  config: (): Promise<ApiResult<ClientConfig>> => call(ClientConfigSchema, '/api/config'),
  templates: (): Promise<ApiResult<TemplateInfo[]>> => call(TemplateInfoSchema.array(), '/api/templates'),
  createBoard: (body: CreateBoardRequest): Promise<ApiResult<CreateBoardResponse>> =>
    call(CreateBoardResponseSchema, '/api/boards', { method: 'POST', body: JSON.stringify(body) }),
  board: (id: string, token: string): Promise<ApiResult<BoardInfo>> => call(BoardInfoSchema, `/api/boards/${encodeURIComponent(id)}`, { token }),
  /** The owner's current links (derived on the server from the owner token the call carries). */
  currentLinks: (id: string, ownerToken: string): Promise<ApiResult<CurrentLinksResponse>> =>
    call(CurrentLinksResponseSchema, `/api/boards/${encodeURIComponent(id)}/links`, { token: ownerToken }),
  /** Mark the board 研修用 (training) or a real meeting (owner). */
  setTraining: (id: string, ownerToken: string, training: boolean): Promise<ApiResult<BoardInfo>> =>
    call(BoardInfoSchema, `/api/boards/${encodeURIComponent(id)}/training`, { method: 'POST', token: ownerToken, body: JSON.stringify({ training }) }),
  /** The board's 講師メモ (owner only; kept apart from the document). */
  facilitatorNotes: (id: string, ownerToken: string): Promise<ApiResult<FacilitatorNotesResponse>> =>
    call(FacilitatorNotesResponseSchema, `/api/boards/${encodeURIComponent(id)}/facilitator-notes`, { token: ownerToken }),
  saveFacilitatorNotes: (id: string, ownerToken: string, body: string): Promise<ApiResult<FacilitatorNotesResponse>> =>
    call(FacilitatorNotesResponseSchema, `/api/boards/${encodeURIComponent(id)}/facilitator-notes`, { method: 'PUT', token: ownerToken, body: JSON.stringify({ body }) }),
  rotateLinks: (id: string, token: string, roles: Capability[]): Promise<ApiResult<RotateLinksResponse>> =>
    call(RotateLinksResponseSchema, `/api/boards/${encodeURIComponent(id)}/links/rotate`, { method: 'POST', token, body: JSON.stringify({ roles }) }),
};

/** Meeting records of a board. */
export const recordsApi = {
  list: (boardId: string, token: string): Promise<ApiResult<RecordInfo[]>> => call(RecordInfoSchema.array(), `/api/boards/${encodeURIComponent(boardId)}/records`, { token }),
  present: (boardId: string, token: string): Promise<ApiResult<AttendeeInfo[]>> => call(AttendeeSchema.array(), `/api/boards/${encodeURIComponent(boardId)}/records/present`, { token }),
  create: (boardId: string, token: string, body: CreateRecordRequest): Promise<ApiResult<CreatedRecord>> =>
    call(CreatedRecordSchema, `/api/boards/${encodeURIComponent(boardId)}/records`, { method: 'POST', token, body: JSON.stringify(body) }),
  get: (boardId: string, recordId: string, token: string): Promise<ApiResult<RecordInfo>> =>
    call(RecordInfoSchema, `/api/boards/${encodeURIComponent(boardId)}/records/${encodeURIComponent(recordId)}`, { token }),
  fork: (boardId: string, recordId: string, token: string, title?: string): Promise<ApiResult<CreateBoardResponse>> =>
    call(CreateBoardResponseSchema, `/api/boards/${encodeURIComponent(boardId)}/records/${encodeURIComponent(recordId)}/boards`, { method: 'POST', token, body: JSON.stringify(title ? { title } : {}) }),
  diff: (boardId: string, from: string, to: string, token: string): Promise<ApiResult<RecordDiffInfo>> =>
    call(RecordDiffSchema, `/api/boards/${encodeURIComponent(boardId)}/records/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, { token }),
  importBoard: (body: ImportBoardRequest): Promise<ApiResult<CreateBoardResponse>> => call(CreateBoardResponseSchema, '/api/boards/import', { method: 'POST', body: JSON.stringify(body) }),
};

/** Fetch a file the API serves (minutes, exports) with the token in the header. */
export async function fetchWithToken(path: string, token: string): Promise<Response> {
  return fetch(path, { headers: { Authorization: `Bearer ${token}` } });
}

const FieldChangeSchema = z.object({ field: z.string(), before: z.string(), after: z.string() });
const CardChangeSchema = z.object({
  id: z.string(),
  type: z.string(),
  label: z.string(),
  fields: z.array(z.string()),
  statusChange: z.object({ from: z.string(), to: z.string() }).optional(),
  changes: z.array(FieldChangeSchema).optional(),
});
const RecordDiffSchema = z.object({ added: z.array(CardChangeSchema), removed: z.array(CardChangeSchema), changed: z.array(CardChangeSchema), record: z.array(FieldChangeSchema).optional() });
export type RecordDiffInfo = z.infer<typeof RecordDiffSchema>;

// --- Workshops (issue #6) ---
export type { WorkshopOverviewInfo } from '../../shared/protocol/index.ts';
const SavedGroupRecordsSchema = z.array(z.object({ group: z.string(), boardId: z.string(), record: CreatedRecordSchema }));
export type SavedGroupRecords = z.infer<typeof SavedGroupRecordsSchema>;
const ws = (id: string) => `/api/workshops/${encodeURIComponent(id)}`;

/** Training workshops: creation, joining, the dashboard's overview and the bulk record. */
export const workshopApi = {
  time: (): Promise<ApiResult<{ now: number }>> => call(z.object({ now: z.number() }), '/api/time', { cache: 'no-store' }),
  create: (body: CreateWorkshopRequest, token?: string): Promise<ApiResult<CreateWorkshopResponse>> =>
    call(CreateWorkshopResponseSchema, '/api/workshops', { method: 'POST', body: JSON.stringify(body), ...(token ? { token } : {}) }),
  info: (id: string, token: string): Promise<ApiResult<WorkshopInfo>> => call(WorkshopInfoSchema, ws(id), { token }),
  joinInfo: (code: string): Promise<ApiResult<JoinInfo>> => call(JoinInfoSchema, `/api/workshops/join/${encodeURIComponent(code)}`),
  join: (body: JoinWorkshopRequest): Promise<ApiResult<JoinWorkshopResponse>> =>
    call(JoinWorkshopResponseSchema, '/api/workshops/join', { method: 'POST', body: JSON.stringify(body) }),
  overview: (id: string, token: string): Promise<ApiResult<WorkshopOverviewInfo>> => call(WorkshopOverviewSchema, `${ws(id)}/overview`, { token, cache: 'no-store' }),
  saveRecords: (id: string, token: string, title?: string): Promise<ApiResult<SavedGroupRecords>> =>
    call(SavedGroupRecordsSchema, `${ws(id)}/records`, { method: 'POST', token, body: JSON.stringify(title ? { title } : {}) }),
  minutesPath: (id: string): string => `${ws(id)}/minutes.html`,
  /** The pushed dashboard (server-sent events, read with fetch). */
  overviewStreamPath: (id: string): string => `${ws(id)}/overview/stream`,
  /** End or reopen joining with the code (facilitator). */
  setJoining: (id: string, token: string, open: boolean): Promise<ApiResult<{ joinOpen: boolean }>> =>
    call(z.object({ joinOpen: z.boolean() }), `${ws(id)}/joining`, { method: 'POST', token, body: JSON.stringify({ open }) }),
  /** Start a dot vote (facilitator; SPEC W1). */
  startVote: (id: string, token: string, body: StartVoteRequest): Promise<ApiResult<VoteConfig>> =>
    call(VoteConfigSchema, `${ws(id)}/votes`, { method: 'POST', token, body: JSON.stringify(body) }),
  closeVote: (id: string, token: string): Promise<ApiResult<VoteConfig>> => call(VoteConfigSchema, `${ws(id)}/votes/current/close`, { method: 'POST', token }),
  /** One vote of a member for a shape of their group's board; refused (409) beyond the allowance. */
  castBallot: (id: string, token: string, target: string): Promise<ApiResult<MyBallots>> =>
    call(MyBallotsSchema, `${ws(id)}/votes/current/ballots`, { method: 'POST', token, body: JSON.stringify({ target }) }),
  myBallots: (id: string, token: string): Promise<ApiResult<MyBallots>> => call(MyBallotsSchema, `${ws(id)}/votes/current/mine`, { token, cache: 'no-store' }),
  /** A member's reaction on a note or card of their board (SPEC W3). */
  react: (id: string, token: string, body: ReactRequest): Promise<ApiResult<{ voter: string; on: boolean }>> =>
    call(ReactResponseSchema, `${ws(id)}/reactions`, { method: 'POST', token, body: JSON.stringify(body) }),
  /** Lock or unlock records on group boards (facilitator; SPEC D7). */
  setLocks: (id: string, token: string, body: SetLocksRequest): Promise<ApiResult<SetLocksResponse>> =>
    call(SetLocksResponseSchema, `${ws(id)}/locks`, { method: 'POST', token, body: JSON.stringify(body) }),
  members: (id: string, token: string): Promise<ApiResult<WorkshopMember[]>> => call(WorkshopMembersResponseSchema, `${ws(id)}/members`, { token, cache: 'no-store' }),
  removeMember: (id: string, token: string, memberId: string): Promise<ApiResult<{ removed: string }>> =>
    call(z.object({ removed: z.string() }), `${ws(id)}/members/${encodeURIComponent(memberId)}`, { method: 'DELETE', token }),
};
