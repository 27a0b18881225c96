import {
  AuditEntrySchema,
  CreatedPersonalLinkSchema,
  DeletedBoardSchema,
  PersonalLinkInfoSchema,
  ParticipantLinksSchema,
  type ParticipantLinks,
  RetentionInfoSchema,
  type AuditEntry,
  type CreatedPersonalLink,
  type CreatePersonalLinkRequest,
  type DeletedBoard,
  type PersonalLinkInfo,
  type RetentionInfo,
} from '../../shared/protocol/index.ts';
import { call, fetchWithToken, type ApiResult } from '../lib/api.ts';

const base = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`;

/** The owner's privacy calls (issue 17), typed by the shared schemas. */
export const privacyApi = {
  audit: (boardId: string, token: string): Promise<ApiResult<AuditEntry[]>> => call(AuditEntrySchema.array(), `${base(boardId)}/audit`, { token }),
  /** The audit log as CSV bytes, for a download. */
  auditCsv: (boardId: string, token: string): Promise<Response> => fetchWithToken(`${base(boardId)}/audit?format=csv`, token),
  links: (boardId: string, token: string): Promise<ApiResult<PersonalLinkInfo[]>> => call(PersonalLinkInfoSchema.array(), `${base(boardId)}/personal-links`, { token }),
  issueLink: (boardId: string, token: string, body: CreatePersonalLinkRequest): Promise<ApiResult<CreatedPersonalLink>> =>
    call(CreatedPersonalLinkSchema, `${base(boardId)}/personal-links`, { method: 'POST', token, body: JSON.stringify(body) }),
  revokeLink: (boardId: string, token: string, linkId: string): Promise<ApiResult<PersonalLinkInfo>> =>
    call(PersonalLinkInfoSchema, `${base(boardId)}/personal-links/${encodeURIComponent(linkId)}`, { method: 'DELETE', token }),
  retention: (boardId: string, token: string): Promise<ApiResult<RetentionInfo>> => call(RetentionInfoSchema, `${base(boardId)}/retention`, { token }),
  /** Names of the personal links the board's sessions came with, by awareness client id. */
  participantLinks: (boardId: string, token: string): Promise<ApiResult<ParticipantLinks>> => call(ParticipantLinksSchema, `${base(boardId)}/participant-links`, { token }),
  deleteBoard: (boardId: string, token: string, confirm: string, keepRecords: boolean): Promise<ApiResult<DeletedBoard>> =>
    call(DeletedBoardSchema, base(boardId), { method: 'DELETE', token, body: JSON.stringify({ confirm, keepRecords }) }),
};
