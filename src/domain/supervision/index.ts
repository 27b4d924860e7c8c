export * from './assessment.ts';
export * from './ratings.ts';
