import type { Rng } from '../../../shared/random.ts';
import type { DemoAgency } from '../data.ts';
import { cnDate, type DemoDoc, ORDINALS } from './parts.ts';

/** What a kind of document is made from: the agency, the year, the day it is published, numbered series. */
export interface Gen {
  r: Rng;
  agency: DemoAgency;
  year: number;
  day: string;
  /** The next number of a series in this year (文号, 期, 批次): 1, 2, 3… */
  seq: (series: string) => number;
}

/** A kind of document an agency publishes, how often, and how it is made (null: none fits this day). */
export interface Kind {
  weight: number;
  make: (g: Gen) => DemoDoc | null;
}

/** 第十二次 (numbers of meetings and batches as the documents print them). */
export function cnNumber(n: number): string {
  if (n <= 10) return n === 10 ? '十' : ORDINALS[n - 1]!;
  if (n < 20) return `十${ORDINALS[n - 11]!}`;
  const tens = Math.floor(n / 10);
  return `${ORDINALS[tens - 1]}十${n % 10 ? ORDINALS[(n % 10) - 1] : ''}`;
}

/** A 通知 with a 文号 of the agency's 发 series: "关于…的通知", the addressees, the parts, the signature. */
export function notice(
  g: Gen,
  subject: string,
  o: { to: string; aim: string; parts: [string, string[]][]; item: string; topic: string; series?: string },
): DemoDoc {
  const { r, agency, year } = g;
  const series = o.series ?? '发';
  const docNumber = `${agency.docCode}${series}〔${year}〕${g.seq(series)}号`;
  const paras = [
    `${o.to}：`,
    o.aim,
    ...o.parts.flatMap(([h, ps], i) => [
      `## ${ORDINALS[i]}、${h}`,
      ...r.pick([ps, ps.slice(0, Math.max(1, ps.length - 1))]),
    ]),
    r.pick([
      `联系人：${r.pick(['张', '王', '李', '马', '杨'])}某某，联系电话：${agency.phone}。`,
      `联系电话：${agency.phone}。`,
    ]),
    agency.name,
    cnDate(g.day),
  ];
  return {
    title: `${agency.name}关于${subject}的通知`,
    docNumber,
    genre: '通知',
    articleItem: o.item,
    topic: o.topic,
    keywords: subject.replace(/^(开展|做好|印发|加强)/, '').slice(0, 20),
    paras,
    lag: r.int(1, 5),
  };
}

/** A 工作动态: a short report of what happened, in the agency's own voice. */
export function news(g: Gen, title: string, paras: string[], topic: string): DemoDoc {
  return { title, genre: '工作动态', articleItem: '20.15', topic, keywords: '工作动态', paras, lag: g.r.int(0, 2) };
}

/** Month and quarter words of a day. */
export const monthOf = (day: string) => Number(day.slice(5, 7));
export const quarterOf = (day: string) => Math.floor((monthOf(day) - 1) / 3) + 1;
export const season = (day: string) =>
  ['春季', '春季', '春季', '春季', '春季', '夏季', '夏季', '秋季', '秋季', '秋季', '冬季', '冬季'][monthOf(day) - 1]!;
