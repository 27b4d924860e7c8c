export * from './checks.ts';
export * from './compute.ts';
export * from './deadline.ts';
export * from './empty.ts';
export * from './figures.ts';
export * from './format.ts';
export * from './narrative.ts';
export * from './types.ts';
