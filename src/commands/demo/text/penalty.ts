import { addDays } from '../../../domain/calendar/index.ts';
import type { Rng } from '../../../shared/random.ts';
import type { DemoAgency } from '../data.ts';
import { cnDate, type DemoDoc, party, person, place, some, yuan } from './parts.ts';

/**
 * 行政处罚决定书 (行政处罚法第五十九条: 当事人, 违法事实和证据, 依据, 处罚的种类和依据, 履行方式和期限, 救济途径).
 * A case is data: what was found, the article broken, the article punishing it, and the penalties.
 */
interface Case {
  field: string;
  /** 违法事实, given the date of the inspection and the party's name. */
  facts: (r: Rng, day: string, name: string) => string;
  evidence: string[];
  broke: string;
  punish: string;
  /** 处罚内容 items, given the case's 货值/违法所得 scale. */
  penalty: (r: Rng) => string[];
  /** The 当事人 when not an enterprise or 个体工商户 (a natural person, named only as 张某某). */
  party?: (r: Rng) => { name: string; lines: string[] };
}

const citizen = (r: Rng) => {
  const name = person(r);
  return { name, lines: [`当事人：${name}`, `性别：${r.pick(['男', '女'])}`, `住址：${place(r)}`] };
};

const FOOD = ['饼干', '方便面', '酸奶', '火腿肠', '速冻水饺', '饮料', '月饼', '挂面', '食用植物油', '糕点'];
const SAMR_CASES: Case[] = [
  {
    field: '食品安全',
    facts: (r, day, name) => {
      const food = r.pick(FOOD);
      const n = r.int(3, 40);
      return `${cnDate(day)}，本局执法人员依法对${name}的经营场所进行检查，发现其货架上摆放待售的${food}${n}袋（盒）已超过标签标注的保质期。经查，当事人购进上述${food}后未定期检查库存食品，致使超过保质期的食品仍在销售，货值金额${r.int(40, 900)}元，违法所得${r.int(0, 120)}元。`;
    },
    evidence: [
      '现场检查笔录',
      '现场照片',
      '询问笔录',
      '营业执照及食品经营许可证复印件',
      '进货票据',
      '涉案食品的扣押清单',
    ],
    broke: '《中华人民共和国食品安全法》第三十四条第（十）项',
    punish: '《中华人民共和国食品安全法》第一百二十四条第一款第（五）项',
    penalty: (r) => ['没收超过保质期的食品', `没收违法所得`, `罚款人民币${yuan(r.int(5, 10) * 10000)}`],
  },
  {
    field: '食品安全',
    facts: (_r, day, name) =>
      `${cnDate(day)}，本局执法人员对${name}进行日常监督检查，发现当事人采购的食品原料未查验供货者的许可证和产品合格证明，也未建立食品进货查验记录。本局于当日责令其改正，复查时当事人仍未建立进货查验记录。`,
    evidence: ['现场检查笔录', '责令改正通知书', '复查笔录', '询问笔录', '营业执照复印件'],
    broke: '《中华人民共和国食品安全法》第五十三条第一款、第二款',
    punish: '《中华人民共和国食品安全法》第一百二十六条第一款第（三）项',
    penalty: (r) => ['警告', `罚款人民币${yuan(r.int(5, 20) * 1000)}`],
  },
  {
    field: '食品安全',
    facts: (r, day, name) =>
      `${cnDate(day)}，本局执法人员检查发现，${name}有${r.int(2, 5)}名从事接触直接入口食品工作的人员未取得健康证明即上岗工作。经责令改正后逾期仍未改正。`,
    evidence: ['现场检查笔录', '从业人员花名册', '询问笔录', '责令改正通知书'],
    broke: '《中华人民共和国食品安全法》第四十五条第二款',
    punish: '《中华人民共和国食品安全法》第一百二十六条第一款第（六）项',
    penalty: (r) => ['警告', `罚款人民币${yuan(r.int(5, 30) * 1000)}`],
  },
  {
    field: '价格监督检查',
    facts: (r, day, name) =>
      `${cnDate(day)}，本局执法人员在价格监督检查中发现，${name}销售的${r.int(8, 30)}种商品未标明价格，经营场所内也未公示收费项目和标准，违反明码标价规定。`,
    evidence: ['现场检查笔录', '现场照片', '询问笔录', '营业执照复印件'],
    broke: '《中华人民共和国价格法》第十三条第一款',
    punish: '《中华人民共和国价格法》第四十二条',
    penalty: (r) => [`罚款人民币${yuan(r.int(5, 50) * 100)}`],
  },
  {
    field: '特种设备安全',
    facts: (r, day, name) =>
      `${cnDate(day)}，本局执法人员对${name}进行特种设备安全检查，发现其使用的${r.pick(['一台电梯', '一台燃气蒸汽锅炉', '两台叉车', '一台压力容器'])}未办理使用登记。本局下达《特种设备安全监察指令书》责令限期改正，逾期当事人仍未办理。`,
    evidence: ['现场检查笔录', '特种设备安全监察指令书', '询问笔录', '设备铭牌照片'],
    broke: '《中华人民共和国特种设备安全法》第三十三条',
    punish: '《中华人民共和国特种设备安全法》第八十三条第（一）项',
    penalty: (r) => [`罚款人民币${yuan(r.int(10, 30) * 1000)}`],
  },
  {
    field: '计量监督',
    facts: (r, day, name) =>
      `${cnDate(day)}，本局执法人员检查发现，${name}在经营中使用的${r.int(1, 4)}台电子计价秤未按照规定申请强制检定。`,
    evidence: ['现场检查笔录', '计量器具照片', '询问笔录'],
    broke: '《中华人民共和国计量法》第九条第一款',
    punish: '《中华人民共和国计量法实施细则》第四十三条',
    penalty: (r) => ['责令停止使用未经检定的计量器具', `罚款人民币${yuan(r.int(2, 10) * 100)}`],
  },
  {
    field: '产品质量',
    facts: (r, day, name) =>
      `${cnDate(day)}，本局在产品质量监督抽查中抽取${name}销售的${r.pick(['电线电缆', '塑料管材', '电热水壶', '儿童服装', '复合肥料'])}，经检验，该批次产品${r.pick(['导体电阻', '环刚度', '标志和说明', 'pH值', '总养分'])}项目不合格。当事人在产品中以不合格产品冒充合格产品销售，货值金额${r.int(800, 9000)}元。`,
    evidence: ['抽样单', '检验报告', '检验结果通知书', '询问笔录', '进货和销售台账'],
    broke: '《中华人民共和国产品质量法》第三十九条',
    punish: '《中华人民共和国产品质量法》第五十条',
    penalty: (r) => ['责令停止销售', '没收违法销售的产品', `罚款人民币${yuan(r.int(5, 30) * 100)}`],
  },
];

