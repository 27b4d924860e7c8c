export * from './checks.ts';
export * from './empty.ts';
export * from './format.ts';
export * from './types.ts';
