export * from './catalogue.ts';
export * from './search-tokens.ts';
