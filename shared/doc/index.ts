export * from './layout.ts';
export * from './locks.ts';
