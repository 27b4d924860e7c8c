import { cnNumber, type Gen, type Kind, monthOf, news, notice, quarterOf } from './kind.ts';
import { cnDate, type DemoDoc, some } from './parts.ts';
import { penaltyDecision } from './penalty.ts';

/** One document a year of this kind (招生方案, 统计, 规划…): null once the year has it, or outside its months. */
export const yearly = (g: Gen, key: string, months: number[], make: () => DemoDoc): DemoDoc | null =>
  months.includes(monthOf(g.day)) && g.seq(key) === 1 ? make() : null;

const EDU_NOTICES: [string, string, string[]][] = [
  [
    '做好{y}年义务教育阶段学校招生入学工作',
    '20.11',
    [
      '坚持免试就近入学，严禁以各类考试、竞赛、培训成绩作为招生依据。',
      '进城务工人员随迁子女按照“两为主”原则统筹安排入学。',
    ],
  ],
  [
    '开展{y}年校园安全隐患排查整治',
    '20.12',
    [
      '重点排查校舍、消防、食堂、校车、实验室危化品等安全隐患。',
      '对排查出的隐患建立台账，明确整改责任人和时限，实行销号管理。',
    ],
  ],
  [
    '做好{y}年暑期学生防溺水安全教育',
    '20.12',
    ['通过“一封信”、家长会、主题班会等形式，落实“六不准”要求。', '各校要在放假前开展一次防溺水专题教育，做到全覆盖。'],
  ],
  [
    '做好{y}年学生资助政策宣传',
    '20.11',
    [
      '通过校园广播、宣传栏、家长群等渠道，宣传学前教育、义务教育、普通高中及中职学生资助政策。',
      '确保家庭经济困难学生应助尽助。',
    ],
  ],
  [
    '加强{y}年学校食堂食品安全管理',
    '20.13',
    ['严格落实校长（园长）陪餐制度和食品安全总监、食品安全员制度。', '配合市场监管部门开展学校食堂食品安全检查。'],
  ],
  [
    '做好{y}年中小学教师资格认定',
    '20.5',
    ['认定对象为户籍、居住证或人事关系在本区的申请人。', '申请人须通过网上报名并按规定时间提交材料。'],
  ],
  [
    '规范{y}年校外培训机构管理',
    '20.5',
    ['严格执行“双减”政策，严禁学科类培训机构违规开展培训。', '对未经审批开展培训的，会同有关部门依法查处。'],
  ],
  [
    '做好{y}年冬季校园取暖和用电安全',
    '20.12',
    ['学校锅炉房、电暖设施须经检测合格方可使用。', '严禁在教室、宿舍使用大功率电器。'],
  ],
];

function eduNotice(g: Gen): DemoDoc | null {
  const [s, item, ps] = g.r.pick(EDU_NOTICES);
  const subject = s.replace('{y}', String(g.year));
  if (g.seq(subject) > 1) return null;
  return notice(g, subject, {
    to: '各镇中心学校，区直各学校（幼儿园）',
    aim: `为进一步${subject.replace(/^(做好|开展|加强|规范)/, '$1')}，根据上级教育行政部门的要求，结合我区实际，现就有关事项通知如下。`,
    parts: [
      ['主要内容', ps],
      [
        '工作要求',
        [
          '各校（园）要高度重视，主要负责人亲自抓，确保各项措施落实到位。',
          '工作中遇到的问题请及时报区教育局相关股室。',
        ],
      ],
    ],
    item,
    topic: '教育',
  });
}

