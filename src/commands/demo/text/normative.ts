import type { DocModel } from '../../../domain/document.ts';
import type { Rng } from '../../../shared/random.ts';
import type { DemoAgency } from '../data.ts';
import { cnDate, ORDINALS } from './parts.ts';

/**
 * 规范性文件 (条例第二十条第一项) of the demo agencies: the 办法 a 通知 issues, its articles (purpose and basis,
 * scope, the agency's own rules, the date it takes effect and the five years it is valid), the PDF as issued,
 * and its 政策解读 (《关于全面推进政务公开工作的意见》: a 规范性文件 and its 解读 go out together).
 */
interface Rule {
  name: string;
  basis: string;
  scope: string;
  field: string;
  articles: string[];
}

const RULES: Record<string, Rule[]> = {
  samr: [
    {
      name: '凉州区食品小作坊、小经营店和食品摊贩登记管理办法',
      basis: '《中华人民共和国食品安全法》《甘肃省食品小作坊小经营店小摊点管理条例》',
      scope: '本区行政区域内食品小作坊、小经营店和食品摊贩的登记及其监督管理',
      field: '食品安全',
      articles: [
        '食品小作坊应当取得登记证后方可从事食品生产加工活动，登记证有效期三年。',
        '食品摊贩应当在镇人民政府、街道办事处划定的区域和规定的时段内经营。',
        '登记机关应当自受理申请之日起十个工作日内作出是否准予登记的决定。',
      ],
    },
    {
      name: '凉州区市场监督管理局行政处罚裁量权基准',
      basis: '《中华人民共和国行政处罚法》第三十四条',
      scope: '本局实施行政处罚时对违法行为的事实、性质、情节和社会危害程度的裁量',
      field: '行政执法',
      articles: [
        '违法行为分为轻微、一般、较重、严重四个情节等级，分别适用不予处罚、从轻、一般、从重处罚。',
        '初次违法且危害后果轻微并及时改正的，可以不予行政处罚（行政处罚法第三十三条第一款）。',
        '裁量基准实行动态调整，法律、法规、规章修改的，及时修订。',
      ],
    },
    {
      name: '凉州区电梯安全管理办法',
      basis: '《中华人民共和国特种设备安全法》《特种设备安全监察条例》',
      scope: '本区行政区域内电梯的使用、维护保养、检验检测及其监督管理',
      field: '特种设备安全',
      articles: [
        '电梯使用单位应当在电梯投入使用前或者投入使用后三十日内办理使用登记。',
        '电梯维护保养单位每十五日至少进行一次清洁、润滑、调整和检查。',
        '住宅小区电梯由物业服务企业作为使用单位承担安全责任。',
      ],
    },
    {
      name: '凉州区市场主体住所（经营场所）登记管理办法',
      basis: '《中华人民共和国市场主体登记管理条例》',
      scope: '在本区登记的企业、个体工商户、农民专业合作社的住所（经营场所）登记',
      field: '市场主体登记',
      articles: [
        '申请人对住所（经营场所）的真实性、合法性负责，实行申报承诺制。',
        '同一地址可以登记为多个市场主体的住所，法律法规另有规定的除外。',
        '通过登记的住所无法联系的，依法列入经营异常名录。',
      ],
    },
    {
      name: '凉州区农村集体聚餐食品安全管理办法',
      basis: '《中华人民共和国食品安全法》',
      scope: '本区农村地区举办的五十人以上集体聚餐活动',
      field: '食品安全',
      articles: [
        '举办者应当在聚餐前三日向村级食品安全协管员报告。',
        '乡村厨师应当持有效健康证明，参加食品安全培训。',
        '发生疑似食物中毒的，举办者和乡村厨师应当立即报告并保留食品留样。',
      ],
    },
  ],
  gov: [
    {
      name: '凉州区城乡居民最低生活保障实施细则',
      basis: '《社会救助暂行办法》《甘肃省城乡居民最低生活保障办法》',
      scope: '本区城乡居民最低生活保障的申请、审核确认、管理和监督',
      field: '社会救助',
      articles: [
        '共同生活的家庭成员人均收入低于当地最低生活保障标准，且财产状况符合规定的，可以申请最低生活保障。',
        '镇人民政府、街道办事处应当自受理申请之日起十个工作日内完成入户调查。',
        '最低生活保障对象名单在其居住地村（居）委会长期公示。',
      ],
    },
    {
      name: '凉州区重大行政决策程序规定',
      basis: '《重大行政决策程序暂行条例》',
      scope: '区人民政府作出重大行政决策的程序',
      field: '法治政府建设',
      articles: [
        '重大行政决策事项实行目录管理，目录经区政府常务会议审议后向社会公布。',
        '决策草案应当通过政府门户网站向社会公开征求意见，期限一般不少于三十日。',
        '决策草案提交讨论前应当经过合法性审查。',
      ],
    },
    {
      name: '凉州区政务公开工作考核办法',
      basis: '《中华人民共和国政府信息公开条例》第四十八条',
      scope: '各镇人民政府、区政府各部门政务公开工作的年度考核',
      field: '政务公开',
      articles: [
        '考核内容包括主动公开、依申请公开、政策解读与回应关切、平台建设和监督保障。',
        '考核结果分为优秀、良好、一般、较差四个等次，纳入年度绩效考核。',
        '社会评议结果作为考核的重要参考。',
      ],
    },
    {
      name: '凉州区临时救助实施办法',
      basis: '《社会救助暂行办法》第四十七条至第五十条',
      scope: '本区因遭遇突发事件、意外伤害、重大疾病等原因导致基本生活暂时出现严重困难的家庭或者个人',
      field: '社会救助',
      articles: [
        '临时救助实行镇（街道）审核确认、区民政局监督管理的工作机制。',
        '救助金额一般不超过当地月最低生活保障标准的六倍。',
        '情况紧急的，可以先行救助，事后补充说明情况。',
      ],
    },
    {
      name: '凉州区农村人居环境整治长效管护办法',
      basis: '《中华人民共和国乡村振兴促进法》',
      scope: '本区农村生活垃圾、生活污水、厕所粪污和村容村貌的长效管护',
      field: '农业农村',
      articles: [
        '镇人民政府是本辖区农村人居环境管护的责任主体。',
        '村民委员会将人居环境管护纳入村规民约。',
        '区财政每年安排管护专项资金，按考核结果拨付。',
      ],
    },
  ],
  edu: [
    {
      name: '凉州区中小学校外培训机构管理办法',
      basis: '《中华人民共和国民办教育促进法》《中华人民共和国未成年人保护法》',
      scope: '本区面向中小学生的非学科类校外培训机构的设立、培训活动和监督管理',
      field: '教育',
      articles: [
        '举办非学科类校外培训机构应当依法取得办学许可证并办理法人登记。',
        '培训结束时间不得晚于20:30，线上培训每课时不超过30分钟。',
        '预收费须全部进入资金监管专户，一次性收费不得超过3个月。',
      ],
    },
    {
      name: '凉州区义务教育阶段学生学籍管理实施细则',
      basis: '《中小学生学籍管理办法》',
      scope: '本区义务教育阶段学校学生的学籍建立、变动和档案管理',
      field: '教育',
      articles: [
        '学生入学后一个月内由学校为其建立学籍。',
        '学生转学由转入学校通过全国中小学生学籍信息管理系统发起。',
        '学校不得拒收具备条件的学生转入。',
      ],
    },
  ],
  health: [
    {
      name: '凉州区家庭医生签约服务管理办法',
      basis: '《中华人民共和国基本医疗卫生与健康促进法》第三十一条',
      scope: '本区基层医疗卫生机构提供的家庭医生签约服务',
      field: '卫生健康',
      articles: [
        '家庭医生团队由全科医生、护士、公共卫生人员和乡村医生组成。',
        '签约周期原则上为一年，期满后居民可以续约或者选择其他团队签约。',
        '签约服务费由医保基金、基本公共卫生服务经费和签约居民付费等分担。',
      ],
    },
    {
      name: '凉州区医疗机构依法执业自查管理办法',
      basis: '《医疗机构管理条例》《医疗机构依法执业自查管理办法》',
      scope: '本区各级各类医疗机构的依法执业自查',
      field: '卫生健康',
      articles: [
        '医疗机构主要负责人是依法执业自查的第一责任人。',
        '医疗机构每年至少开展一次全面自查，自查结果报区卫生健康局。',
        '自查发现问题及时整改的，依法从轻或者减轻处理。',
      ],
    },
  ],
  nr: [
    {
      name: '凉州区农村宅基地审批管理办法',
      basis: '《中华人民共和国土地管理法》第六十二条',
      scope: '本区农村村民申请宅基地建设住宅的审批和监督管理',
      field: '自然资源',
      articles: [
        '农村村民一户只能拥有一处宅基地，每户面积不得超过甘肃省规定的标准。',
        '宅基地申请由镇人民政府审核批准，涉及占用农用地的，依法办理农用地转用审批。',
        '镇人民政府应当将审批结果在村务公开栏公示。',
      ],
    },
    {
      name: '凉州区集体土地征收补偿安置办法',
      basis: '《中华人民共和国土地管理法》第四十七条、第四十八条',
      scope: '本区行政区域内征收农民集体所有土地的补偿安置',
      field: '自然资源',
      articles: [
        '征收土地应当给予公平、合理的补偿，保障被征地农民原有生活水平不降低、长远生计有保障。',
        '征收农用地的土地补偿费、安置补助费标准按区片综合地价确定。',
        '被征地农民按规定纳入相应的养老等社会保障体系。',
      ],
    },
  ],
};

