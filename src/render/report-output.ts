import { APPLICANT_COLUMNS, FORMATS, type ReportData, summarize } from '../domain/report/index.ts';
import { reportDocument } from '../domain/report/render-doc.ts';
import { renderReportText } from '../domain/report/render-text.ts';
import type { AgencyReport } from '../shared/report/agency-report.ts';
import { reportTitle } from '../shared/report/agency-report.ts';
import { barChartSvg } from './charts.ts';
import { renderDocx } from './docx.ts';
import { renderHtmlBody } from './html.ts';
import { renderPdf } from './pdf.ts';
import { reportXlsx } from './report-xlsx.ts';

export const REPORT_FORMATS = ['json', 'text', 'html', 'docx', 'pdf', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const REPORT_MIME: Record<ReportFormat, string> = {
  json: 'application/json; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
export const REPORT_EXT: Record<ReportFormat, string> = {
  json: 'json',
  text: 'txt',
  html: 'html',
  docx: 'docx',
  pdf: 'pdf',
  xlsx: 'xlsx',
};

/** The interchange JSON (annual-report.md), with the checks as computed. */
export function reportJson(r: AgencyReport) {
  const { version, year, agency, proactive, applications, appeals, text } = r.report;
  return { version, year, agency, proactive, applications, appeals, text, checks: summarize(r.failures) };
}

function preamble(r: AgencyReport) {
  return `本报告依据《中华人民共和国政府信息公开条例》第四十九条、第五十条编制，所列数据的统计期限自${r.year}年1月1日起至${r.year}年12月31日止。`;
}

/** Charts of section 三 for the portal (the seed itself lists 图文并茂 as a weakness). */
function charts(report: ReportData): Record<string, string> {
  const f = FORMATS[report.version];
  const rows = f.applicationRows
    .filter((x) => x.detail)
    .map((x) => ({
      label: x.label.replace(/（区分处理.*）/, ''),
      v: (report.applications[x.key]?.total as number | null) ?? 0,
    }));
  const nonZero = rows.filter((x) => x.v > 0);
  const byType = APPLICANT_COLUMNS.slice(0, 6).map((c) => ({
    label: c.label,
    v: (report.applications.new?.[c.key] as number | null) ?? 0,
  }));
  const out: Record<string, string> = {};
  if (nonZero.length) {
    out['三、收到和处理政府信息公开申请情况'] = `<figure class="chart" tabindex="0">${barChartSvg(
      '本年度办理结果',
      nonZero.map((x) => x.label),
      nonZero.map((x) => x.v),
    )}<figcaption>本年度办理结果（件）</figcaption></figure><figure class="chart" tabindex="0">${barChartSvg(
      '本年新收申请（按申请人类型）',
      byType.map((x) => x.label),
      byType.map((x) => x.v),
      { height: 260 },
    )}<figcaption>本年新收申请按申请人类型（件）</figcaption></figure>`;
  }
  return out;
}

export async function renderReport(r: AgencyReport, format: ReportFormat): Promise<Buffer | string> {
  const title = reportTitle(r);
  switch (format) {
    case 'json':
      return `${JSON.stringify(reportJson(r), null, 2)}\n`;
    case 'text':
      return `${renderReportText(r.report, title)}\n`;
    case 'html': {
      const doc = reportDocument(r.report, title, preamble(r));
      return renderHtmlBody(doc, { afterHeading: charts(r.report) });
    }
    case 'docx':
      return renderDocx(reportDocument(r.report, title, preamble(r)));
    case 'pdf':
      return renderPdf(reportDocument(r.report, title, preamble(r)));
    case 'xlsx':
      return reportXlsx(r.report, title);
    default: {
      const never: never = format;
      return never;
    }
  }
}
