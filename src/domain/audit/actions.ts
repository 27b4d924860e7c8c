/**
 * What an audit action means, in words: the audit log shows "作出答复", not "case.decided". Case events, item
 * and report steps take the labels of their own tables (one source each); the rest are listed here. An action
 * missing from every table reads as its area and "其他操作", never as its code.
 */
import { TRANSITIONS } from '../case/event-views.ts';
import { ITEM_TRANSITIONS } from '../catalogue/catalogue.ts';
import { REPORT_FLOW } from '../report/status.ts';

/** The areas of the log (an action's prefix), as the filter offers them. */
export const AUDIT_AREAS = {
  case: '依申请公开',
  appeal: '复议诉讼',
  catalogue: '主动公开',
  report: '年度报告',
  agency: '机关',
  region: '地区',
  user: '用户',
  auth: '登录和账号安全',
  calendar: '节假日',
  letter_template: '告知书模板',
  concern: '咨询和投诉',
  rating: '评价',
  assessment: '考核',
  accountability: '责任追究',
  supervision: '监督',
  audit: '审计',
  system: '系统',
} as const satisfies Record<string, string>;

const OTHER: Record<string, string> = {
  'accountability.recorded': '登记责任追究',
  'agency.created': '新建机关',
  'agency.letter_settings_saved': '保存文号和救济途径设置',
  'agency.page_saved': '保存机关页面',
  'agency.updated': '修改机关信息',
  'appeal.created': '登记复议或诉讼',
  'appeal.updated': '更新复议或诉讼结果',
  'assessment.plan_set': '设置考核方案',
  'audit.checkpoint': '审计签名检查点',
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.token_created': '创建接口令牌',
  'auth.totp_enabled': '启用动态口令',
  'auth.totp_enrolment_started': '开始绑定动态口令',
  'auth.totp_provisioned': '发放动态口令',
  'calendar.day_set': '调整节假日',
  'calendar.year_entered': '录入全年节假日',
  'case.letter_personal_viewed': '查看告知书中的个人信息',
  'case.personal_viewed': '查看申请人个人信息',
  'case.registered': '登记申请',
  'catalogue.attachment_added': '上传附件',
  'catalogue.created': '新建信息',
  'catalogue.updated': '修改信息',
  'catalogue.imported': '导入目录',
  'concern.registered': '登记咨询或投诉',
  'concern.responded': '答复咨询或投诉',
  'letter_template.saved': '保存告知书模板',
  'rating.moderated': '审核评价',
  'rating.submitted': '提交评价',
  'region.created': '新建地区',
  'report.figures_saved': '保存年度报告数据',
  'report.imported': '导入年度报告',
  'report.narrative_saved': '保存年度报告正文',
  'supervision.read': '查看监督数据',
  'system.backup': '下载备份',
  'system.personal_data_sealed': '加密存量个人信息',
  'legacy.event': '历史记录',
};

const STEP_LABELS: Record<string, string> = {
  ...OTHER,
  ...Object.fromEntries(Object.entries(TRANSITIONS).map(([k, v]) => [`case.${k}`, v.label])),
  ...Object.fromEntries(Object.entries(ITEM_TRANSITIONS).map(([k, v]) => [`catalogue.${k}`, v.label])),
  ...Object.fromEntries(Object.entries(REPORT_FLOW).map(([k, v]) => [`report.${k}`, v.label])),
};

const areaOf = (action: string): string | undefined =>
  (AUDIT_AREAS as Record<string, string>)[action.slice(0, action.indexOf('.'))];

/** An audit action in words ("作出答复"; an unknown action of a known area: "依申请公开 · 其他操作"). */
export function auditActionLabel(action: string): string {
  return STEP_LABELS[action] ?? `${areaOf(action) ?? '系统'} · 其他操作`;
}

/** The kinds of record the log names, in words. */
export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  accountability: '责任追究',
  agency: '机关',
  agency_page: '机关页面',
  annual_report: '年度报告',
  appeal: '复议诉讼',
  application: '申请',
  audit_checkpoint: '审计检查点',
  calendar_day: '节假日',
  calendar_year: '节假日年度',
  catalogue_item: '主动公开信息',
  concern: '咨询投诉',
  database: '数据库',
  letter_template: '告知书模板',
  rating: '评价',
  region: '地区',
  session: '登录会话',
  system: '系统',
  user: '用户',
};

export const auditEntityLabel = (type: string | null): string | null =>
  type === null ? null : (AUDIT_ENTITY_LABELS[type] ?? '其他');
