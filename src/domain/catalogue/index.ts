export * from './catalogue.ts';
export * from './file-types.ts';
export * from './search-tokens.ts';
