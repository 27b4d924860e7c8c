import type { Rng } from '../../../shared/random.ts';
import type { DemoAgency } from '../data.ts';
import type { DemoDoc } from './parts.ts';

/**
 * 条例第二十条第七项: each agency's 部门预算 of a year (published within 20 days of its approval, 《预算法》第十四条)
 * and its 部门决算 of the year before; a government publishes the 本级 budget and final accounts instead.
 */
const wan = (n: number) => `${(n / 100).toFixed(2)}万元`;

export function budget(r: Rng, a: DemoAgency, year: number): DemoDoc {
  const total = r.int(a.kind === 'government' ? 900000 : 30000, a.kind === 'government' ? 1800000 : 220000);
  const basic = Math.round(total * (0.55 + r.next() * 0.3));
  const trips = r.int(300, 2400);
  const gov = a.kind === 'government';
  const title = gov ? `凉州区${year}年财政预算公开` : `${a.name}${year}年部门预算公开`;
  return {
    title,
    genre: '其他',
    articleItem: '20.7',
    topic: '财政金融',
    keywords: `${year}年 预算`,
    paras: gov
      ? [
          `${year}年全区一般公共预算收入安排${wan(total)}，一般公共预算支出安排${wan(Math.round(total * 2.6))}。`,
          `政府性基金预算收入安排${wan(Math.round(total * 0.7))}，国有资本经营预算收入安排${wan(r.int(2000, 9000))}。`,
          '附件：凉州区一般公共预算收支表、政府性基金预算收支表、国有资本经营预算收支表、社会保险基金预算收支表、政府债务限额和余额情况表。',
        ]
      : [
          `## 一、部门职责及机构设置`,
          `${a.name}是区政府工作部门，内设${r.int(5, 12)}个股室，下属单位${r.int(0, 8)}个。`,
          `## 二、收支预算总体情况`,
          `${year}年收入预算${wan(total)}，其中一般公共预算拨款${wan(Math.round(total * 0.96))}；支出预算${wan(total)}，其中基本支出${wan(basic)}，项目支出${wan(total - basic)}。`,
          `## 三、“三公”经费预算情况`,
          `“三公”经费预算${wan(trips)}，其中公务接待费${wan(Math.round(trips * 0.3))}，公务用车运行维护费${wan(trips - Math.round(trips * 0.3))}，因公出国（境）费0元。`,
          '## 四、其他重要事项的情况说明',
          `机关运行经费${wan(Math.round(basic * 0.08))}；政府采购预算${wan(r.int(500, 8000))}；绩效目标管理覆盖全部项目支出。`,
        ],
    lag: r.int(2, 10),
  };
}

export function finalAccounts(r: Rng, a: DemoAgency, year: number): DemoDoc {
  const total = r.int(a.kind === 'government' ? 900000 : 30000, a.kind === 'government' ? 1800000 : 220000);
  const gov = a.kind === 'government';
  return {
    title: gov ? `凉州区${year}年财政决算公开` : `${a.name}${year}年部门决算公开`,
    genre: '其他',
    articleItem: '20.7',
    topic: '财政金融',
    keywords: `${year}年 决算`,
    paras: gov
      ? [
          `经区人民代表大会常务委员会审查批准，现公开凉州区${year}年财政决算。`,
          `${year}年全区一般公共预算收入完成${wan(total)}，为预算的${(98 + r.next() * 6).toFixed(1)}%；一般公共预算支出完成${wan(Math.round(total * 2.5))}。`,
        ]
      : [
          `## 一、收入支出决算总体情况`,
          // 收入 − 支出 = 年末结转和结余 (the second draw kept, so the rest of the demo is drawn as before).
          ((spent, _kept) =>
            `${year}年度收入总计${wan(total)}，支出总计${wan(total - spent)}，年末结转和结余${wan(spent)}。`)(
            r.int(0, 800),
            r.int(0, 800),
          ),
          `## 二、“三公”经费支出决算情况`,
          `“三公”经费支出${wan(r.int(200, 2000))}，较年初预算有所下降，主要是厉行节约、严控公务接待。`,
          '## 三、预算绩效情况说明',
          `对${r.int(3, 15)}个项目开展了绩效自评，自评结果均为“良”以上。`,
        ],
    lag: r.int(2, 10),
  };
}

export const FINANCE_DAY = { budget: '02-20', final: '08-25' } as const;
