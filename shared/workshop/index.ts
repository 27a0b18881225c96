export * from './state.ts';
export * from './author.ts';
export * from './caseView.ts';