const venue = (r: Rng) => {
  const name = `凉州区${r.pick(['悦家', '丽人', '金港', '如意', '水云间', '温馨'])}${r.pick(['宾馆', '理发店', '美容美发店', '洗浴中心', '足浴店'])}`;
  return { name, lines: [`当事人：${name}（个体工商户）`, `经营场所：${place(r)}`, `经营者：${person(r)}`] };
};

const HEALTH_CASES: Case[] = [
  {
    field: '公共场所卫生',
    facts: (r, day, name) =>
      `${cnDate(day)}，本局卫生监督员对${name}进行监督检查，发现该单位${r.int(1, 4)}名直接为顾客服务的从业人员未取得有效健康合格证明。`,
    evidence: ['现场笔录', '询问笔录', '卫生许可证复印件', '从业人员名单'],
    broke: '《公共场所卫生管理条例实施细则》第十条第一款',
    punish: '《公共场所卫生管理条例实施细则》第三十八条',
    penalty: (r) => ['警告', `罚款人民币${yuan(r.int(5, 30) * 100)}`],
    party: venue,
  },
  {
    field: '医疗卫生监督',
    facts: (r, day, name) =>
      `${cnDate(day)}，本局卫生监督员在检查中发现，${name}在${place(r)}未取得《医疗机构执业许可证》擅自开展输液、针灸等诊疗活动，违法所得${r.int(300, 3000)}元。`,
    evidence: ['现场笔录', '询问笔录', '处方笺', '药品和器械清单', '照片'],
    broke: '《中华人民共和国基本医疗卫生与健康促进法》第三十八条第一款',
    punish: '《中华人民共和国基本医疗卫生与健康促进法》第九十九条第一款',
    penalty: (r) => ['责令停止执业活动', '没收违法所得和药品、医疗器械', `罚款人民币${yuan(r.int(5, 8) * 10000)}`],
    party: citizen,
  },
];