const EDU_YEARLY: [string, string, string, number[], (g: Gen) => string[]][] = [
  [
    '凉州区{y}年义务教育学校招生入学工作方案',
    '20.11',
    '规划计划',
    [4, 5, 6],
    (g) => [
      `为做好${g.year}年全区义务教育学校招生入学工作，制定本方案。`,
      `城区小学一年级招收${g.year - 6}年9月1日至${g.year - 5}年8月31日出生的适龄儿童。`,
      '城区学校按学区划分范围招生，学区内生源不足的，统筹安排学区外生源。',
      '报名时需提供户口簿、房产证明或居住证等材料。',
    ],
  ],
  [
    '凉州区{y}年公开招聘中小学教师公告',
    '20.14',
    '公告',
    [3, 4, 5, 6],
    (g) => [
      `经区委、区政府研究同意，${g.year}年计划公开招聘中小学教师${g.r.int(60, 180)}名。`,
      '招聘岗位、人数及资格条件详见附件《岗位一览表》。',
      '报名采取网上报名方式，笔试成绩和面试成绩按5:5比例合成总成绩。',
    ],
  ],
  [
    '{y}年春季学期学前教育幼儿资助金发放情况公示',
    '20.11',
    '公告',
    [4, 5, 6],
    (g) => [
      `${g.year}年春季学期，全区共资助家庭经济困难幼儿${g.r.int(1200, 2400)}人，发放资助金${g.r.int(50, 120)}万元。`,
      '资助对象名单已在各幼儿园公示，公示期内未收到异议。',
    ],
  ],
  [
    '{y}年秋季学期普通高中国家助学金发放情况公示',
    '20.11',
    '公告',
    [10, 11, 12],
    (g) => [
      `${g.year}年秋季学期，全区${g.r.int(5, 9)}所普通高中共资助学生${g.r.int(2000, 4500)}人，发放国家助学金${g.r.int(200, 450)}万元。`,
      '助学金按学期发放，通过学生资助卡直接发放到学生本人。',
    ],
  ],
  [
    '凉州区{y}年度民办学校年度检查结果公告',
    '20.5',
    '公告',
    [10, 11, 12],
    (g) => [
      `依据《中华人民共和国民办教育促进法实施条例》，区教育局对全区${g.r.int(60, 120)}所民办学校（幼儿园）进行了年度检查。`,
      `检查结果：合格${g.r.int(55, 100)}所，基本合格${g.r.int(2, 8)}所，不合格${g.r.int(0, 2)}所。不合格的民办学校限期整改。`,
    ],
  ],
  [
    '凉州区{y}年城区小学和初中学区划分范围公告',
    '20.11',
    '公告',
    [5, 6],
    (g) => [
      `根据城区学校布局和适龄儿童分布情况，确定${g.year}年城区${g.r.int(18, 26)}所小学、${g.r.int(8, 14)}所初中的学区范围。`,
      '具体学区范围见附件，家长可通过“凉州教育”公众号查询。',
    ],
  ],
];

const EDU_NEWS: [string, string][] = [
  ['凉州区召开{y}年全区教育工作会议', '会议总结了上一年度教育工作，安排部署本年度重点任务。'],
  [
    '凉州区教育局开展{y}年秋季开学安全大检查',
    '检查组深入城区和农村学校，对校舍安全、食堂管理、校车运行等情况进行检查。',
  ],
  ['凉州区举办{y}年中小学教师教学技能大赛', '大赛分小学、初中两个组别，共有一百余名教师参赛。'],
  ['凉州区开展{y}年“书香校园”读书月活动', '各中小学组织开展经典诵读、读书分享会等活动。'],
  ['凉州区{y}年中小学生田径运动会开幕', '来自全区各中小学的运动员参加田径、跳绳、拔河等项目的比赛。'],
];

function eduNews(g: Gen): DemoDoc | null {
  const [t, p] = g.r.pick(EDU_NEWS);
  if (g.seq(t) > 1) return null;
  return news(
    g,
    t.replace('{y}', String(g.year)),
    [`${cnDate(g.day)}，${p}`, '区教育局有关负责同志出席并讲话，要求各学校以此为契机，推动教育高质量发展。'],
    '教育',
  );
}

export const EDU_KINDS: Kind[] = [
  { weight: 3, make: eduNotice },
  ...EDU_YEARLY.map(([t, item, genre, months, body]) => ({
    weight: 2,
    make: (g: Gen) =>
      yearly(g, t, months, () => ({
        title: t.replace('{y}', String(g.year)),
        genre,
        articleItem: item,
        topic: '教育',
        keywords: t.replace('{y}', '').slice(3, 15),
        paras: [...body(g), g.agency.name, cnDate(g.day)],
      })),
  })),
  { weight: 2, make: eduNews },
];

