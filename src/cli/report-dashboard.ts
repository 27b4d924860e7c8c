/**
 * The dashboard of `gongkai report check DIR… --html FILE`: one self-contained HTML page (no external assets,
 * no script) for a researcher's bulk audit — totals by year and by failure kind as inline-SVG bars, then one
 * row per report: agency, year, version, checks, undecided cells and the evidence lines the reading rests on.
 */
import type { Analysis } from '../documents/analyze.ts';
import type { CheckFailure } from '../domain/report/index.ts';

const esc = (s: unknown) =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

export const FAILURE_KINDS = {
  R1: 'R1 勾稽关系',
  R2: 'R2 总计=各办理结果之和',
  R3: 'R3 总计=各类申请人之和',
  R4: 'R4 复议诉讼总计',
  M: 'M 空白单元格',
  R5: 'R5 上下年度结转',
  undecided: '有无法确定的单元格',
  tables: '有未找到的表格',
  no_tables: '无法读取：正文无统计表',
  pre_2019: '无法读取：2019年前的报告',
  not_a_report: '无法读取：不是年度报告',
  unreadable: '无法读取：文件无法打开',
} as const;
type Kind = keyof typeof FAILURE_KINDS;
const RULES = ['R1', 'R2', 'R3', 'R4', 'M', 'R5'] as const;

/** The failure kinds of one analysis (a report counts once per kind). */
export function kindsOf(a: Analysis, r5: CheckFailure[]): Kind[] {
  if (!a.ok) return [a.kind];
  const failures = [...a.failures, ...r5];
  const out: Kind[] = RULES.filter((r) => failures.some((f) => f.rule === r));
  if (a.parsed.unresolved.length) out.push('undecided');
  if (a.parsed.tablesNotFound.length) out.push('tables');
  return out;
}

