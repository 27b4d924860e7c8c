import type { ReportVersion } from '../format.ts';
import { compact } from './normalize.ts';

/** A value read from the text with the line that shows it (for the reader to verify). */
export interface Found<T> {
  value: T;
  evidence: string;
}
export interface ReportMeta {
  version: Found<ReportVersion> | null;
  year: Found<number> | null;
  agency: Found<string> | null;
}

const MARKERS_2021 = [
  '本年制发件数',
  '本年废止件数',
  '现行有效件数',
  '本年处理决定数量',
  '本年收费金额',
  '逾期不补正',
  '逾期未按收费通知',
];
const MARKERS_2019 = [
  '本年新制作数量',
  '本年新公开数量',
  '对外公开总数量',
  '上一年项目数量',
  '采购项目数量',
  '采购总金额',
];
const TABLE_MARKERS = ['本年新收政府信息公开申请数量', '第二十条第(一)项', '本列数据的勾稽关系'];
/** The notice that issued the format: 国办公开办函〔2019〕60号 (试行) or 〔2021〕30号 (hazard 7: numbers miscited). */
const NOTICE = /国办公开办函\s*[〔[(（【]\s*(2019|2021)\s*[〕\])）】]\s*(\d{1,3})\s*号/;

const clip = (s: string, n = 60) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n)}…` : t;
};

/**
 * The format version, from the content (never from the year): the table headers first, else the notice the text
 * cites; a table without either header set is read as 2019. Null when neither headers, tables nor notice are there.
 */
export function findVersion(text: string, compacted = compact(text)): Found<ReportVersion> | null {
  const c = compacted;
  const v21 = MARKERS_2021.filter((m) => c.includes(m));
  const v19 = MARKERS_2019.filter((m) => c.includes(m));
  if (v21.length || v19.length) {
    const v: ReportVersion = v21.length >= v19.length ? '2021' : '2019';
    const ms = v === '2021' ? v21 : v19;
    return { value: v, evidence: `表头「${ms.slice(0, 3).join('」「')}」（${v}年版格式）` };
  }
  const n = NOTICE.exec(text);
  if (n) {
    const v: ReportVersion = n[1] === '2021' ? '2021' : '2019';
    return { value: v, evidence: `引用${clip(n[0])}（${v}年版格式）` };
  }
  const t = TABLE_MARKERS.find((m) => c.includes(compact(m)));
  return t ? { value: '2019', evidence: `表格「${t}」无2021年版表头，按2019年版读取` } : null;
}

const TITLE =
  /(\d{4})\s*年\s*度?\s*(?:[^\d\n。]{0,20}?)(?:政府信息公开|政务公开)(?:工作)?\s*(?:年度)?\s*(?:报告|年报|落实情况)/;

/** The report year: from the title, else the statistics period, else the first year in the overview. */
export function findYear(text: string): Found<number> | null {
  const head = text.slice(0, 1500).replace(/\n/g, ' ');
  // The title stands before the first section; later mentions cite other reports (《…2021年…年度报告》).
  const firstSection = head.search(/一\s*[、.]\s*总体情况/);
  const t = TITLE.exec(firstSection > 0 ? head.slice(0, firstSection) : head.slice(0, 300));
  if (t) return { value: Number(t[1]), evidence: `标题「${clip(t[0])}」` };
  const period = /统计(?:期限|周期|时限)[^0-9]{0,10}(\d{4})\s*年\s*1\s*月\s*1\s*日/.exec(text.replace(/\n/g, ''));
  if (period) return { value: Number(period[1]), evidence: `统计期限「${clip(period[0])}」` };
  const overview = /(?:一[、.]\s*总体情况)[\s\S]{0,400}?(\d{4})\s*年/.exec(text);
  if (overview) return { value: Number(overview[1]), evidence: `总体情况「…${clip(overview[0].slice(-30))}」` };
  const any = /(20\d{2})\s*年/.exec(head);
  return any
    ? { value: Number(any[1]), evidence: `开头「${clip(head.slice(Math.max(0, any.index - 20), any.index + 6))}」` }
    : null;
}

const AGENCY_END =
  /(人民政府|政府|办公室|办公厅|管理局|监督管理局|委员会|管委会|办事处|街道|局|委|署|厅|部|办|中心|院|会|所|站|队|馆|处|司|实验区|新区|开发区|镇|乡|区|县|市|省)$/;

function plausible(name: string | undefined): string | null {
  if (!name) return null;
  const n = name.replace(/^[\s:：,，。|]+|[\s:：,，。|]+$/g, '').replace(/\s+/g, '');
  if (n.length < 3 || n.length > 40) return null;
  if (/^(我|本|全|各|该|年度|关于|编制|根据|特向|向社会)/.test(n)) return null;
  if (/[0-9,，。；;:：《》()（）]/.test(n)) return null;
  return AGENCY_END.test(n) ? n : null;
}

/** The reporting agency: the publisher metadata, the title, the preamble, the overview, else the signature. */
export function findAgency(text: string): Found<string> | null {
  const head = text.slice(0, 1500);
  const flat = head.replace(/\n/g, ' ');
  const found = (name: string | null, where: string, line: string) =>
    name ? { value: name, evidence: `${where}「${clip(line)}」` } : null;
  // 发布机构 metadata table: | 索引号 | 公开方式 | 发布机构 | … then the values row.
  const meta = /发布机构\s*\|?\s*\n([^\n]*)/.exec(head);
  if (meta) {
    const cells = meta[1]!
      .split('|')
      .map((x) => x.trim())
      .filter(Boolean);
    const p = found(plausible(cells[cells.length - 1]), '发布机构', meta[0]);
    if (p) return p;
  }
  // "平潭综合实验区2021年度政府信息公开工作年度报告" (with breadcrumbs before it), also quoted in the preamble.
  const before = /([^\s\d|>》《:：]{2,40}?)\s*(\d{4})\s*年\s*度?\s*政府\s*信息公开/.exec(flat);
  if (before) {
    const p = found(plausible(before[1]), '标题', before[0]);
    if (p) return p;
  }
  // "2024 年上海市科委政府信息公开工作年度报告".
  const after = /\d{4}\s*年\s*度?\s*([^\d\s]{2,30}?)\s*政府\s*信息公开\s*工作/.exec(flat);
  if (after) {
    const p = found(plausible(after[1]), '标题', after[0]);
    if (p) return p;
  }
  // A line of its own just before or after the title line.
  const lines = head.split('\n').map((l) => l.trim());
  const titleIdx = lines.findIndex((l) => /\d{4}\s*年.*(政府信息公开|政务公开)/.test(l));
  for (const i of [titleIdx - 1, titleIdx + 1]) {
    if (titleIdx >= 0 && i >= 0) {
      const p = found(plausible(lines[i]), '标题旁', lines[i]!);
      if (p) return p;
    }
  }
  // The overview's first sentence: "2022年,国家新闻出版署坚持……".
  const prose = /\d{4}\s*年\s*[,，]\s*([^,，。\d]{2,30}?)(?:坚持|认真|深入|全面|按照|以习近平|紧紧围绕|进一步)/.exec(
    text.replace(/\n/g, ''),
  );
  if (prose) {
    const p = found(plausible(prose[1]), '总体情况', prose[0]);
    if (p) return p;
  }
  return signature(text);
}

/** The signature: a name on a line of its own, followed by the date of the report, at the end of the text. */
function signature(text: string): Found<string> | null {
  const tail = text
    .slice(-400)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  for (let i = tail.length - 1; i > 0; i--) {
    if (!/^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/.test(tail[i]!)) continue;
    const p = plausible(tail[i - 1]);
    if (p) return { value: p, evidence: `落款「${clip(`${tail[i - 1]} ${tail[i]}`)}」` };
  }
  return null;
}

/** Year, version and agency of any text, with or without tables. */
export function readMeta(text: string, compacted?: string): ReportMeta {
  return { version: findVersion(text, compacted), year: findYear(text), agency: findAgency(text) };
}
