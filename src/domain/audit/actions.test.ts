import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TRANSITIONS } from '../case/event-views.ts';
import { ITEM_TRANSITIONS } from '../catalogue/catalogue.ts';
import { REPORT_STEPS } from '../report/status.ts';
import { AUDIT_AREAS, auditActionLabel, auditEntityLabel } from './actions.ts';

const chinese = /^[\u4e00-\u9fff（），、：；·“” ]+$/;

test('every case event, item step and report step reads as Chinese words in the audit log', () => {
  const actions = [
    ...Object.keys(TRANSITIONS).map((k) => `case.${k}`),
    ...Object.keys(ITEM_TRANSITIONS).map((k) => `catalogue.${k}`),
    ...REPORT_STEPS.map((k) => `report.${k}`),
  ];
  for (const a of actions) {
    const label = auditActionLabel(a);
    assert.match(label, chinese, `${a} → ${label}`);
    assert.doesNotMatch(label, /其他操作/, `${a} has no label of its own`);
  }
});

test('named actions, unknown actions and record kinds', () => {
  const cases: [string, string][] = [
    ['auth.login', '登录'],
    ['letter_template.saved', '保存告知书模板'],
    ['catalogue.attachment_added', '上传附件'],
    ['case.something_new', '依申请公开 · 其他操作'],
    ['nothing.known', '系统 · 其他操作'],
  ];
  for (const [action, label] of cases) assert.equal(auditActionLabel(action), label);
  assert.equal(auditEntityLabel('catalogue_item'), '主动公开信息');
  assert.equal(auditEntityLabel('brand_new_kind'), '其他');
  assert.equal(auditEntityLabel(null), null);
  for (const label of Object.values(AUDIT_AREAS)) assert.match(label, chinese);
});
