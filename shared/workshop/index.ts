export * from './state.ts';
export * from './author.ts';
export * from './labels.ts';
export * from './caseView.ts';
export * from './votes.ts';
export * from './reactions.ts';
