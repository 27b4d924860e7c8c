import { cnNumber, type Gen, type Kind, monthOf, news, notice, quarterOf } from './kind.ts';
import { cnDate, type DemoDoc, person, some, VILLAGES } from './parts.ts';

/**
 * 黄羊镇人民政府: what 条例第二十一条 asks a 乡（镇）人民政府 to publish — 农业农村政策, 农田水利, 土地承包经营权流转,
 * 宅基地审核, 土地征收, 筹资筹劳, 社会救助 — in the town's own voice (我镇, 镇政府), never a 局.
 */
const once = (g: Gen, key: string) => g.seq(key) === 1;

function town(g: Gen, title: string, keywords: string, paras: string[], item = '21', genre = '公告'): DemoDoc {
  return {
    title: `黄羊镇${title}`,
    genre,
    articleItem: item,
    topic: '农业农村',
    keywords,
    paras: [
      ...paras,
      `公示期间如有异议，请向镇政府${g.r.pick(['党政综合办公室', '农业农村综合服务中心', '社会事务办公室'])}反映，联系电话：${g.agency.phone}。`,
      g.agency.name,
      cnDate(g.day),
    ],
    lag: g.r.int(0, 3),
  };
}

export const TOWN_KINDS: Kind[] = [
  {
    weight: 2,
    make: (g) => {
      const v = g.r.pick(VILLAGES);
      if (!once(g, `宅基地${v}`)) return null;
      const n = g.r.int(2, 9);
      return town(g, `${v}${g.year}年农村宅基地使用审批结果公示`, '宅基地 审批', [
        `根据《中华人民共和国土地管理法》第六十二条和农村宅基地审批管理有关规定，经村民小组、村民委员会审查，镇政府审核批准，${v}${n}户村民的宅基地申请符合“一户一宅”和国土空间规划要求。`,
        `批准户主：${Array.from({ length: Math.min(n, 4) }, () => person(g.r)).join('、')}等${n}户，批准面积每户不超过200平方米。`,
      ]);
    },
  },
  {
    weight: 2,
    make: (g) => {
      const q = quarterOf(g.day);
      if (!once(g, `低保${q}`)) return null;
      return town(g, `${g.year}年第${cnNumber(q)}季度城乡最低生活保障对象公示`, '社会救助 低保', [
        `经入户调查、民主评议和镇政府审核，本季度全镇新增城乡最低生活保障对象${g.r.int(5, 30)}户${g.r.int(10, 60)}人，停发${g.r.int(2, 15)}户，现有保障对象${g.r.int(600, 1100)}户。`,
        '保障对象户主姓名按规定隐去部分信息后在各村公示栏公示。',
      ]);
    },
  },
  {
    weight: 1,
    make: (g) =>
      once(g, '耕地地力') && monthOf(g.day) >= 4
        ? town(g, `${g.year}年耕地地力保护补贴发放情况公示`, '耕地地力保护补贴 农业农村政策', [
            `${g.year}年，我镇耕地地力保护补贴面积${g.r.int(8, 16)}万亩，补贴标准每亩${g.r.int(70, 110)}元，涉及农户${g.r.int(9000, 14000)}户。`,
            '补贴资金通过“一卡通”直接发放到农户账户，各村已张榜公示到户明细。',
          ])
        : null,
  },
  {
    weight: 1,
    make: (g) => {
      const v = g.r.pick(VILLAGES);
      if (!once(g, `一事一议${v}`)) return null;
      return town(g, `${v}${g.year}年“一事一议”筹资筹劳方案公示`, '一事一议 筹资筹劳', [
        `经${v}村民代表会议讨论通过，拟实施${g.r.pick(['村组道路硬化', '田间渠道维修', '村内路灯安装', '文化广场建设'])}项目，预算总投资${g.r.int(20, 80)}万元。`,
        `筹资标准每人${g.r.int(10, 15)}元，筹劳每个劳动力${g.r.int(2, 5)}个工日；五保户、低保户等免于筹资筹劳。`,
      ]);
    },
  },
  {
    weight: 1,
    make: (g) =>
      once(g, '高标准农田') && monthOf(g.day) <= 9
        ? town(g, `${g.year}年高标准农田建设项目建设情况公示`, '高标准农田 农田水利', [
            `项目涉及${some(g.r, VILLAGES, 2, 4).join('、')}，建设高标准农田${g.r.int(5000, 20000)}亩。`,
            `主要建设内容为土地平整、渠道衬砌${g.r.int(10, 40)}公里、田间道路${g.r.int(5, 20)}公里和高效节水灌溉设施。`,
          ])
        : null,
  },
  {
    weight: 1,
    make: (g) =>
      once(g, '土地流转') && monthOf(g.day) >= 6
        ? town(g, `${g.year}年农村土地承包经营权流转情况公示`, '土地承包经营权流转', [
            `截至${cnDate(g.day)}，全镇农村土地承包经营权流转面积${g.r.int(2, 6)}万亩，签订流转合同${g.r.int(300, 900)}份。`,
            '流转遵循依法、自愿、有偿原则，流转合同经镇农村经营管理站鉴证备案。',
          ])
        : null,
  },
  {
    weight: 1,
    make: (g) => {
      const q = quarterOf(g.day);
      if (!once(g, `临时救助${q}`)) return null;
      return town(g, `${g.year}年第${cnNumber(q)}季度临时救助资金发放情况公示`, '临时救助 社会救助', [
        `本季度全镇共实施临时救助${g.r.int(10, 50)}户次，发放救助资金${g.r.int(3, 20)}万元，主要用于因病、因灾、因意外事故导致基本生活暂时困难的家庭。`,
      ]);
    },
  },
  {
    weight: 2,
    make: (g) => {
      const what = g.r.pick([
        ['召开{y}年春耕生产动员会', '会议对春耕备耕、农资供应、农田水利设施维修等工作进行了安排部署。'],
        ['开展{y}年人居环境整治“春季攻势”', '镇村干部和群众集中清理村庄垃圾、沟渠杂物和残垣断壁。'],
        ['召开{y}年安全生产和森林防火工作会议', '会议要求各村、各单位压实责任，排查整治隐患，确保全镇安全形势稳定。'],
        [
          '举办{y}年日光温室蔬菜种植技术培训',
          '镇农业农村综合服务中心邀请农技专家为种植户讲解病虫害防治和水肥管理技术。',
        ],
      ] as const);
      if (!once(g, what[0])) return null;
      return news(
        g,
        `黄羊镇${what[0].replace('{y}', String(g.year))}`,
        [
          `${cnDate(g.day)}，我镇${what[0].replace('{y}', String(g.year))}。${what[1]}`,
          '镇党委、政府主要负责同志出席并讲话。',
        ],
        '农业农村',
      );
    },
  },
];

