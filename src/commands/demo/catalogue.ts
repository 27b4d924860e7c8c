import { addDays } from '../../domain/calendar/index.ts';
import { formatIndexNo } from '../../domain/catalogue/index.ts';
import { parseCsv, toCsv } from '../../domain/csv.ts';
import type { Ctx } from '../../shared/context.ts';
import { type Rng, rng } from '../../shared/random.ts';
import { importCatalogue } from '../catalogue/import.ts';
import { createItem, itemStep } from '../catalogue/items.ts';
import { demoActor } from './actors.ts';
import { DEMO_AGENCIES } from './data.ts';
import type { DemoExtension } from './load-demo.ts';

/** The seed report: 43 items published in 2020, 2,816 in total by its end; none of them 规章 or 规范性文件. */
export const SEED_PUBLISHED_2020 = 43;
export const SEED_PUBLISHED_TOTAL = 2816;
const SEED_FIRST_YEAR = 2012;

const SUBJECTS = [
  '食品安全',
  '药品安全',
  '特种设备安全',
  '产品质量',
  '计量',
  '标准化',
  '知识产权',
  '价格监督',
  '广告监管',
  '市场主体登记',
  '消费者权益保护',
  '网络交易监管',
];
const KINDS: [string, (y: number, s: string, n: number) => [string, string, string, string]][] = [
  [
    '通知',
    (y, s, n) => [
      `凉州区市场监督管理局关于开展${y}年${s}专项检查工作的通知`,
      `凉市监发〔${y}〕${n}号`,
      '通知',
      '20.13',
    ],
  ],
  ['公告', (y, s, n) => [`${y}年第${(n % 12) + 1}期${s}监督抽检信息公告`, '', '公告', '20.13']],
  [
    '处罚',
    (y, _s, n) => [
      `凉州区市场监督管理局行政处罚决定书（凉市监罚〔${y}〕${n}号）`,
      `凉市监罚〔${y}〕${n}号`,
      '决定',
      '20.6',
    ],
  ],
  [
    '许可',
    (y, s, n) => [
      `${y}年第${(n % 52) + 1}周${s === '食品安全' ? '食品经营许可' : '行政许可'}办理结果公示`,
      '',
      '公告',
      '20.5',
    ],
  ],
  ['计划', (y, s) => [`凉州区${y}年${s}监管工作计划`, '', '规划计划', '20.3']],
  ['总结', (y, s) => [`凉州区市场监督管理局${y}年${s}工作总结`, '', '报告总结', '20.15']],
  ['动态', (y, s, n) => [`我局召开${y}年${s}工作推进会（${n}）`, '', '工作动态', '20.15']],
  ['预算', (y) => [`凉州区市场监督管理局${y}年部门预算公开`, '', '其他', '20.7']],
];

function body(r: Rng, title: string, subject: string): string {
  const s = [
    `为进一步加强${subject}监督管理，切实保障人民群众合法权益，根据有关法律法规和上级部署，现将有关事项公告如下。`,
    `一、工作目标。坚持问题导向，落实监管责任，推动${subject}形势持续稳定向好。`,
    `二、主要任务。开展日常监督检查和专项抽检，依法查处违法违规行为，及时公开监管信息。`,
    `三、工作要求。各监管所要高度重视，明确专人负责，确保各项工作落到实处。`,
    `联系电话：0935-${r.int(2200000, 2299999)}。`,
  ];
  return `<p>${title}</p>${s
    .slice(0, r.int(3, 5))
    .map((p) => `<p>${p}</p>`)
    .join('')}`;
}

