import { type SupervisionFacts, supervisionParagraph } from '../supervision/ratings.ts';
import type { ReportData } from './types.ts';

export interface NarrativeFacts {
  publishedInYear: number;
  publishedTotal: number;
  /** 信息处理费 collected in the year, yuan (section 六, 2021 format). */
  feesCollected: number;
  interpretations: number;
  /** A government's 考核, 社会评议 and 责任追究 results (条例第五十条); absent for departments. */
  supervision?: SupervisionFacts;
}

/** A first draft of sections 一, 五 and 六 from the numbers; staff edit it. */
export function draftNarrative(
  r: ReportData,
  f: NarrativeFacts,
): { overview: string; problems: string; other: string } {
  const y = r.year;
  const a = r.applications;
  const n = (a.new?.total as number | null) ?? 0;
  const co = (a.carried_over?.total as number | null) ?? 0;
  const done = (a.total?.total as number | null) ?? 0;
  const cf = (a.carried_forward?.total as number | null) ?? 0;
  const appeals = Object.values(r.appeals).reduce((s, g) => s + ((g.total as number | null) ?? 0), 0);
  const applications =
    n + co === 0
      ? `${y}年，未收到公开政府信息的申请。`
      : `${y}年，共收到政府信息公开申请${n}件，上年结转${co}件，办结${done}件，结转下年度继续办理${cf}件。`;
  const overview = [
    `${y}年，${r.agency ?? '本机关'}认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，推进政府信息公开工作。`,
    `一是主动公开政府信息的数量：${y}年主动公开发布各类政府信息${f.publishedInYear}条，累计发布各类政府信息${f.publishedTotal}条。`,
    f.interpretations
      ? `二是政策解读：${y}年发布政策解读${f.interpretations}篇。`
      : `二是政策解读：${y}年未发布政策解读。`,
    `三是政府信息依申请公开办理情况：${applications}`,
    appeals
      ? `四是因政府信息公开引起的行政复议、行政诉讼共${appeals}件，具体情况见第四部分。`
      : `四是${y}年未发生因政府信息公开引起的行政复议、行政诉讼。`,
  ].join('\n');
  const other =
    r.version === '2021'
      ? f.feesCollected > 0
        ? `${y}年，依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费${f.feesCollected}元。`
        : `${y}年，未收取政府信息公开信息处理费。`
      : '无';
  const problems = f.supervision ? supervisionParagraph(y, f.supervision) : '';
  return { overview, problems, other };
}
