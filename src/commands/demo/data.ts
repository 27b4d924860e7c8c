import { completeCreditCode } from '../../domain/credit-code.ts';

/** The demo government: 甘肃省武威市凉州区 and several of its departments (the seed report's agency among them). */
export const DEMO_REGIONS = [
  { code: '620000', name: '甘肃省', parentCode: null },
  { code: '620600', name: '武威市', parentCode: '620000' },
  { code: '620602', name: '凉州区', parentCode: '620600' },
] as const;

export const SEED_AGENCY_CODE = '11620602MB161547XN'; // 凉州区市场监督管理局 (the seed report)
const code = (body: string) => completeCreditCode(`11620602${body}`);
export const DEMO_GOVERNMENT_CODE = code('01393201');

export interface DemoAgency {
  key: string;
  name: string;
  shortName: string;
  creditCode: string;
  kind: 'government' | 'department' | 'township';
  phone: string;
  /** 机关代字: its 文号 open with it (凉市监依申〔2026〕12号). */
  docCode: string;
  /** 救济途径 (行政复议法第二十四条; 行政诉讼法第十四条、第十五条、第十八条). */
  reviewBody: string;
  court: string;
}

// A department's and a 乡镇's acts go to the district government and the district court; the district
// government's own to the city government and the city's 中级人民法院 (行政诉讼法第十五条).
const district = { reviewBody: '武威市凉州区人民政府', court: '武威市凉州区人民法院' };

export const DEMO_AGENCIES: DemoAgency[] = [
  {
    key: 'gov',
    name: '武威市凉州区人民政府',
    shortName: '凉州区政府',
    creditCode: DEMO_GOVERNMENT_CODE,
    kind: 'government',
    phone: '0935-2212345',
    docCode: '凉政',
    reviewBody: '武威市人民政府',
    court: '武威市中级人民法院',
  },
  {
    key: 'samr',
    name: '凉州区市场监督管理局',
    shortName: '凉州区市场监管局',
    creditCode: SEED_AGENCY_CODE,
    kind: 'department',
    phone: '0935-2251315',
    docCode: '凉市监',
    ...district,
  },
  {
    key: 'edu',
    name: '凉州区教育局',
    shortName: '凉州区教育局',
    creditCode: code('01393404'),
    kind: 'department',
    phone: '0935-2214560',
    docCode: '凉教',
    ...district,
  },
  {
    key: 'health',
    name: '凉州区卫生健康局',
    shortName: '凉州区卫健局',
    creditCode: code('MB17126X'),
    kind: 'department',
    phone: '0935-2216120',
    docCode: '凉卫健',
    ...district,
  },
  {
    key: 'nr',
    name: '凉州区自然资源局',
    shortName: '凉州区自然资源局',
    creditCode: code('MB0K9051'),
    kind: 'department',
    phone: '0935-2218833',
    docCode: '凉自然资',
    ...district,
  },
  {
    key: 'town',
    name: '凉州区黄羊镇人民政府',
    shortName: '黄羊镇政府',
    creditCode: code('01393510'),
    kind: 'township',
    phone: '0935-2730012',
    docCode: '黄羊镇政',
    ...district,
  },
];

export const DEMO_USERS = [
  { username: 'demo-operator', displayName: '张敏（公开专员）', role: 'operator', agency: 'samr' },
  { username: 'demo-reviewer', displayName: '李强（保密审查）', role: 'reviewer', agency: 'samr' },
  { username: 'demo-approver', displayName: '王建国（分管负责人）', role: 'approver', agency: 'samr' },
  { username: 'demo-admin', displayName: '赵丽（机关管理员）', role: 'agency_admin', agency: 'samr' },
  { username: 'demo-operator2', displayName: '陈静（教育局公开专员）', role: 'operator', agency: 'edu' },
  { username: 'demo-supervisor', displayName: '刘洋（区政务公开办）', role: 'supervisor', region: '620602' },
  { username: 'demo-sysadmin', displayName: '系统管理员', role: 'sysadmin' },
] as const;

/**
 * The other agencies' 公开专员 (writing, 保密审查 and approval in one small office): they publish those agencies'
 * 规范性文件 and annual reports in the demo. Not printed with the demo logins; same password.
 */
export const DEMO_STAFF = [
  { username: 'demo-gov-office', displayName: '孙明（区政府办公室）', agency: 'gov' },
  { username: 'demo-edu-office', displayName: '马丽（教育局办公室）', agency: 'edu' },
  { username: 'demo-health-office', displayName: '杨帆（卫健局办公室）', agency: 'health' },
  { username: 'demo-nr-office', displayName: '何军（自然资源局办公室）', agency: 'nr' },
  { username: 'demo-town-office', displayName: '段芳（黄羊镇党政综合办）', agency: 'town' },
] as const;
