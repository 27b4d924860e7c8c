import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { applicationInput } from '../../domain/case/application-input.ts';
import { localized, zodErrorMap } from './messages.ts';

const base = {
  agency: '11620602MB1234567X',
  applicant: { type: 'natural_person', name: '李娜', idType: '其他', idNumber: 'X1', email: 'a@b.cn' },
  description: '请公开2025年食品抽检结果',
  form: 'email',
};
const messages = (value: unknown, locale: 'zh-CN' | 'en') => {
  const r = applicationInput.safeParse(value, { error: zodErrorMap(locale) });
  assert.equal(r.success, false);
  return r.error!.issues.map((i) => ({ path: i.path.join('.'), message: localized(i.message, locale) }));
};

test('a missing or over-long name is named in the sentence, in Chinese and in English', () => {
  const { name: _, ...noName } = base.applicant;
  assert.deepEqual(messages({ ...base, applicant: noName }, 'zh-CN'), [
    { path: 'applicant.name', message: '请填写姓名或名称' },
  ]);
  assert.deepEqual(messages({ ...base, applicant: noName }, 'en'), [
    { path: 'applicant.name', message: 'Please enter the name' },
  ]);
  const long = { ...base, applicant: { ...base.applicant, name: '王'.repeat(101) } };
  assert.deepEqual(messages(long, 'zh-CN'), [{ path: 'applicant.name', message: '姓名或名称不超过100字' }]);
  assert.deepEqual(messages(long, 'en'), [
    { path: 'applicant.name', message: 'The name must be at most 100 characters' },
  ]);
});

test('messages written by hand stay, and read in English on English pages', () => {
  const bad = { ...base, applicant: { ...base.applicant, email: 'not-an-address' } };
  assert.deepEqual(messages(bad, 'zh-CN'), [{ path: 'applicant.email', message: '电子邮箱格式不正确' }]);
  assert.deepEqual(messages(bad, 'en'), [{ path: 'applicant.email', message: 'The email address is not valid' }]);
});

test('fields without a label are named by the table, else by their path; never zod’s raw text', () => {
  const s = z.object({ limit: z.coerce.number().int().max(10), zzz: z.string(), tags: z.array(z.string()).min(2) });
  const r = s.safeParse({ limit: 11, tags: [] }, { error: zodErrorMap('zh-CN') });
  assert.deepEqual(
    r.error!.issues.map((i) => i.message),
    ['条数不能大于10', '请填写字段“zzz”', '字段“tags”至少2项'],
  );
  const en = s.safeParse({ limit: 'x', zzz: 3, tags: ['a', 'b'] }, { error: zodErrorMap('en') });
  assert.deepEqual(
    en.error!.issues.map((i) => i.message),
    ['The limit must be a number', 'The field "zzz" must be text'],
  );
  for (const i of [...r.error!.issues, ...en.error!.issues])
    assert.doesNotMatch(i.message, /无效输入|期望|Invalid input/);
});

test('an unknown value of a closed set lists the allowed ones', () => {
  const r = z.object({ queue: z.enum(['open', 'overdue']) }).safeParse({ queue: 'x' }, { error: zodErrorMap('zh-CN') });
  assert.equal(r.error!.issues[0]!.message, '待办队列应为以下之一：open、overdue');
});

test('a field chosen from a list asks to choose it when it is missing (请选择…), in Chinese and in English', () => {
  const { agency: _, ...noAgency } = base;
  assert.deepEqual(messages(noAgency, 'zh-CN'), [{ path: 'agency', message: '请选择受理机关' }]);
  assert.deepEqual(messages(noAgency, 'en'), [{ path: 'agency', message: 'Please choose the agency' }]);
});
