import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  codeCandidates,
  fillMarkers,
  hideValues,
  marker,
  openLetterText,
  personalVariables,
  QUERY_CODE_NOT_KEPT,
  readerValues,
  stripMarkers,
} from './letter-seal.ts';
import { maskAddress, maskEmailsIn } from './pii.ts';

test('hiding personal values and filling them back gives the original text, longest value first', () => {
  const text = '郭志远：本机关收到郭志远（郭志远律师事务所）的申请，查询码：AB23CD45。';
  const values = { applicant: '郭志远', thirdParty: '郭志远律师事务所', queryCode: 'AB23CD45' };
  const hidden = hideValues(text, values);
  assert.doesNotMatch(hidden, /郭志远|AB23CD45/);
  assert.equal(hidden.split(marker('thirdParty')).length, 2, 'the longer value is one marker, not name + rest');
  assert.equal(fillMarkers(hidden, values), text);
  assert.equal(fillMarkers(hidden, {}), '：本机关收到（）的申请，查询码：。');
});

test('a value that looks like a marker name, or text carrying marker characters, cannot forge a marker', () => {
  const forged = `请公开${marker('applicant')}的材料`;
  assert.equal(stripMarkers(forged), '请公开applicant的材料');
  const hidden = hideValues('applicant：applicant', { applicant: 'applicant' });
  assert.equal(hidden, `${marker('applicant')}：${marker('applicant')}`);
  assert.equal(fillMarkers(hidden, { applicant: '张三' }), '张三：张三');
});

test('each reader sees what is theirs: full for view_personal, masked for others, the code only for the applicant', () => {
  const body = [`${marker('applicant')}：`, `查询码：${marker('queryCode')}`, `致${marker('thirdParty')}`];
  const personal = { applicant: '郭志远', thirdParty: '马晓梅' };
  assert.deepEqual(openLetterText(body, { kind: 'staff_personal' }, personal), [
    '郭志远：',
    `查询码：${QUERY_CODE_NOT_KEPT}`,
    '致马晓梅',
  ]);
  assert.deepEqual(openLetterText(body, { kind: 'staff_masked', maskedApplicant: '郭**' }, personal), [
    '郭**：',
    `查询码：${QUERY_CODE_NOT_KEPT}`,
    '致马**',
  ]);
  assert.deepEqual(openLetterText(body, { kind: 'applicant', queryCode: 'AB23CD45' }, personal), [
    '郭志远：',
    '查询码：AB23CD45',
    '致马**',
  ]);
  assert.equal(readerValues({ kind: 'staff_masked', maskedApplicant: '郭**' }, {}).thirdParty, undefined);
});

test('only the third-party letter names someone besides the applicant', () => {
  assert.deepEqual(personalVariables('third_party'), { applicant: 'applicant', thirdParty: 'thirdParty' });
  assert.deepEqual(personalVariables('correction'), { applicant: 'applicant' });
  assert.deepEqual(personalVariables('reply.granted'), { applicant: 'applicant' });
});

test('query code candidates: every 8-character window of a code-alphabet run', () => {
  assert.deepEqual(codeCandidates('查询码：AB23CD45　'), ['AB23CD45']);
  assert.deepEqual(codeCandidates('编号GK2026-000123 码ABCDEFGHJ'), ['ABCDEFGH', 'BCDEFGHJ']);
  assert.deepEqual(codeCandidates('没有'), []);
});

test('addresses and e-mail addresses in free text are masked', () => {
  assert.equal(maskAddress('甘肃省武威市凉州区东大街1号'), '甘肃省武威市***');
  assert.equal(maskAddress('自行领取'), '自行***');
  assert.equal(maskAddress(''), '');
  assert.equal(
    maskEmailsIn('550 5.1.1 <guo.zhiyuan@example.org>: Recipient address rejected; cc a@b.cn'),
    '550 5.1.1 <g***@example.org>: Recipient address rejected; cc a***@b.cn',
  );
});