/** 凉州区人民政府: its 通知 (凉政发, 凉政办发), 统计公报, 政府工作报告, 重大建设项目, 集中采购目录, 常务会议. */
const GOV_NOTICES: [string, string, string, string[]][] = [
  [
    '印发凉州区{y}年政务公开工作要点',
    '办发',
    '20.15',
    [
      '以公开促落实、强监管、优服务，围绕重点领域深化信息公开。',
      '各镇、各部门要于每年1月31日前向区政务公开办报送上一年度政府信息公开工作年度报告。',
    ],
  ],
  [
    '做好{y}年春耕生产工作',
    '发',
    '20.11',
    ['确保粮食播种面积稳定，落实耕地地力保护补贴等惠农政策。', '加强农资市场监管，严厉打击坑农害农行为。'],
  ],
  [
    '做好{y}年森林草原防灭火工作',
    '办发',
    '20.12',
    ['落实防火期野外用火审批制度，加强重点时段巡查管控。', '各镇政府要组建半专业扑火队伍，储备必要的扑火物资。'],
  ],
  [
    '开展{y}年“安全生产月”活动',
    '办发',
    '20.12',
    [
      '以“人人讲安全、个个会应急”为主题，组织开展隐患排查和应急演练。',
      '各行业主管部门要督促企业落实全员安全生产责任制。',
    ],
  ],
  [
    '做好{y}年冬季供暖保障工作',
    '办发',
    '20.11',
    ['确保城区集中供暖按时启动，室内温度达到规定标准。', '对困难群众给予取暖补贴，确保温暖过冬。'],
  ],
  [
    '做好{y}年度城乡居民基本医疗保险参保缴费工作',
    '办发',
    '20.11',
    ['全区城乡居民基本医疗保险参保率稳定在95%以上。', '特困人员、低保对象个人缴费部分按规定给予资助。'],
  ],
];

function govNotice(g: Gen): DemoDoc | null {
  const [s, series, item, ps] = g.r.pick(GOV_NOTICES);
  const subject = s.replace('{y}', String(g.year));
  if (!once(g, subject)) return null;
  const office = series === '办发';
  const doc = notice(g, subject, {
    to: '各镇人民政府，区政府各部门，区属各单位',
    aim: office
      ? '经区政府同意，现将有关事项通知如下，请认真贯彻落实。'
      : `为${subject.replace(/^(做好|开展)\d+年(度)?/, '做好')}，区政府决定，现通知如下。`,
    parts: [
      ['主要任务', ps],
      ['保障措施', ['各镇、各部门要加强组织领导，明确责任分工，确保各项任务落到实处。']],
    ],
    item,
    topic: '综合政务',
    series,
  });
  return office ? { ...doc, title: doc.title.replace(g.agency.name, '凉州区人民政府办公室') } : doc;
}

