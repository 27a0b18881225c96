export { PersonalLinks, type PersonalLinksOptions, type IssueResult } from './PersonalLinks.ts';
export { BoardErasure, type BoardErasureOptions, type EraseResult } from './BoardErasure.ts';
export { RetentionPolicy, type RetentionOptions, type RetentionRun } from './RetentionPolicy.ts';
