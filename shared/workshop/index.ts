export * from './state.ts';
export * from './author.ts';