const govYearly = (key: string, months: number[], make: (g: Gen) => DemoDoc): Kind => ({
  weight: 1,
  make: (g) => (months.includes(monthOf(g.day)) && once(g, key) ? make(g) : null),
});

export const GOV_KINDS: Kind[] = [
  { weight: 4, make: govNotice },
  govYearly('统计公报', [3, 4], (g) => ({
    title: `凉州区${g.year - 1}年国民经济和社会发展统计公报`,
    genre: '统计信息',
    articleItem: '20.4',
    topic: '综合政务',
    keywords: '统计公报',
    paras: [
      `初步核算，${g.year - 1}年全区地区生产总值${g.r.int(480, 620)}亿元，按不变价格计算，比上年增长${g.r.int(40, 75) / 10}%。`,
      `其中，第一产业增加值${g.r.int(90, 130)}亿元，第二产业增加值${g.r.int(110, 170)}亿元，第三产业增加值${g.r.int(260, 340)}亿元。`,
      `全年城镇居民人均可支配收入${g.r.int(36000, 44000)}元，农村居民人均可支配收入${g.r.int(17000, 22000)}元。`,
      '凉州区统计局',
    ],
  })),
  govYearly('政府工作报告', [1, 2], (g) => ({
    title: `${g.year}年凉州区人民政府工作报告`,
    genre: '报告总结',
    articleItem: '20.15',
    topic: '综合政务',
    keywords: '政府工作报告',
    paras: [
      `——${cnDate(g.day)}在凉州区第${cnNumber(g.year >= 2022 ? 19 : 18)}届人民代表大会第${cnNumber(g.r.int(1, 5))}次会议上`,
      `## 一、${g.year - 1}年工作回顾`,
      '过去一年，全区上下稳增长、促改革、调结构、惠民生、防风险，经济社会发展主要目标任务较好完成。',
      `## 二、${g.year}年工作安排`,
      `今年经济社会发展的主要预期目标是：地区生产总值增长${g.r.int(55, 70) / 10}%左右，城乡居民收入增长与经济增长基本同步。`,
    ],
  })),
  govYearly('重大项目', [5, 6, 7], (g) => ({
    title: `凉州区${g.year}年重大建设项目批准和实施情况`,
    genre: '其他',
    articleItem: '20.10',
    topic: '城乡建设',
    keywords: '重大建设项目',
    paras: [
      `${g.year}年全区安排重大建设项目${g.r.int(40, 90)}个，总投资${g.r.int(200, 600)}亿元，年度计划投资${g.r.int(60, 160)}亿元。`,
      `截至${cnDate(g.day)}，已开工${g.r.int(30, 60)}个，完成投资${g.r.int(20, 80)}亿元。项目名称、批准文号、建设内容和进度见附表。`,
    ],
  })),
  govYearly('采购目录', [1, 2, 3], (g) => ({
    title: `凉州区${g.year}年政府集中采购目录及采购限额标准`,
    genre: '其他',
    articleItem: '20.9',
    topic: '财政金融',
    keywords: '政府集中采购目录',
    paras: [
      `纳入集中采购目录的货物、服务项目由区公共资源交易中心统一组织采购。`,
      `分散采购限额标准：货物和服务项目${g.r.pick([50, 100])}万元，工程项目${g.r.pick([60, 100])}万元。政府采购货物或服务项目公开招标数额标准为${g.r.pick([200, 400])}万元。`,
    ],
  })),
  {
    weight: 2,
    make: (g) => {
      const n = g.seq('常务会议');
      if (n > 24) return null;
      return {
        title: `凉州区人民政府${g.year}年第${cnNumber(n)}次常务会议`,
        genre: '工作动态',
        articleItem: '20.15',
        topic: '综合政务',
        keywords: '常务会议',
        paras: [
          `${cnDate(g.day)}，区长主持召开区政府${g.year}年第${cnNumber(n)}次常务会议。`,
          `会议研究了${some(g.r, ['城区老旧小区改造', '高标准农田建设', '冬春季供暖保障', '招商引资项目落地', '义务教育学校布局调整', '城乡供水保障', '森林草原防灭火', '安全生产隐患排查'], 2, 3).join('、')}等事项。`,
          '会议要求，各有关部门要按照职责分工，抓好贯彻落实。',
        ],
      };
    },
  },
];