/** A legacy catalogue as the CSV a previous system exports. */
export function legacyCatalogueCsv(
  code: string,
  counts: Record<number, number>,
  r: Rng,
  opts: { normativeFrom?: number } = {},
): string {
  const rows: (string | number)[][] = [
    ['索引号', '标题', '文号', '成文日期', '发布日期', '主题分类', '体裁', '所属事项', '有效性', '关键词', '正文'],
  ];
  for (const [y, n] of Object.entries(counts)) {
    const year = Number(y);
    for (let k = 1; k <= n; k++) {
      const subject = r.pick(SUBJECTS);
      // The seed agency's 2020 notices include 凉市监发〔2020〕12号.
      const kind = year === 2020 && k === 12 ? KINDS[0]! : r.pick(KINDS);
      let [title, docNo, genre, item] = kind[1](year, subject, k);
      // Normative documents only where the agency made them (not before `normativeFrom`).
      if (opts.normativeFrom && year >= opts.normativeFrom && k % 25 === 3) {
        title = `凉州区市场监督管理局关于印发《凉州区${subject}监督管理办法》的通知`;
        docNo = `凉市监规〔${year}〕${k}号`;
        genre = '规范性文件';
        item = '20.1';
      }
      const day = addDays(`${year}-01-02`, Math.floor(((k - 1) * 360) / n));
      rows.push([
        formatIndexNo('{code}/{year}-{seq5}', { code, year, month: 1, seq: k }),
        title,
        docNo,
        addDays(day, -r.int(1, 6)),
        day,
        r.pick(['市场监管', '食品药品', '质量安全']),
        genre,
        item,
        '现行有效',
        subject,
        body(r, title, subject),
      ]);
    }
  }
  return toCsv(rows);
}

/** Spread `total` items over the years before 2020, growing year by year. */
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

/**
 * Catalogues through the import path: the seed agency's 2,816 legacy items (43 of them in 2020) and its
 * items of 2021–2025 with real 规范性文件; smaller catalogues for the other departments; a few items in the
 * review workflow for the workbench.
 */
export const demoCatalogue: DemoExtension = async (sys, ids) => {
  const r = rng(2816);
  const samr = DEMO_AGENCIES.find((a) => a.key === 'samr')!;
  const admin = await demoActor(sys, 'demo-approver');
  await importCatalogue(admin, ids.samr!, parseCsv(legacyCatalogueCsv(samr.creditCode, seedCounts(), r)));
  await importCatalogue(
    admin,
    ids.samr!,
    parseCsv(
      legacyCatalogueCsv(samr.creditCode, { 2021: 52, 2022: 61, 2023: 58, 2024: 66, 2025: 49 }, r, {
        normativeFrom: 2021,
      }),
    ),
  );
  for (const a of DEMO_AGENCIES.filter((x) => x.key !== 'samr')) {
    const sysAsSys: Ctx = { ...sys };
    await importCatalogue(
      sysAsSys,
      ids[a.key]!,
      parseCsv(
        legacyCatalogueCsv(a.creditCode, { 2023: 12, 2024: 15, 2025: 10 }, r)
          .replaceAll('凉州区市场监督管理局', a.name)
          .replaceAll('凉市监', '凉区'),
      ),
    );
  }
  // The workbench: one draft awaiting 保密审查, one reviewed awaiting approval.
  const op = await demoActor(sys, 'demo-operator');
  const rev = await demoActor(sys, 'demo-reviewer');
  const pending = await createItem(op, ids.samr!, {
    title: '凉州区市场监督管理局关于开展2026年“双随机、一公开”抽查工作的通知',
    docNumber: '凉市监发〔2026〕18号',
    genre: 'notice',
    articleItem: '20.6',
    topic: '市场监管',
    formedDate: addDays(sysDate(sys), -10),
    bodyHtml: '<p>各监管所：为规范事中事后监管，现就2026年“双随机、一公开”抽查工作通知如下……</p>',
  });
  await itemStep(op, pending, 'submit');
  const reviewed = await createItem(op, ids.samr!, {
    title: '凉州区2026年食品安全监督抽检计划',
    genre: 'plan',
    articleItem: '20.13',
    topic: '食品药品',
    formedDate: addDays(sysDate(sys), -35),
    bodyHtml: '<p>根据《中华人民共和国食品安全法》，制定本计划。</p>',
  });
  await itemStep(op, reviewed, 'submit');
  await itemStep(rev, reviewed, 'review', { disclosure: 'proactive' });
};

const sysDate = (ctx: Ctx) => ctx.now().toISOString().slice(0, 10);
