import assert from 'node:assert/strict';
import { test } from 'node:test';
import { zipSync } from 'fflate';
import { docxToText } from './docx-text.ts';
import { UnreadableFileError } from './errors.ts';
import { htmlToText, MAX_HTML_DEPTH } from './html-text.ts';

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
const unreadable = (message: RegExp) => (e: unknown) => e instanceof UnreadableFileError && message.test(e.message);

test('a report page reads as lines and table rows', () => {
  const page =
    '<html><head><title>年报</title><style>p{}</style></head><body><h1>政府信息公开工作年度报告</h1>' +
    '<table><tr><th>信息内容</th><th>本年制发件数</th></tr><tr><td>规章</td><td></td></tr>' +
    '<tr><td>规范性<br>文件</td><td>3</td></tr></table><p>二、主动&nbsp;公开</p><script>x()</script></body></html>';
  assert.equal(
    htmlToText(page),
    '政府信息公开工作年度报告\n| 信息内容 | 本年制发件数 |\n| 规章 |  |\n| 规范性 文件 | 3 |\n二、主动 公开',
  );
});

test('2 MB of nested <div> is refused in Chinese at once (it took 54 s), shallower nesting is read', () => {
  const nested = `${'<div>'.repeat(180_000)}二、主动公开政府信息情况${'</div>'.repeat(180_000)}`;
  assert.throws(() => htmlToText(nested), unreadable(/^HTML 嵌套层级过深（超过 500 层），拒绝读取/));
  assert.ok(cpuMs(() => htmlToText(nested)) < 200);
  const ok = `${'<div>'.repeat(MAX_HTML_DEPTH)}二、主动公开政府信息情况${'</div>'.repeat(MAX_HTML_DEPTH)}`;
  assert.equal(htmlToText(ok), '二、主动公开政府信息情况');
  // Unclosed cells and rows close each other, as in a browser: not nesting.
  assert.equal(htmlToText(`<table>${'<tr><td>1<td>2'.repeat(10_000)}</table>`).split('\n').length, 10_000);
});

test('1 MB of ordinary report HTML reads in linear time', () => {
  const part =
    '<p>（一）予以公开</p><table><tr><td>自然人</td><td>12</td><td>3</td><td>0</td><td>1</td></tr></table>\n';
  const small = part.repeat(Math.ceil(100_000 / part.length));
  const big = part.repeat(Math.ceil(1_000_000 / part.length));
  assert.equal(htmlToText(big).split('\n').length, 2 * Math.ceil(1_000_000 / part.length));
  const t1 = Math.min(
    cpuMs(() => htmlToText(small)),
    cpuMs(() => htmlToText(small)),
  );
  const t10 = cpuMs(() => htmlToText(big));
  assert.ok(t10 < 25 * Math.max(t1, 5), `100 kB: ${t1} ms, 1 MB: ${t10} ms`);
});

test('DOCX: tags are matched up to the next “<”, so a document of unterminated tags reads in linear time', () => {
  const docx = (xml: string) => zipSync({ 'word/document.xml': new TextEncoder().encode(xml) });
  // 2 MB of "<w:a" with no ">": each match used to scan to the end of the document (26 s for 320 kB).
  const hostile = docx(`<w:p><w:r><w:t>正文</w:t></w:r></w:p>${'<w:a'.repeat(500_000)}`);
  assert.ok(cpuMs(() => docxToText(hostile)) < 2000);
  // A row whose first cell follows <w:tr> at once keeps that cell.
  const table = docx(
    '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>自然人</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>12</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
  );
  assert.equal(docxToText(table), '| 自然人 | 12 |');
});

test('paragraphs inside a cell stay apart; an empty cell spanning columns is that many blanks', () => {
  const t = htmlToText(
    '<table><tr><td><p>商业</p><p>企业</p></td><td><p>12</p><p>3</p></td><td colspan="2">&nbsp;</td><td colspan="3">申请人情况</td><td>5</td></tr></table>',
  );
  assert.equal(t, '| 商业 企业 | 12 3 |  |  | 申请人情况 | 5 |');
});
