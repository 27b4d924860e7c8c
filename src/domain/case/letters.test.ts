import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appealNotice } from './appeal-notice.ts';
import {
  DEFAULT_TEMPLATES,
  fillLetter,
  type LetterKind,
  type LetterVars,
  missingStatutoryParts,
  sentence,
  templateParagraphs,
  tidy,
} from './letters.ts';
import { basisFor, DECIDABLE_OUTCOMES, decisionBasis, OUTCOMES, type Outcome, WITHHELD_OUTCOMES } from './outcomes.ts';

const APPEAL = appealNotice({ reviewBody: '凉州区人民政府', court: '凉州区人民法院' });
const KINDS = Object.keys(DEFAULT_TEMPLATES) as LetterKind[];

/** What staff and applicants type, with the punctuation they leave at the end of it. */
const typed: LetterVars = {
  agency: '凉州区市场监督管理局',
  applicant: '张三',
  you: '您',
  thirdParty: '武威某食品有限公司',
  trackingNumber: 'GK2026-000001',
  queryCode: 'ABCD2345',
  receivedDate: '2026年3月2日',
  description: '2025年度食品抽检结果及处理情况。',
  replyDue: '2026年3月30日',
  date: '2026年3月20日',
  contact: '联系部门：办公室　联系电话：0935-2251315',
  details: '可以公开的部分附后，共3页。',
  reasons: '报告第二部分涉及企业商业秘密，',
  withheld: '涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息',
  publishedAt: '本机关门户网站“政府信息公开”栏目：',
  holder: '凉州区自然资源局（联系电话：0935-2218833）',
  extensionDays: '20',
  fee: '200',
  feeDue: '2026年4月1日',
  thirdPartyDue: '2026年3月23日',
  noticeDate: '2026年3月3日',
  appealNotice: APPEAL,
};
/** The same with every optional value left out (a plain disclosure, no 告知事项, no other agency). */
const sparse: LetterVars = { ...typed, details: '', publishedAt: '', holder: '', reasons: '同意公开' };

const basisOf = (kind: LetterKind): string =>
  kind.startsWith('reply.') ? basisFor(kind.slice(6) as Outcome, { withheld: 'withheld_third_party' }) : '按量计收';

function letter(kind: LetterKind, vars: LetterVars) {
  return fillLetter(kind, DEFAULT_TEMPLATES[kind]!, { ...vars, basis: basisOf(kind) });
}

