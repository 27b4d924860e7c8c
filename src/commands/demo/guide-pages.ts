import type { Ctx } from '../../shared/context.ts';
import { saveAgencyPage } from '../catalogue/pages.ts';
import { DEMO_AGENCIES } from './data.ts';

/**
 * The demo agencies' 政府信息公开制度 pages (国办发〔2019〕61号), written as such rules read: numbered articles
 * naming the agency, its office and its 文号, each agency with its own set (a township has fewer, the
 * government coordinates the district). Saved through the ordinary command, so sanitised and audited.
 */
const ZH_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const articles = (items: string[]) => items.map((p, i) => `<p><strong>第${ZH_NUM[i]}条</strong>　${p}</p>`).join('\n');

interface Facts {
  name: string;
  office: string;
  docCode: string;
  year: number;
  no: number;
  leader: string;
}

const issued = (f: Facts) => `<p class="issued">（${f.docCode}发〔${f.year}〕${f.no}号印发）</p>`;

const TEXTS: Record<string, (f: Facts) => string[]> = {
  'rules.proactive': (f) => [
    `为规范${f.name}政府信息主动公开工作，依据《中华人民共和国政府信息公开条例》，制定本制度。`,
    `本机关按照《条例》第十九条、第二十条的规定，编制并公布政府信息公开目录，对涉及公众利益调整、需要公众广泛知晓或者需要公众参与决策的政府信息主动公开。`,
    `业务科室是主动公开信息的责任科室，信息形成或者变更之日起5个工作日内填写公开属性并送${f.office}；${f.office}审核后，于形成或者变更之日起20个工作日内在政府信息公开专栏发布（《条例》第二十六条）。`,
    '公开前应当依照本机关保密审查制度进行审查；未经审查的信息不得公开。',
    '规范性文件、政策解读、行政许可和行政处罚结果按照“谁制作、谁公开”的原则，随文件同步公开。',
    `本制度由${f.office}负责解释，自印发之日起施行。`,
  ],
  'rules.request': (f) => [
    `为做好${f.name}依申请公开政府信息工作，保障公民、法人和其他组织依法获取政府信息，制定本制度。`,
    `${f.office}统一受理依申请公开，通过政府信息公开平台、当面、信函和传真等渠道收到的申请，当日登记，统一编号。`,
    '申请内容不明确的，自收到申请之日起7个工作日内一次性告知申请人补正（《条例》第三十条）。',
    '承办科室在收到转办单后10个工作日内提出答复意见，经保密审查后报分管负责人审签；答复应当在收到申请之日起20个工作日内作出（《条例》第三十三条）。',
    `需要延长答复期限的，经${f.leader}同意并告知申请人，延长期限不超过20个工作日。`,
    '答复书、告知书加盖本机关印章，载明救济途径，按申请人要求的方式送达，案卷办结后归档保存。',
  ],
  'rules.secrecy': (f) => [
    `为防止在政府信息公开中发生失泄密，依据《中华人民共和国保守国家秘密法》和《条例》第十七条，制定${f.name}政府信息公开保密审查制度。`,
    '本机关公开政府信息前，应当依照法律、法规和国家有关规定对拟公开的政府信息进行审查，坚持“先审查、后公开”和“一事一审”。',
    `保密审查实行三级审核：承办人初审，科室负责人复审，${f.office}终审；涉及其他机关的，与有关机关协商、确认（《条例》第十一条）。`,
    '对不能确定是否可以公开的政府信息，依照法律、法规和国家有关规定报有关主管部门或者保密行政管理部门确定。',
    '审查意见记入公开审批记录，保存期限与信息相同。',
  ],
  'rules.release': (f) => [
    `${f.name}发布政府信息涉及其他机关的，应当与有关机关进行沟通、确认，保证发布的政府信息准确一致（《条例》第十一条）。`,
    '发布信息依照国家有关规定需要批准的，经批准后予以公开。',
    `${f.office}发现影响或者可能影响社会稳定、扰乱社会和经济管理秩序的虚假或者不完整信息的，在职责范围内发布准确的政府信息予以澄清（《条例》第六条）。`,
  ],
  'rules.assessment': (f) => [
    `${f.name}将政府信息公开工作纳入年度绩效考核，考核结果作为科室评先评优的依据（《条例》第四十七条）。`,
    '考核内容包括主动公开的及时性和完整性、依申请公开的答复期限和答复质量、政府信息公开工作年度报告的编制和发布。',
    '不依法履行政府信息公开职能、不及时更新公开的政府信息内容、违反规定收取费用的，依照《条例》第五十二条、第五十三条追究责任。',
  ],
};

/** Which 制度 each demo agency publishes, with the year and number of the document that issued it. */
const SETS: Record<string, [kind: string, year: number, no: number][]> = {
  gov: [
    ['rules.proactive', 2019, 21],
    ['rules.request', 2019, 22],
    ['rules.secrecy', 2019, 23],
    ['rules.release', 2020, 5],
    ['rules.assessment', 2021, 14],
  ],
  samr: [
    ['rules.proactive', 2020, 3],
    ['rules.request', 2020, 4],
    ['rules.secrecy', 2021, 8],
    ['rules.release', 2022, 11],
  ],
  edu: [
    ['rules.proactive', 2020, 17],
    ['rules.request', 2020, 18],
    ['rules.secrecy', 2022, 6],
  ],
  health: [
    ['rules.request', 2021, 9],
    ['rules.secrecy', 2021, 10],
    ['rules.assessment', 2023, 2],
  ],
  nr: [
    ['rules.proactive', 2021, 12],
    ['rules.secrecy', 2021, 13],
  ],
  town: [
    ['rules.proactive', 2022, 31],
    ['rules.request', 2022, 32],
  ],
};

export async function demoGuidePages(ctx: Ctx, ids: Record<string, string>): Promise<void> {
  for (const a of DEMO_AGENCIES) {
    const id = ids[a.key];
    if (!id) continue;
    const township = a.kind === 'township';
    for (const [kind, year, no] of SETS[a.key] ?? []) {
      const f: Facts = {
        name: a.name,
        office: township ? '党政综合办公室' : a.kind === 'government' ? '区政府办公室' : '办公室',
        docCode: a.docCode,
        year,
        no,
        leader: township ? '镇长' : '分管负责人',
      };
      await saveAgencyPage(ctx, id, kind, { bodyHtml: `${issued(f)}\n${articles(TEXTS[kind]!(f))}` });
    }
  }
}
