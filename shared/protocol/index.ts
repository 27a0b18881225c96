export { CAPABILITIES, type Capability, capabilityAtLeast, canWrite } from './roles.ts';
export { CloseCode, CloseReason, PERMANENT_CLOSE_CODES } from './closeCodes.ts';
export { MessageType, SyncStep, AuthMessage, LockedNotice, Paths, boardLink } from './messages.ts';
export * from './api.ts';
export { ParticipantUserSchema, participantOf, MAX_PARTICIPANT_NAME, LINK_NAME_KEY, linkNameOf, type ParticipantUser } from './awareness.ts';
export * from './consent.ts';
export * from './meeting.ts';
export * from './privacy.ts';
