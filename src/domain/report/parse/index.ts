export { settleAcrossYears, type YearReading } from './across.ts';
export { type NoCellsKind, type ParseResult, parseReportText } from './parse.ts';
