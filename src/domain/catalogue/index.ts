export * from './catalogue.ts';
export * from './file-types.ts';
export * from './import-rows.ts';
export * from './search-query.ts';
export * from './search-tokens.ts';
