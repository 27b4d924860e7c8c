import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readMeta } from './meta.ts';
import { normalizeText } from './normalize.ts';
import { parseReportText } from './parse.ts';

const samples = join(import.meta.dirname, '../../../../../shared/samples');
const ids = readdirSync(join(samples, 'reports'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, 3));
const sample = (id: string) => readFileSync(join(samples, 'reports', `${id}.txt`), 'utf8');
const expected = (id: string) => JSON.parse(readFileSync(join(samples, 'expected', `${id}.json`), 'utf8'));
/** The title as the text prints it: the lines before the first section (or the first line). */
const titleOf = (t: string) => t.slice(0, Math.max(t.indexOf('一、总体情况'), t.indexOf('\n'), 0));

test('every sample with a year in its title gets its year, its version and agency where the text shows them', () => {
  let withTitle = 0;
  for (const id of ids) {
    const exp = expected(id);
    const text = sample(id);
    const m = readMeta(normalizeText(text));
    if (/\d{4}\s*年/.test(titleOf(text))) {
      withTitle++;
      assert.equal(m.year?.value, exp.year, `${id} year`);
      assert.match(m.year!.evidence, /标题/, `${id} year from the title`);
    }
    if (exp.year) assert.equal(m.year?.value, exp.year, `${id} year (title, period or overview)`);
    if (exp.version) assert.equal(m.version?.value, exp.version, `${id} version`);
    if (exp.agency && !exp.reject) assert.equal(m.agency?.value, exp.agency, `${id} agency`);
  }
  assert.ok(withTitle >= 4, 'the samples with a title are tested');
});

test('an excerpt without tables still reports its year, agency and version (cited notice), and says why', () => {
  // Cut each sample before its first table (第二十条第（一）项 heads it): only the title, the preamble and the overview remain.
  for (const id of ids) {
    const exp = expected(id);
    if (exp.reject) continue;
    const text = sample(id);
    const excerpt = text.slice(0, text.search(/第二十条/));
    const cited = `${excerpt}\n按照《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔${exp.version}〕${exp.version === '2021' ? 30 : 60}号）编制。\n三、收到和处理政府信息公开申请情况\n（表格为图片）`;
    const p = parseReportText(cited);
    assert.equal(p.ok, false, id);
    if (p.ok) continue;
    assert.equal(p.kind, 'no_tables', id);
    assert.match(p.error, /表格未找到/);
    assert.equal(p.year, exp.year, `${id} year`);
    assert.equal(p.version, exp.version, `${id} version from the notice`);
    if (exp.agency) assert.equal(p.agency, exp.agency, `${id} agency`);
    assert.ok(
      p.evidence.some((e) => e.includes('国办公开办函')),
      id,
    );
  }
});

test('the headers win over a miscited notice; the signature names the agency when nothing else does', () => {
  const m = readMeta(
    '2023年度政府信息公开工作年度报告\n依据国办公开办函〔2019〕60号\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数',
  );
  assert.equal(m.version?.value, '2021');
  const s = readMeta(
    '2024年度政府信息公开工作年度报告\n一、总体情况\n我局认真落实……\n\n沭阳县自然资源和规划局\n2025年1月20日\n',
  );
  assert.equal(s.agency?.value, '沭阳县自然资源和规划局');
  assert.match(s.agency!.evidence, /落款/);
  assert.equal(readMeta('一、总体情况\n我局认真落实。\n').agency, null);
});

test('a pre-2019 report and an unrelated file are told apart from a report without tables', () => {
  const old = parseReportText(sample('041'));
  assert.ok(!old.ok && old.kind === 'pre_2019' && old.year === 2018);
  const other = parseReportText('会议纪要\n2024年3月1日\n一、会议议题');
  assert.ok(!other.ok && other.kind === 'not_a_report');
});