/** Horizontal bars, one per row: label, value, a bar scaled to the largest value. Inline SVG, no script. */
function bars(rows: { label: string; parts: { n: number; color: string; title: string }[] }[]): string {
  const max = Math.max(1, ...rows.map((r) => r.parts.reduce((s, p) => s + p.n, 0)));
  const w = 360;
  const h = 22;
  const body = rows
    .map((r, i) => {
      let x = 180;
      const y = i * h;
      const rects = r.parts
        .filter((p) => p.n > 0)
        .map((p) => {
          const width = Math.max(2, (p.n / max) * w);
          const rect = `<rect x="${x.toFixed(1)}" y="${y + 4}" width="${width.toFixed(1)}" height="${h - 8}" fill="${p.color}"><title>${esc(p.title)}：${p.n}</title></rect>`;
          x += width;
          return rect;
        })
        .join('');
      const total = r.parts.reduce((s, p) => s + p.n, 0);
      return `<text x="172" y="${y + 15}" text-anchor="end">${esc(r.label)}</text>${rects}<text x="${(x + 6).toFixed(1)}" y="${y + 15}">${total}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${180 + w + 60}" height="${rows.length * h + 4}" role="img" font-size="13">${body}</svg>`;
}

const GREEN = '#3a8a4f';
const RED = '#c0392b';
const GREY = '#8c8c8c';

export function dashboardHtml(all: Analysis[], r5: Map<string, CheckFailure[]>, generatedAt: string): string {
  const status = (a: Analysis) =>
    !a.ok ? 'unreadable' : a.failures.length || (r5.get(a.file)?.length ?? 0) ? 'fail' : 'pass';
  const count = (s: string) => all.filter((a) => status(a) === s).length;
  const yearOf = (a: Analysis) => (a.ok ? a.parsed.report.year : a.meta?.year) ?? null;
  const years = [...new Set(all.map(yearOf))].sort((x, y) => (x ?? 0) - (y ?? 0));
  const byYear = bars(
    years.map((y) => {
      const of = all.filter((a) => yearOf(a) === y);
      const n = (s: string) => of.filter((a) => status(a) === s).length;
      return {
        label: y === null ? '年度未识别' : `${y}年度`,
        parts: [
          { n: n('pass'), color: GREEN, title: '全部通过' },
          { n: n('fail'), color: RED, title: '有不通过项' },
          { n: n('unreadable'), color: GREY, title: '无法读取' },
        ],
      };
    }),
  );
  const kinds = Object.keys(FAILURE_KINDS) as Kind[];
  const perKind = new Map<Kind, number>(kinds.map((k) => [k, 0]));
  for (const a of all) for (const k of kindsOf(a, r5.get(a.file) ?? [])) perKind.set(k, perKind.get(k)! + 1);
  const byKind = bars(
    kinds
      .filter((k) => perKind.get(k))
      .map((k) => ({
        label: FAILURE_KINDS[k],
        parts: [{ n: perKind.get(k)!, color: k.length > 2 ? GREY : RED, title: FAILURE_KINDS[k] }],
      })),
  );
  const rows = all.map((a) => reportRow(a, r5.get(a.file) ?? [], status(a))).join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>政府信息公开工作年度报告核查</title>
<style>
body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px;color:#222}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:24px 0 8px}
.sum span{display:inline-block;margin-right:18px;font-size:15px}.sum b{font-size:20px}
.charts{display:flex;flex-wrap:wrap;gap:32px}svg text{fill:#333}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#f3f3f3;position:sticky;top:0}td:nth-child(2){min-width:9em}td:nth-child(5){max-width:32em}tr.fail td:first-child{border-left:4px solid ${RED}}
tr.pass td:first-child{border-left:4px solid ${GREEN}}tr.unreadable td:first-child{border-left:4px solid ${GREY}}
.muted{color:#777}ul{margin:0;padding-left:16px}details summary{cursor:pointer;color:#245}
.ok{color:${GREEN}}.bad{color:${RED}}
</style></head><body>
<h1>政府信息公开工作年度报告核查</h1>
<p class="muted">Annual report audit · ${esc(generatedAt)} · 校验规则见《年度报告格式》：R1 勾稽、R2/R3 合计、R4 复议诉讼、M 空白、R5 跨年度结转（空白不按零计，无法确定的单元格不参与校验）</p>
<p class="sum"><span>共 <b>${all.length}</b> 份</span><span class="ok">全部通过 <b>${count('pass')}</b></span><span class="bad">有不通过项 <b>${count('fail')}</b></span><span class="muted">无法读取 <b>${count('unreadable')}</b></span></p>
<div class="charts"><section><h2>按年度 By year</h2>${byYear}</section><section><h2>按问题类型 By failure kind（份数）</h2>${byKind || '<p>无</p>'}</section></div>
<h2>逐份报告 Reports</h2>
<table><thead><tr><th>文件</th><th>机关</th><th>年度</th><th>格式</th><th>校验</th><th>无法确定</th><th>依据与说明</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body></html>
`;
}

function list(items: string[], max = 8): string {
  if (!items.length) return '';
  const li = (xs: string[]) => xs.map((x) => `<li>${esc(x)}</li>`).join('');
  if (items.length <= max) return `<ul>${li(items)}</ul>`;
  return `<ul>${li(items.slice(0, max))}</ul><details><summary>另有 ${items.length - max} 项</summary><ul>${li(items.slice(max))}</ul></details>`;
}

function reportRow(a: Analysis, r5: CheckFailure[], status: string): string {
  const cells = (xs: string[]) => xs.map((x) => `<td>${x}</td>`).join('');
  if (!a.ok) {
    const m = a.meta;
    return `<tr class="${status}">${cells([
      esc(a.file),
      esc(m?.agency ?? '—'),
      esc(m?.year ?? '—'),
      esc(m?.version ?? '—'),
      `<span class="muted">无法读取：${esc(a.error)}</span>`,
      '—',
      list(m?.evidence ?? []),
    ])}</tr>`;
  }
  const { report, unresolved, tablesNotFound, evidence, inferences, warnings } = a.parsed;
  const failures = [...a.failures, ...r5];
  const checks = failures.length
    ? list(failures.map((f) => `${f.rule} ${f.message}`))
    : '<span class="ok">全部通过</span>';
  const notes = [
    ...evidence,
    ...inferences.map((x) => `推断：${x}`),
    ...tablesNotFound.map((x) => `未找到：${x}（不按零计）`),
    ...warnings,
  ];
  return `<tr class="${status}">${cells([
    esc(a.file),
    esc(report.agency ?? '（未识别）'),
    esc(report.year ?? '（未识别）'),
    esc(report.version),
    checks,
    unresolved.length ? `${unresolved.length}${list(unresolved, 3)}` : '0',
    list(notes, 4),
  ])}</tr>`;
}
