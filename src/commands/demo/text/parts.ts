import type { Rng } from '../../../shared/random.ts';

/**
 * The pieces the demo catalogue's texts are put together from: places, enterprises, people (only as 张某某),
 * dates in words. Every choice goes through the seeded `Rng`, so the demo is the same on every machine.
 */
export interface DemoDoc {
  title: string;
  docNumber?: string;
  genre: string; // the 体裁 label (GENRES)
  articleItem: string; // 条例第二十条 (一)…(十五) or 21
  topic: string;
  keywords: string;
  /** Paragraphs of the body; a paragraph starting with "## " is a heading. */
  paras: string[];
  /** Days between 成文 and 发布. */
  lag?: number;
}

export const TOWNS = [
  '黄羊镇',
  '武南镇',
  '清源镇',
  '永昌镇',
  '双城镇',
  '丰乐镇',
  '高坝镇',
  '金羊镇',
  '和平镇',
  '羊下坝镇',
];
export const STREETS = [
  '东大街街道',
  '西大街街道',
  '南大街街道',
  '北大街街道',
  '火车站街道',
  '地质新村街道',
  '荣华街道',
];
export const ROADS = [
  '建国街',
  '北关东路',
  '南关中路',
  '东关街',
  '西关街',
  '祁连大道',
  '天马路',
  '古浪巷',
  '海藏路',
  '宣武街',
];
export const VILLAGES = [
  '新店村',
  '上庄村',
  '下庄村',
  '张义村',
  '石岭村',
  '河西村',
  '红星村',
  '漫水滩村',
  '杨家寨村',
  '中湾村',
];

const ZIHAO = [
  '鑫盛',
  '惠民',
  '福源',
  '丰泰',
  '天祥',
  '瑞和',
  '金穗',
  '荣达',
  '宏远',
  '祥瑞',
  '汇丰源',
  '嘉禾',
  '益民',
  '聚鑫',
  '恒通',
];
const TRADES: [string, string][] = [
  ['商贸', '有限公司'],
  ['食品', '有限公司'],
  ['餐饮管理', '有限公司'],
  ['超市', '有限责任公司'],
  ['农副产品', '有限公司'],
  ['建材', '有限公司'],
  ['医药连锁', '有限公司'],
  ['电器', '有限公司'],
];
const SHOPS = ['便利店', '副食店', '批发部', '烧烤店', '面馆', '粮油店', '蛋糕店', '熟食店', '水果店', '火锅店'];
const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '马', '孙', '徐', '何', '郭', '魏', '段', '朱'];

export const person = (r: Rng) => `${r.pick(SURNAMES)}某某`;

export function place(r: Rng) {
  return r.chance(0.5)
    ? `甘肃省武威市凉州区${r.pick(ROADS)}${r.int(1, 260)}号`
    : `甘肃省武威市凉州区${r.pick(TOWNS)}${r.pick(VILLAGES)}${r.int(1, 12)}组`;
}

/** A 当事人: an enterprise (with its masked 统一社会信用代码 and 法定代表人) or an 个体工商户 with its 经营者. */
export function party(r: Rng): { name: string; lines: string[] } {
  if (r.chance(0.55)) {
    const [trade, form] = r.pick(TRADES);
    const name = `武威${r.pick(ZIHAO)}${trade}${form}`;
    return {
      name,
      lines: [
        `当事人：${name}`,
        `统一社会信用代码：91620602MA${r.int(10, 99)}******`,
        `住所：${place(r)}`,
        `法定代表人：${person(r)}`,
      ],
    };
  }
  const name = `凉州区${r.pick(ZIHAO)}${r.pick(SHOPS)}`;
  return {
    name,
    lines: [`当事人：${name}（个体工商户）`, `经营场所：${place(r)}`, `经营者：${person(r)}`],
  };
}

const CN = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 2024年3月5日 as a date in the text. */
export const cnDate = (iso: string) =>
  `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
/** 二〇二四年 (a year as official documents print it in 成文日期). */
export const cnYear = (y: number) => `${[...String(y)].map((d) => CN[Number(d)]).join('')}年`;
export const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Some of `xs`, in their order: at least `min`, at most `max`. */
export function some<T>(r: Rng, xs: readonly T[], min: number, max = xs.length): T[] {
  const n = r.int(min, Math.min(max, xs.length));
  const chosen = new Set<number>();
  while (chosen.size < n) chosen.add(r.int(0, xs.length - 1));
  return xs.filter((_, i) => chosen.has(i));
}

/** 人民币X元 in figures, rounded as fines are (hundreds). */
export const yuan = (n: number) => `${n.toLocaleString('en-US')}元`;

/** Paragraphs to HTML (a "## " paragraph is a heading). */
export function toHtml(paras: readonly string[]) {
  const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  return paras.map((p) => (p.startsWith('## ') ? `<h3>${esc(p.slice(3))}</h3>` : `<p>${esc(p)}</p>`)).join('');
}

/** Word doubling that a template fills wrongly: "价格监督监督管理", "工作工作", "管理局局". */
export function doubled(text: string): string | null {
  const m = /(监督|管理|工作|检查|安全|公开|服务|通知|公告)\1|局局/.exec(text);
  return m ? m[0] : null;
}
