export { type ParseResult, parseReportText } from './parse.ts';