describe('letter texts', () => {
  test('no text of any kind and outcome has doubled or stray punctuation, empty brackets or a placeholder', () => {
    // What to correct is never empty (the event requires it, 条例第三十条).
    for (const kind of KINDS)
      for (const vars of [typed, kind === 'correction' ? { ...sparse, details: typed.details } : sparse]) {
        const l = letter(kind, vars);
        for (const p of [l.title, ...l.paragraphs]) {
          for (const bad of ['。。', '。”。', '，。', '；。', '、。', '（）', '{{', '}}', '：。'])
            assert.ok(!p.includes(bad), `${kind}: “${bad}” in ${p}`);
          assert.ok(!/[，、；：]$/.test(p), `${kind}: a paragraph ends mid-sentence: ${p}`);
        }
      }
  });

  test('one text per statutory outcome, each citing its own article and item', () => {
    const bodies = OUTCOMES.map((o) => DEFAULT_TEMPLATES[`reply.${o}`]!.body);
    assert.equal(new Set(bodies).size, OUTCOMES.length);
    for (const o of OUTCOMES) {
      const l = letter(`reply.${o}`, typed);
      const text = l.paragraphs.join('\n');
      if (o !== 'other_misc') assert.ok(text.includes(basisFor(o, { withheld: 'withheld_third_party' })), o);
      assert.ok(text.includes(APPEAL), `${o}: the 救济途径`);
      assert.ok(text.includes('凉州区人民政府') && text.includes('凉州区人民法院'), o);
      if (o !== 'granted' && (DECIDABLE_OUTCOMES as readonly string[]).includes(o))
        assert.ok(text.includes('报告第二部分涉及企业商业秘密。'), `${o}: the officer's reasons, made a sentence`);
      if ((DECIDABLE_OUTCOMES as readonly string[]).includes(o))
        assert.ok(text.includes('可以公开的部分附后，共3页。'), `${o}: the 告知事项`);
    }
  });

  test('the article of each outcome and item: 第三十六条 items, 第三十七条 with the part withheld, 第三十五条', () => {
    const cases: [Outcome, Parameters<typeof basisFor>[1], RegExp][] = [
      ['granted', {}, /第三十六条第（二）项$/],
      ['granted', { publishedAt: '门户网站' }, /第三十六条第（一）项$/],
      ['partially_granted', { withheld: 'withheld_third_party' }, /第十五条、第三十七条$/],
      ['partially_granted', { withheld: 'withheld_process_info' }, /第十六条第二款、第三十七条$/],
      ['partially_granted', { withheld: 'withheld_state_secret' }, /第十四条、第三十七条$/],
      ['withheld_third_party', {}, /第十五条、第三十二条、第三十六条第（三）项$/],
      ['withheld_internal_affairs', {}, /第十六条第一款、第三十六条第（三）项$/],
      ['withheld_administrative_query', {}, /第三十六条第（七）项$/],
      ['unavailable_not_held', {}, /第三十六条第（四）项$/],
      ['unavailable_not_held', { holder: '凉州区自然资源局' }, /第三十六条第（五）项$/],
      ['declined_duplicate', {}, /第三十六条第（六）项$/],
      ['declined_excessive', {}, /第三十五条$/],
      ['unavailable_needs_creation', {}, /第三十八条$/],
      ['declined_complaint', {}, /第三十九条第一款$/],
    ];
    for (const [o, facts, re] of cases) assert.match(basisFor(o, facts), re, `${o} ${JSON.stringify(facts)}`);
    for (const o of WITHHELD_OUTCOMES) assert.match(basisFor(o), /《中华人民共和国政府信息公开条例》第/);
    assert.equal(decisionBasis({ outcome: 'granted', basis: '《某法》第三条' }), '《某法》第三条');
  });

  test('the 告知事项, the place of publication and the agency holding it appear only when given', () => {
    const plain = letter('reply.granted', sparse).paragraphs.join('\n');
    assert.ok(!plain.includes('主动公开') && !plain.includes('附后'), plain);
    const published = letter('reply.granted', typed).paragraphs.join('\n');
    assert.ok(published.includes('可以通过以下方式和途径获取：本机关门户网站“政府信息公开”栏目。'), published);
    const held = letter('reply.unavailable_not_held', typed).paragraphs.join('\n');
    assert.ok(held.includes('负责公开该政府信息的行政机关：凉州区自然资源局（联系电话：0935-2218833）。'), held);
  });

  test('the letter names the information asked about, quoted without its own full stop', () => {
    for (const kind of KINDS)
      assert.ok(
        letter(kind, typed).paragraphs.join('').includes('“2025年度食品抽检结果及处理情况”'),
        `${kind} names the information`,
      );
  });

  test('an organisation is 贵单位, never “您（单位）”', () => {
    for (const kind of KINDS) {
      const text = letter(kind, { ...typed, you: '贵单位' }).paragraphs.join('');
      assert.ok(!text.includes('（单位）') && !text.includes('您'), `${kind}: ${text}`);
    }
  });

  test('every default template keeps the statutory parts of its kind', () => {
    for (const kind of KINDS) assert.deepEqual(missingStatutoryParts(kind, DEFAULT_TEMPLATES[kind]!.body), [], kind);
    assert.deepEqual(missingStatutoryParts('reply.withheld_third_party', '{{reasons}}'), [
      'basis',
      'details',
      'appealNotice',
    ]);
  });

  test('an older agency template: its salutation and signature are the frame’s, a missing 救济途径 is put back', () => {
    const old = {
      title: '答复书',
      body: '{{applicant}}：\n\n经审查，不予公开，理由：{{reasons}}\n\n特此告知。\n\n{{agency}}\n\n{{date}}',
    };
    assert.deepEqual(templateParagraphs(old.body), ['经审查，不予公开，理由：{{reasons}}', '特此告知。']);
    const l = fillLetter('reply.withheld_third_party', old, { ...typed, basis: basisFor('withheld_third_party') });
    assert.deepEqual(l.paragraphs, [
      '经审查，不予公开，理由：报告第二部分涉及企业商业秘密。',
      `依据：${basisFor('withheld_third_party')}。`,
      '可以公开的部分附后，共3页。',
      APPEAL,
      '特此告知。',
    ]);
  });

  test('punctuation: sentences end once; quotes and brackets are tidied', () => {
    assert.equal(sentence('涉及档案调取'), '涉及档案调取。');
    assert.equal(sentence('涉及档案调取。'), '涉及档案调取。');
    assert.equal(sentence('一、二，'), '一、二。');
    assert.equal(sentence('  '), '');
    assert.equal(tidy('申请获取“处理情况。”。'), '申请获取“处理情况”。');
    assert.equal(tidy('理由如下：涉及秘密。。'), '理由如下：涉及秘密。');
    assert.equal(tidy('详见附件，。'), '详见附件。');
    assert.equal(tidy('收到（编号：）申请（）'), '收到申请');
    assert.equal(tidy('是否属实？。'), '是否属实？');
    assert.equal(tidy('现予以公开，'), '现予以公开。');
  });

  test('an older template with an optional value inside a sentence keeps the sentence when the value is empty', () => {
    const old = { title: '答复书', body: '经审查，根据{{basis}}的规定，现予以公开，{{details}}\n\n{{appealNotice}}' };
    const l = fillLetter('reply.granted', old, { ...sparse, basis: basisFor('granted') });
    assert.equal(l.paragraphs[0], `经审查，根据${basisFor('granted')}的规定，现予以公开。`);
  });
});
