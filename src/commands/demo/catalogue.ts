import { addDays, chinaDate } from '../../domain/calendar/index.ts';
import { formatIndexNo } from '../../domain/catalogue/index.ts';
import { parseCsv, toCsv } from '../../domain/csv.ts';
import type { Ctx } from '../../shared/context.ts';
import { type Rng, rng } from '../../shared/random.ts';
import { importCatalogue } from '../catalogue/import.ts';
import { createItem, itemStep } from '../catalogue/items.ts';
import { demoActor } from './actors.ts';
import { DEMO_AGENCIES, type DemoAgency } from './data.ts';
import type { DemoExtension } from './load-demo.ts';
import { demoNormatives, planNormatives } from './normatives.ts';
import { EDU_KINDS, HEALTH_KINDS } from './text/departments.ts';
import { budget, FINANCE_DAY, finalAccounts } from './text/finance.ts';
import type { Gen, Kind } from './text/kind.ts';
import { NR_KINDS } from './text/land.ts';
import { GOV_KINDS, TOWN_KINDS } from './text/local.ts';
import { type DemoDoc, toHtml } from './text/parts.ts';
import { SAMR_KINDS } from './text/samr.ts';

/** The seed report: 43 items published in 2020, 2,816 in total by its end; none of them 规章 or 规范性文件. */
export const SEED_PUBLISHED_2020 = 43;
export const SEED_PUBLISHED_TOTAL = 2816;
const SEED_FIRST_YEAR = 2012;
/** The year the platform's own catalogues start: from then to today's year, items up to today. */
const LIVE_FROM = 2021;

/** Each agency publishes what its role makes: 处罚 by those that punish, §21 items by the town. */
export const KINDS_OF: Record<string, Kind[]> = {
  samr: SAMR_KINDS,
  edu: EDU_KINDS,
  health: HEALTH_KINDS,
  nr: NR_KINDS,
  town: TOWN_KINDS,
  gov: GOV_KINDS,
};
/** Items a year (beside 预算, 决算 and 规范性文件), as a range: every agency its own size. */
const PER_YEAR: Record<string, [number, number]> = {
  samr: [48, 66],
  gov: [26, 34],
  health: [18, 25],
  edu: [15, 22],
  nr: [11, 16],
  town: [9, 14],
};

interface Dated extends DemoDoc {
  day: string;
}

/**
 * One agency's documents of the years in `counts` (each year's count exactly, budget and final accounts among
 * them), none after `today`, no title twice: a kind whose title is taken is drawn again, and an agency that
 * punishes falls back on a numbered 处罚决定书.
 */
export function agencyDocs(r: Rng, a: DemoAgency, counts: Record<number, number>, today: string, titles: Set<string>) {
  const kinds = KINDS_OF[a.key]!;
  const docs: Dated[] = [];
  for (const [y, n] of Object.entries(counts)) {
    const year = Number(y);
    const counters = new Map<string, number>();
    const seq = (s: string) => {
      counters.set(s, (counters.get(s) ?? 0) + 1);
      return counters.get(s)!;
    };
    const last = year === Number(today.slice(0, 4)) ? today : `${year}-12-28`;
    const span = Math.max(1, Math.round((Date.parse(last) - Date.parse(`${year}-01-04`)) / 86_400_000));
    const fixed: Dated[] = [];
    const add = (d: DemoDoc, day: string) => {
      if (day <= today && !titles.has(d.title)) {
        titles.add(d.title);
        fixed.push({ ...d, day });
      }
    };
    add(budget(r, a, year), `${year}-${FINANCE_DAY.budget}`);
    add(finalAccounts(r, a, year - 1), `${year}-${FINANCE_DAY.final}`);
    for (let k = fixed.length; k < n; k++) {
      const day = addDays(`${year}-01-04`, Math.floor((k * span) / n));
      const g: Gen = { r, agency: a, year, day, seq };
      let doc: DemoDoc | null = null;
      for (let tries = 0; tries < 12 && !doc; tries++) {
        const d = r.weighted(kinds.map((x) => [x, x.weight] as const)).make(g);
        if (d && !titles.has(d.title)) doc = d;
      }
      if (!doc && ['samr', 'health', 'nr'].includes(a.key)) doc = kinds[0]!.make(g);
      if (!doc) continue;
      titles.add(doc.title);
      docs.push({ ...doc, day });
    }
    docs.push(...fixed);
  }
  return docs;
}

