export * from './clock.ts';
export * from './disclosure.ts';
export * from './receipt.ts';
export * from './status.ts';
export * from './types.ts';