const NR_CASES: Case[] = [
  {
    field: '土地执法',
    facts: (r, day, name) => {
      const m2 = r.int(120, 2400);
      return `${cnDate(day)}，本局在卫片执法核查中发现，${name}未经批准，擅自占用${r.pick(['黄羊镇', '武南镇', '清源镇', '高坝镇'])}集体土地${m2}平方米修建${r.pick(['厂房', '库房', '停车场', '养殖棚舍'])}。经核对国土空间规划，所占土地为一般农用地。`;
    },
    evidence: ['现场勘测笔录', '勘测定界图', '询问笔录', '卫片图斑核查表', '国土空间规划图'],
    broke: '《中华人民共和国土地管理法》第四十四条第一款',
    punish: '《中华人民共和国土地管理法》第七十七条第一款、《中华人民共和国土地管理法实施条例》第五十八条',
    penalty: (r) => [
      '责令退还非法占用的土地',
      '限期拆除在非法占用的土地上新建的建筑物和其他设施，恢复土地原状',
      `按每平方米${r.pick([100, 150, 200])}元罚款`,
    ],
  },
];

export const PENALTY_CASES: Record<string, Case[]> = { samr: SAMR_CASES, health: HEALTH_CASES, nr: NR_CASES };

/** The 行政处罚决定书 of `agency` numbered `n` in `year`, decided on `day`. */
export function penaltyDecision(r: Rng, agency: DemoAgency, year: number, n: number, day: string): DemoDoc {
  const c = r.pick(PENALTY_CASES[agency.key]!);
  const p = (c.party ?? party)(r);
  const docNumber = `${agency.docCode}罚〔${year}〕${n}号`;
  const inspected = addDays(day, -r.int(30, 80));
  const items = c.penalty(r);
  // 行政处罚法 (2021) 第六十七条、第七十二条; before 15 July 2021 the 1996 law's 第四十六条、第五十一条.
  const newLaw = day >= '2021-07-15';
  const pay = newLaw ? '第六十七条' : '第四十六条';
  const late = newLaw ? '第七十二条第一款第（一）项' : '第五十一条第（一）项';
  // 行政诉讼法第四十六条 (2015): six months to sue; three months before (1989 law, 第三十九条).
  const sue = day >= '2015-05-01' ? '六个月' : '三个月';
  const paras = [
    `${agency.name}行政处罚决定书`,
    docNumber,
    ...p.lines,
    `${cnDate(inspected)}，本局对当事人涉嫌违反${c.field}法律规定的行为立案调查。现已调查终结。`,
    '## 一、违法事实',
    c.facts(r, inspected, p.name),
    '## 二、证据',
    `上述事实有以下证据证明：${some(r, c.evidence, 3)
      .map((e, i) => `${i + 1}.${e}`)
      .join('；')}。`,
    '## 三、处罚依据',
    `当事人的上述行为违反了${c.broke}的规定。本局于${cnDate(addDays(day, -r.int(10, 20)))}向当事人送达了《行政处罚告知书》，告知其拟作出行政处罚的事实、理由、依据及依法享有的陈述、申辩${r.chance(0.4) ? '和要求听证' : ''}的权利，当事人${r.pick(['在法定期限内未提出陈述、申辩', '提出了陈述、申辩，经复核，其理由不能成立', '表示认可，未提出异议'])}。依据${c.punish}的规定，本局决定：`,
    '## 四、处罚内容',
    ...items.map((x, i) => `${i + 1}.${x}。`),
    '## 五、履行方式和期限',
    `当事人应当自收到本决定书之日起十五日内，持《缴款通知书》到指定银行或者通过电子支付系统缴纳罚款（《中华人民共和国行政处罚法》${pay}）。到期不缴纳罚款的，本局将依据《中华人民共和国行政处罚法》${late}的规定，每日按罚款数额的百分之三加处罚款，并依法申请人民法院强制执行。`,
    '## 六、救济途径',
    `当事人如不服本处罚决定，可以在收到本决定书之日起六十日内向${agency.reviewBody}申请行政复议，也可以在${sue}内依法向${agency.court}提起行政诉讼。申请行政复议或者提起行政诉讼期间，本处罚决定不停止执行。`,
    agency.name,
    cnDate(day),
  ];
  return {
    title: `${agency.name}行政处罚决定书（${docNumber}）`,
    docNumber,
    genre: '决定',
    articleItem: '20.6',
    topic: agency.key === 'health' ? '卫生健康' : agency.key === 'nr' ? '自然资源' : '市场监管',
    keywords: `行政处罚 ${c.field}`,
    paras,
    lag: r.int(1, 7),
  };
}