export const NORMATIVE_AGENCIES = Object.keys(RULES);
export const RULES_OF = (key: string) => RULES[key]!.length;

export interface Normative {
  title: string;
  docNumber: string;
  name: string;
  field: string;
  paras: string[];
  pdf: DocModel;
  interpretation: { title: string; paras: string[] };
}

const zh = (n: number) => (n <= 10 ? (n === 10 ? '十' : ORDINALS[n - 1]!) : `十${ORDINALS[n - 11]!}`);

/** The `k`-th 规范性文件 of `agency` (its 办法 `RULES[agency][k]`), issued on `day`. */
export function normative(r: Rng, a: DemoAgency, k: number, year: number, n: number, day: string): Normative {
  const rule = RULES[a.key]![k % RULES[a.key]!.length]!;
  const docNumber = `${a.docCode}规〔${year}〕${n}号`;
  const to = a.kind === 'government' ? '各镇人民政府，区政府各部门，区属各单位' : '各有关单位';
  const ok = a.kind === 'government' ? '经区政府研究同意' : '经局务会议审议通过';
  const articles = [
    `第一条 为了规范${rule.field}管理，维护公共利益和公民、法人及其他组织的合法权益，根据${rule.basis}等规定，结合本区实际，制定本办法。`,
    `第二条 本办法适用于${rule.scope}。`,
    `第三条 ${a.name}负责本办法的组织实施，各有关部门按照职责分工做好相关工作。`,
    ...rule.articles.map((t, i) => `第${zh(i + 4)}条 ${t}`),
    `第${zh(rule.articles.length + 4)}条 违反本办法规定的，由有关部门依照法律、法规的规定处理。`,
    `第${zh(rule.articles.length + 5)}条 本办法自${cnDate(day)}起施行，有效期五年。`,
  ];
  const paras = [
    `${to}：`,
    `《${rule.name}》已${ok}，现印发给你们，请认真贯彻执行。`,
    a.name,
    cnDate(day),
    `## ${rule.name}`,
    ...articles,
  ];
  const pdf: DocModel = {
    title: rule.name,
    blocks: [
      { kind: 'title', text: `${a.name}关于印发《${rule.name}》的通知` },
      { kind: 'docNumber', text: docNumber },
      { kind: 'salutation', text: `${to}：` },
      { kind: 'paragraph', text: paras[1]!, indent: true },
      { kind: 'signature', agency: a.name, date: cnDate(day) },
      { kind: 'spacer' },
      { kind: 'title', text: rule.name },
      ...articles.map((t) => ({ kind: 'paragraph' as const, text: t, indent: true })),
    ],
  };
  const what = rule.articles.map((t, i) => `${zh(i + 1)}是${t.replace(/。$/, '')}`).join('；');
  return {
    title: `${a.name}关于印发《${rule.name}》的通知`,
    docNumber,
    name: rule.name,
    field: rule.field,
    paras,
    pdf,
    interpretation: {
      title: `《${rule.name}》政策解读`,
      paras: [
        '## 一、起草背景',
        `近年来，我区${rule.field}工作面临新情况、新要求，原有做法已不能完全适应工作需要。为此，${a.shortName}在深入调研、广泛征求意见的基础上，起草了《${rule.name}》。`,
        '## 二、制定依据',
        `${rule.basis}等法律法规和政策规定。`,
        '## 三、主要内容',
        `《办法》共${zh(rule.articles.length + 5)}条，主要明确了以下内容：${what}。`,
        '## 四、适用范围和施行时间',
        `《办法》适用于${rule.scope}，自${cnDate(day)}起施行，有效期五年。`,
        '## 五、解读机关及联系方式',
        `解读机关：${a.name}；解读人：${r.pick(['张', '王', '李', '马'])}某某；联系电话：${a.phone}。`,
      ],
    },
  };
}
