export * from './fees.ts';
export * from './letters.ts';
export * from './outcomes.ts';
export * from './similarity.ts';
export * from './states.ts';
