import fc from 'fast-check';
import {
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  APPLICANT_COLUMNS,
  emptyReport,
  FORMATS,
  type ReportData,
  type ReportVersion,
} from '../../src/domain/report/index.ts';
import { renderReportText } from '../../src/domain/report/render-text.ts';

const small = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 9 }) },
  { weight: 1, arbitrary: fc.integer({ min: 10, max: 400 }) },
);

/** Random reports that satisfy every check (as real, balanced tables do). */
export const reportArb = fc
  .record({
    version: fc.constantFrom<ReportVersion>('2019', '2021'),
    year: fc.integer({ min: 2019, max: 2025 }),
    details: fc.array(fc.array(small, { minLength: 6, maxLength: 6 }), { minLength: 23, maxLength: 23 }),
    carriedOver: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 6, maxLength: 6 }),
    carriedForward: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 6, maxLength: 6 }),
    appeals: fc.array(fc.array(small, { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
    proactive: fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 30, maxLength: 30 }),
  })
  .map((g) => {
    const r: ReportData = emptyReport(g.version, 0);
    r.year = g.year;
    r.agency = '武威市凉州区测试局';
    const f = FORMATS[g.version];
    const detailRows = f.applicationRows.filter((x) => x.detail);
    const cols = APPLICANT_COLUMNS.map((c) => c.key);
    detailRows.forEach((row, i) => {
      const v = g.details[i]!;
      cols.slice(0, 6).forEach((c, j) => {
        r.applications[row.key]![c] = v[j]!;
      });
      r.applications[row.key]!.total = v.reduce((a, b) => a + b, 0);
    });
    cols.slice(0, 6).forEach((c, j) => {
      const total = detailRows.reduce((s, row) => s + (r.applications[row.key]![c] as number), 0);
      const co = Math.min(g.carriedOver[j]!, total + g.carriedForward[j]!);
      r.applications.total![c] = total;
      r.applications.carried_over![c] = co;
      r.applications.carried_forward![c] = g.carriedForward[j]!;
      r.applications.new![c] = total + g.carriedForward[j]! - co;
    });
    for (const key of ['total', 'carried_over', 'carried_forward', 'new']) {
      r.applications[key]!.total = cols.slice(0, 6).reduce((s, c) => s + (r.applications[key]![c] as number), 0);
    }
    APPEAL_GROUPS.forEach((grp, i) => {
      const v = g.appeals[i]!;
      APPEAL_COLUMNS.slice(0, 4).forEach((c, j) => {
        r.appeals[grp.key]![c.key] = v[j]!;
      });
      r.appeals[grp.key]!.total = v.reduce((a, b) => a + b, 0);
    });
    let k = 0;
    for (const item of f.proactive) {
      for (const col of item.columns) {
        const n = g.proactive[k++ % g.proactive.length]!;
        r.proactive[item.key]![col.key] =
          col.kind === 'text' ? `${n}元` : col.kind === 'decimal' ? n / 10 : col.kind === 'signed' ? n - 2500 : n;
      }
    }
    return r;
  });

export const titleOf = (r: ReportData) => `${r.agency}${r.year}年度政府信息公开工作年度报告`;

/** Layouts real reports are published in. */
export function pipeLayout(r: ReportData): string {
  return renderReportText(r, titleOf(r));
}

/** The pipe layout with each table row (a line with `|`) rewritten from its trimmed cells. */
function rewriteRows(r: ReportData, row: (cells: string[]) => string, sep = '\n'): string {
  return pipeLayout(r)
    .split('\n')
    .map((line) => (line.includes('|') ? row(line.split('|').map((c) => c.trim())) : line))
    .join(sep);
}

/** One cell per line, pipes on lines of their own (031, 032). */
export function cellPerLineLayout(r: ReportData): string {
  return rewriteRows(r, (cells) => `${cells.filter(Boolean).join('\n|\n')}\n|`);
}

/** Tables flattened to text, the digits of a row run together (005). */
export function flattenedLayout(r: ReportData): string {
  return rewriteRows(r, (cells) => cells.join(''), '');
}

/** An HTML page with real tables. */
export function htmlLayout(r: ReportData): string {
  const lines = pipeLayout(r).split('\n');
  const body = lines
    .map((line) =>
      line.includes('|')
        ? `<table><tr>${line
            .split('|')
            .slice(0, -1)
            .map((c) => `<td>${c.trim()}</td>`)
            .join('')}</tr></table>`
        : `<p>${line}</p>`,
    )
    .join('\n');
  return `<!doctype html><html><head><title>x</title><style>p{}</style></head><body><div class="nav">首页 &gt; 政务公开</div>${body}</body></html>`;
}