/** The documents as the CSV a previous system exports (索引号 numbered per year in order of publication). */
export function catalogueCsv(code: string, docs: Dated[], from = 1) {
  const rows: (string | number)[][] = [
    ['索引号', '标题', '文号', '成文日期', '发布日期', '主题分类', '体裁', '所属事项', '有效性', '关键词', '正文'],
  ];
  const seqOf = new Map<number, number>();
  for (const d of [...docs].sort((x, y) => x.day.localeCompare(y.day))) {
    const year = Number(d.day.slice(0, 4));
    const seq = (seqOf.get(year) ?? from - 1) + 1;
    seqOf.set(year, seq);
    rows.push([
      formatIndexNo('{code}/{year}-{seq5}', { code, year, month: Number(d.day.slice(5, 7)), seq }),
      d.title,
      d.docNumber ?? '',
      addDays(d.day, -(d.lag ?? 1)),
      d.day,
      d.topic,
      d.genre,
      d.articleItem,
      '现行有效',
      d.keywords,
      toHtml(d.paras),
    ]);
  }
  return toCsv(rows);
}

/** Spread the seed's items over the years before 2020, growing year by year. */
function seedCounts(): Record<number, number> {
  const years = 2019 - SEED_FIRST_YEAR + 1;
  const before = SEED_PUBLISHED_TOTAL - SEED_PUBLISHED_2020;
  const weights = Array.from({ length: years }, (_, i) => i + 4);
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts: Record<number, number> = {};
  let left = before;
  weights.forEach((w, i) => {
    const n = i === years - 1 ? left : Math.round((before * w) / sum);
    counts[SEED_FIRST_YEAR + i] = n;
    left -= n;
  });
  counts[2020] = SEED_PUBLISHED_2020;
  return counts;
}

/** The live years' counts of an agency: its own range a year, the current year's in proportion to the days gone. */
function liveCounts(r: Rng, key: string, today: string): Record<number, number> {
  const [lo, hi] = PER_YEAR[key]!;
  const now = Number(today.slice(0, 4));
  const part = (Date.parse(today) - Date.parse(`${now}-01-01`)) / (365 * 86_400_000);
  const counts: Record<number, number> = {};
  for (let y = LIVE_FROM; y <= now; y++)
    counts[y] = y === now ? Math.max(2, Math.round(r.int(lo, hi) * part)) : r.int(lo, hi);
  return counts;
}

/**
 * Catalogues through the import path: the seed agency's 2,816 legacy items (43 of them in 2020), every agency's
 * items from 2021 to today by its role; 规范性文件 with their PDF and 解读 through the review workflow; a few
 * items in the workflow for the workbench.
 */
export const demoCatalogue: DemoExtension = async (sys, ids, env) => {
  const r = rng(2816);
  const today = chinaDate(sys.now());
  const admin = await demoActor(sys, 'demo-approver');
  const titles = new Map(DEMO_AGENCIES.map((a) => [a.key, new Set<string>()]));
  const samr = DEMO_AGENCIES.find((a) => a.key === 'samr')!;
  const seed = agencyDocs(r, samr, seedCounts(), '2020-12-31', titles.get('samr')!);
  // The PDFs render while the imports below run (the database answers from its own process).
  const normatives = planNormatives(today, env);
  await importCatalogue(admin, ids.samr!, parseCsv(catalogueCsv(samr.creditCode, seed)));
  for (const a of DEMO_AGENCIES) {
    const docs = agencyDocs(r, a, liveCounts(r, a.key, today), today, titles.get(a.key)!);
    const as: Ctx = a.key === 'samr' ? admin : sys;
    await importCatalogue(as, ids[a.key]!, parseCsv(catalogueCsv(a.creditCode, docs)));
  }
  await demoNormatives(sys, ids, env, normatives, titles);
  // The workbench: one draft awaiting 保密审查, one reviewed awaiting approval.
  const year = Number(today.slice(0, 4));
  const op = await demoActor(sys, 'demo-operator');
  const rev = await demoActor(sys, 'demo-reviewer');
  const pending = await createItem(op, ids.samr!, {
    title: `凉州区市场监督管理局关于开展${year + (today.slice(5) > '11-01' ? 1 : 0)}年“双随机、一公开”抽查工作的通知`,
    genre: 'notice',
    articleItem: '20.6',
    topic: '市场监管',
    formedDate: addDays(today, -10),
    bodyHtml: toHtml([
      '各市场监管所，局机关各股室：',
      '为规范事中事后监管，根据《国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见》，现就抽查工作通知如下。',
      '## 一、抽查对象',
      '全区登记在册的企业、个体工商户和农民专业合作社，按风险等级确定抽查比例。',
    ]),
  });
  await itemStep(op, pending, 'submit');
  const reviewed = await createItem(op, ids.samr!, {
    title: `凉州区${year + 1}年食品安全监督抽检计划`,
    genre: 'plan',
    articleItem: '20.13',
    topic: '食品药品',
    formedDate: addDays(today, -35),
    bodyHtml: toHtml([
      `根据《中华人民共和国食品安全法》第八十七条和上级年度抽检工作安排，制定本计划。`,
      '## 一、抽检品种和数量',
      '全年计划抽检粮食加工品、食用油、肉制品、乳制品、蔬菜、水果等食品1200批次。',
    ]),
  });
  await itemStep(op, reviewed, 'submit');
  await itemStep(rev, reviewed, 'review', { disclosure: 'proactive' });
};