const HEALTH_NOTICES: [string, string, string[]][] = [
  [
    '开展{y}年医疗机构依法执业专项监督检查',
    '20.13',
    [
      '重点检查医疗机构执业资质、医务人员执业资格、医疗文书书写、医疗废物处置等情况。',
      '对检查中发现的违法违规行为依法查处。',
    ],
  ],
  [
    '做好{y}年国家基本公共卫生服务项目工作',
    '20.11',
    [
      '按照人均补助标准落实项目资金，做好居民健康档案、慢病管理、老年人健康管理等服务。',
      '加强项目绩效评价，绩效结果与资金拨付挂钩。',
    ],
  ],
  [
    '开展{y}年爱国卫生月活动',
    '20.13',
    ['以“健康城镇、健康家园”为主题，组织开展城乡环境卫生集中整治。', '广泛宣传健康生活方式，倡导文明卫生习惯。'],
  ],
  [
    '做好{y}年冬春季传染病防控工作',
    '20.12',
    [
      '加强流感、诺如病毒感染等呼吸道和肠道传染病的监测预警。',
      '医疗机构落实预检分诊和发热门诊制度，发现聚集性疫情及时报告。',
    ],
  ],
  [
    '推进{y}年家庭医生签约服务',
    '20.11',
    ['以老年人、孕产妇、儿童、慢性病患者等重点人群为签约重点。', '签约服务“签一人、履约一人、做实一人”。'],
  ],
  [
    '开展{y}年职业病防治法宣传周活动',
    '20.13',
    ['以“职业健康，人人参与”为主题，深入用人单位开展宣传和咨询。', '督促用人单位落实职业病防治主体责任。'],
  ],
];

function healthNotice(g: Gen): DemoDoc | null {
  const [s, item, ps] = g.r.pick(HEALTH_NOTICES);
  const subject = s.replace('{y}', String(g.year));
  if (g.seq(subject) > 1) return null;
  return notice(g, subject, {
    to: '各镇卫生院，区直各医疗卫生单位',
    aim: `为${subject.replace(/^(开展|做好|推进)\d+年/, '做好')}，根据上级卫生健康部门工作部署，现将有关事项通知如下。`,
    parts: [
      ['主要任务', ps],
      ['工作要求', ['各单位要明确专人负责，按时报送工作进展情况。', '区卫生健康局将适时开展督导检查。']],
    ],
    item,
    topic: '卫生健康',
  });
}

function healthLicences(g: Gen): DemoDoc | null {
  const q = quarterOf(g.day);
  const kind = g.r.pick(['公共场所卫生许可', '医疗机构执业登记', '放射诊疗许可']);
  if (g.seq(`${kind}${q}`) > 1) return null;
  return {
    title: `${g.year}年第${cnNumber(q)}季度${kind}办理结果公示`,
    genre: '公告',
    articleItem: '20.5',
    topic: '卫生健康',
    keywords: `${kind} 办理结果`,
    paras: [
      // 受理 = 准予 + 不予 (both draws as before, so the rest of the demo is drawn as it was).
      ((received: number, granted: number) =>
        `现将${g.year}年第${cnNumber(q)}季度本局${kind}办理结果公示如下：共受理${received}件，准予许可（登记）${Math.min(received, granted)}件，不予许可（登记）${received - Math.min(received, granted)}件，办理时限均在法定期限内。`)(
        g.r.int(10, 60),
        g.r.int(8, 55),
      ),
      '许可（登记）单位名单、许可项目、有效期限可在甘肃政务服务网本局栏目查询。',
      `监督电话：${g.agency.phone}。`,
    ],
  };
}

function epidemic(g: Gen): DemoDoc | null {
  const q = quarterOf(g.day);
  if (g.seq(`疫情${q}`) > 1 || monthOf(g.day) % 3 !== 2) return null;
  const prev = q === 1 ? 4 : q - 1;
  const y = q === 1 ? g.year - 1 : g.year;
  return {
    title: `凉州区${y}年第${cnNumber(prev)}季度法定传染病疫情概况`,
    genre: '统计信息',
    articleItem: '20.4',
    topic: '卫生健康',
    keywords: '法定传染病 疫情',
    paras: [
      `${y}年第${cnNumber(prev)}季度，全区共报告法定传染病${g.r.int(6, 14)}种${g.r.int(150, 900)}例，无甲类传染病报告，无死亡病例。`,
      `报告病例数居前三位的病种为${some(g.r, ['流行性感冒', '其他感染性腹泻病', '手足口病', '病毒性肝炎', '肺结核', '猩红热'], 3, 3).join('、')}。`,
      '提醒广大群众注意个人卫生，出现发热等症状及时就医。',
    ],
  };
}

export const HEALTH_KINDS: Kind[] = [
  { weight: 3, make: (g) => penaltyDecision(g.r, g.agency, g.year, g.seq('罚'), g.day) },
  { weight: 3, make: healthNotice },
  { weight: 3, make: healthLicences },
  { weight: 2, make: epidemic },
];
