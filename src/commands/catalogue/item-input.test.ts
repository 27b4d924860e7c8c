import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../domain/errors.ts';
import { workerPool } from '../../workers/pool.ts';
import {
  htmlText,
  MAX_BODY_CHARS,
  MAX_BODY_DEPTH,
  sanitizeBodies,
  sanitizeBody,
  sanitizeForImport,
} from './item-input.ts';

const cpuMs = (f: () => unknown) => {
  const start = process.cpuUsage();
  try {
    f();
  } catch {
    /* timed either way */
  }
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1000;
};
const refused = (message: RegExp) => (e: unknown) =>
  e instanceof AppError && e.status === 400 && message.test(e.message);

test('links keep rel="noopener noreferrer", whatever rel the author wrote; scripts and handlers go', () => {
  assert.equal(
    sanitizeBody('<p><a href="https://www.gov.cn/" title="中国政府网" rel="opener" onclick="x()">链接</a></p>'),
    '<p><a href="https://www.gov.cn/" title="中国政府网" rel="noopener noreferrer">链接</a></p>',
  );
  assert.equal(
    sanitizeBody('<a href="javascript:alert(1)">x</a><script>alert(1)</script>'),
    '<a rel="noopener noreferrer">x</a>',
  );
});

test('2 MB of nested <div> is refused in Chinese at once, not after a minute', () => {
  const nested = `${'<div>'.repeat(180_000)}正文${'</div>'.repeat(180_000)}`;
  assert.ok(nested.length > 1_900_000 && nested.length <= MAX_BODY_CHARS);
  assert.throws(() => sanitizeBody(nested), refused(/^正文嵌套层级过深（超过 200 层），请简化格式后重试$/));
  assert.ok(cpuMs(() => sanitizeBody(nested)) < 200);
});

test('the depth counted is the parser’s: implied closes do not add up, real nesting does', () => {
  // 5,000 unclosed <p> and <li> close each other (as browsers and sanitize-html read them): depth 2, admitted.
  assert.equal(sanitizeBody('<p>一'.repeat(5000)).match(/<p>/g)?.length, 5000);
  assert.equal(sanitizeBody(`<ul>${'<li>项'.repeat(5000)}</ul>`).match(/<li>/g)?.length, 5000);
  const deep = (n: number) => `${'<div>'.repeat(n)}x${'</div>'.repeat(n)}`;
  assert.match(sanitizeBody(deep(MAX_BODY_DEPTH)), /x/);
  assert.throws(() => sanitizeBody(deep(MAX_BODY_DEPTH + 1)), refused(/嵌套层级过深/));
  // Nesting of tags the sanitiser drops counts too: the parser builds it all the same.
  assert.throws(() => sanitizeBody(`${'<font>'.repeat(MAX_BODY_DEPTH + 1)}x`), refused(/嵌套层级过深/));
});

test('a real page is admitted: 1 MB of ordinary HTML (paragraphs, tables, lists, links) in linear time', () => {
  const page =
    '<h2>凉州区市场监督管理局2024年政府信息公开工作年度报告</h2><p>根据《中华人民共和国政府信息公开条例》' +
    '<a href="https://www.gov.cn/zhengce/content/2019-04/15/content_5382991.htm">（国务院令第711号）</a>，' +
    '<strong>本机关</strong>编制本报告。</p><table><thead><tr><th scope="col">信息内容</th><th>本年制发件数</th>' +
    '</tr></thead><tbody><tr><td>规章</td><td>0</td></tr><tr><td rowspan="2">规范性文件</td><td>3</td></tr>' +
    '</tbody></table><ul><li><em>主动公开</em></li><li>依申请公开</li></ul><blockquote><div><span>附件' +
    '</span></div></blockquote>\n';
  const small = page.repeat(Math.ceil(100_000 / page.length));
  const big = page.repeat(Math.ceil(1_000_000 / page.length));
  const out = sanitizeBody(big);
  assert.equal(out.match(/<table>/g)?.length, big.match(/<table>/g)?.length);
  assert.equal(out.match(/rel="noopener noreferrer"/g)?.length, big.match(/<a /g)?.length);
  assert.ok(htmlText(out).startsWith('凉州区市场监督管理局2024年政府信息公开工作年度报告根据《中华人民共和国'));
  // Ten times the body, about ten times the time (quadratic would be a hundred): measured in CPU time.
  const t1 = Math.min(
    cpuMs(() => sanitizeBody(small)),
    cpuMs(() => sanitizeBody(small)),
  );
  const t10 = cpuMs(() => sanitizeBody(big));
  assert.ok(t10 < 25 * Math.max(t1, 5), `100 kB: ${t1} ms, 1 MB: ${t10} ms`);
});

test('a body longer than the limit is refused in Chinese, naming the limit', () => {
  assert.throws(() => sanitizeBody('字'.repeat(MAX_BODY_CHARS + 1)), refused(/^正文过长（超过 200 万字）$/));
  const e = (() => {
    try {
      sanitizeBody('字'.repeat(MAX_BODY_CHARS + 1));
    } catch (err) {
      return err as AppError;
    }
  })();
  assert.deepEqual(e?.details, [{ path: 'bodyHtml', message: '正文过长（超过 200 万字）' }]);
});

test('an import’s bodies are sanitised in worker batches, in order, each refusal kept for its row', async () => {
  const bodies = Array.from({ length: 3000 }, (_, i) =>
    i % 1000 === 7
      ? `${'<div>'.repeat(MAX_BODY_DEPTH + 1)}第${i}条`
      : `<p onclick="x()">第${i}条 <a href="https://www.gov.cn/${i}">链接</a>${'正文'.repeat(400 + (i % 50))}</p><script>alert(${i})</script>`,
  );
  assert.ok(bodies.reduce((n, b) => n + b.length, 0) > 2_000_000, 'more than two batches');
  const out = await sanitizeBodies(bodies);
  assert.deepEqual(out, bodies.map(sanitizeForImport));
  assert.deepEqual(
    out.flatMap((b, i) => (b.ok ? [] : [[i, b.message]])),
    [7, 1007, 2007].map((i) => [i, '正文嵌套层级过深（超过 200 层），请简化格式后重试']),
  );
  assert.equal(out[1]!.ok && out[1]!.text.startsWith('第1条 链接正文'), true);
  assert.ok(workerPool().threads.length > 0, 'the batches went to the worker pool');
});
