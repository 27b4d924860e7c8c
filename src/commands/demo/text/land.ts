import { yearly } from './departments.ts';
import { cnNumber, type Gen, type Kind, monthOf } from './kind.ts';
import { cnDate, type DemoDoc, some, TOWNS, VILLAGES } from './parts.ts';
import { penaltyDecision } from './penalty.ts';

/** 凉州区自然资源局: 土地执法, 出让, 征收 (条例第二十一条: 土地征收), 地质灾害防治, 规划许可. */
function landNotice(g: Gen): DemoDoc {
  const n = g.seq('挂');
  const town = g.r.pick(TOWNS);
  const area = g.r.int(3000, 60000);
  const docNumber = `${g.agency.docCode}挂〔${g.year}〕${n}号`;
  return {
    title: `凉州区国有建设用地使用权挂牌出让公告（${docNumber}）`,
    docNumber,
    genre: '公告',
    articleItem: '20.15',
    topic: '自然资源',
    keywords: '国有建设用地 挂牌出让',
    paras: [
      `经凉州区人民政府批准，${g.agency.name}决定以挂牌方式出让1宗国有建设用地使用权。`,
      `地块位于${town}，出让面积${area}平方米，土地用途为${g.r.pick(['工业用地', '商业服务业用地', '城镇住宅用地', '仓储用地'])}，出让年限${g.r.pick([40, 50, 70])}年，起始价${g.r.int(100, 3000)}万元。`,
      '中华人民共和国境内外的法人和其他组织均可申请参加竞买，申请人可以单独申请，也可以联合申请。',
      '竞买人可于公告之日起到甘肃省公共资源交易网下载出让文件。',
    ],
  };
}

function expropriation(g: Gen): DemoDoc {
  const n = g.seq('征收');
  return {
    title: `凉州区${g.year}年度第${cnNumber(n)}批次城镇建设用地征收土地预公告`,
    genre: '公告',
    articleItem: '21',
    topic: '自然资源',
    keywords: '土地征收 预公告',
    paras: [
      `根据《中华人民共和国土地管理法》第四十七条，因实施城市规划需要，拟征收${g.r.pick(TOWNS)}${some(g.r, VILLAGES, 1, 2).join('、')}集体土地${g.r.int(5, 60)}公顷。`,
      '自本公告发布之日起，在拟征收范围内暂停办理户口迁入、分户，不得抢栽抢建；违反规定抢栽抢建的，对抢栽抢建部分不予补偿。',
      '本局将会同有关部门开展土地现状调查和社会稳定风险评估，拟定征地补偿安置方案。',
    ],
  };
}

export const NR_KINDS: Kind[] = [
  { weight: 2, make: (g) => penaltyDecision(g.r, g.agency, g.year, g.seq('罚'), g.day) },
  { weight: 2, make: landNotice },
  { weight: 2, make: expropriation },
  {
    weight: 1,
    make: (g) =>
      yearly(g, '地灾', [3, 4, 5], () => ({
        title: `凉州区${g.year}年度地质灾害防治方案`,
        genre: '规划计划',
        articleItem: '20.12',
        topic: '自然资源',
        keywords: '地质灾害 防治',
        paras: [
          `全区共有地质灾害隐患点${g.r.int(20, 60)}处，主要分布在南部山区。`,
          '汛期实行24小时值班和隐患点巡查制度，落实群测群防责任人。',
          g.agency.name,
          cnDate(g.day),
        ],
      })),
  },
  {
    weight: 2,
    make: (g) => {
      const m = monthOf(g.day);
      if (g.seq(`规划许可${m}`) > 1) return null;
      return {
        title: `${g.year}年${m}月建设工程规划许可证核发情况`,
        genre: '公告',
        articleItem: '20.5',
        topic: '自然资源',
        keywords: '建设工程规划许可证',
        paras: [
          `${g.year}年${m}月，本局共核发建设工程规划许可证${g.r.int(2, 15)}件，总建筑面积${g.r.int(8000, 90000)}平方米。`,
          '核发项目名称、建设单位、建设位置和建设规模详见附表。',
        ],
      };
    },
  },
];
