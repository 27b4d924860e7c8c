export { type NoCellsKind, type ParseResult, parseReportText } from './parse.ts';
