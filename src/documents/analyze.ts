import type { ReportVersion } from '../domain/report/index.ts';
import {
  type CheckFailure,
  type CheckResults,
  checkAcrossYears,
  checkReport,
  summarize,
} from '../domain/report/index.ts';
import {
  type NoCellsKind,
  type ParseResult,
  parseReportText,
  settleAcrossYears,
} from '../domain/report/parse/index.ts';
import { reportText, UnreadableFileError } from './read-report.ts';

export type Analysis =
  | {
      file: string;
      ok: true;
      parsed: Extract<ParseResult, { ok: true }>;
      failures: CheckFailure[];
    }
  | {
      file: string;
      ok: false;
      error: string;
      /** Why no cells: the file could not be read at all, or its text holds no table of this format. */
      kind: 'unreadable' | NoCellsKind;
      unreadable: boolean;
      /** What the text still shows (null for an unreadable file). */
      meta: { version: ReportVersion | null; year: number | null; agency: string | null; evidence: string[] } | null;
    };

/** Reads, parses and checks one file. */
export async function analyzeFile(file: string): Promise<Analysis> {
  let text: string;
  try {
    text = await reportText(file);
  } catch (err) {
    const msg = err instanceof UnreadableFileError ? err.message : `无法读取文件：${(err as Error).message}`;
    return { file, ok: false, error: msg, kind: 'unreadable', unreadable: true, meta: null };
  }
  return analyzeText(file, text);
}

export function analyzeText(file: string, text: string): Analysis {
  if (!text.trim())
    return {
      file,
      ok: false,
      error: '文件中没有可提取的文字（可能是扫描图片或图片版 PDF，需先进行文字识别 OCR）',
      kind: 'unreadable',
      unreadable: true,
      meta: null,
    };
  const parsed = parseReportText(text);
  if (!parsed.ok) {
    const { version, year, agency, evidence } = parsed;
    return {
      file,
      ok: false,
      error: parsed.error,
      kind: parsed.kind,
      unreadable: false,
      meta: { version, year, agency, evidence },
    };
  }
  return {
    file,
    ok: true,
    parsed,
    failures: checkReport(parsed.report, { unresolved: parsed.unresolved, skip: parsed.notFound }),
  };
}

/**
 * Several years of one agency: first the splits one report leaves open that the adjacent years settle (section
 * 二 continuity; listed among the report's inferences, its checks re-run), then R5 across consecutive years,
 * whose failures are added to the later year's analysis.
 */
export function addAcrossYears(all: Analysis[]): Map<string, CheckFailure[]> {
  const readable = all.filter((a): a is Extract<Analysis, { ok: true }> => a.ok);
  const changed = settleAcrossYears(readable.map((a) => a.parsed));
  for (const a of readable)
    if (changed.has(a.parsed))
      a.failures = checkReport(a.parsed.report, { unresolved: a.parsed.unresolved, skip: a.parsed.notFound });
  const byAgency = new Map<string, Extract<Analysis, { ok: true }>[]>();
  for (const a of all) {
    if (!a.ok || !a.parsed.report.agency || !a.parsed.report.year) continue;
    const list = byAgency.get(a.parsed.report.agency) ?? [];
    list.push(a);
    byAgency.set(a.parsed.report.agency, list);
  }
  const r5 = new Map<string, CheckFailure[]>();
  for (const list of byAgency.values()) {
    for (const a of list) {
      const prev = list.find((p) => p.parsed.report.year === a.parsed.report.year! - 1);
      if (prev) r5.set(a.file, checkAcrossYears(prev.parsed.report, a.parsed.report));
    }
  }
  return r5;
}

/** The interchange JSON of a parsed file. */
export function parseOutput(a: Analysis) {
  if (!a.ok) return { file: a.file, error: a.error, reason: a.kind, ...(a.meta ?? {}) };
  const { report, unresolved, tablesNotFound, notFound, warnings, evidence, inferences } = a.parsed;
  return {
    file: a.file,
    ...report,
    unresolved,
    ...(tablesNotFound.length ? { tablesNotFound, notFound } : {}),
    ...(warnings.length ? { warnings } : {}),
    ...(inferences.length ? { inferences } : {}),
    evidence,
  };
}

export function checkOutput(a: Analysis, r5?: CheckFailure[]) {
  if (!a.ok) return { file: a.file, error: a.error, reason: a.kind, ...(a.meta ?? {}) };
  const checks: CheckResults = summarize([...a.failures, ...(r5 ?? [])], r5 !== undefined);
  const { report, unresolved, tablesNotFound, inferences, evidence } = a.parsed;
  return {
    file: a.file,
    version: report.version,
    year: report.year,
    agency: report.agency,
    checks,
    unresolved,
    ...(tablesNotFound.length ? { tablesNotFound } : {}),
    ...(inferences.length ? { inferences } : {}),
    evidence,
  };
}
