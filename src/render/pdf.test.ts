import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { letter, mm, type PdfLine, pdfFonts, pdfPages, sampleLetter } from '../../test/helpers/documents.ts';
import type { DocModel } from '../domain/document.ts';
import { renderPdf } from './pdf.ts';

// GB/T 9704-2012 5.2: the 版心 is 156 × 225 mm, 37 mm from the top and 28 mm from the left edge.
const left = mm(28);
const right = mm(28 + 156);
const top = mm(37);
const bottom = mm(37 + 225);
const pitch = 28.95;
const near = (a: number, b: number, tol: number, what: string) =>
  assert.ok(Math.abs(a - b) <= tol, `${what}: ${a.toFixed(2)} ≠ ${b.toFixed(2)} (±${tol})`);

const pages = async (doc: DocModel) => {
  const data = await renderPdf(doc);
  const file = join(mkdtempSync(join(tmpdir(), 'gongkai-pdf-')), 'letter.pdf');
  writeFileSync(file, data);
  return { file, pages: await pdfPages(data) };
};
const isPageNumber = (l: PdfLine) => /^—\s*\d+\s*—$/.test(l.text.trim());

test('a letter is laid out in the GB/T 9704 frame: A4, the text inside the 版心, 22 lines of 28 characters', async () => {
  const { pages: ps } = await pages(letter);
  assert.equal(ps.length, 2);
  for (const p of ps) {
    near(p.width, mm(210), 0.5, 'page width');
    near(p.height, mm(297), 0.5, 'page height');
    for (const l of p.lines.filter((x) => !isPageNumber(x))) {
      assert.ok(l.x0 >= left - 0.5 && l.x1 <= right + 0.5, `"${l.text}" within the 版心's width`);
      assert.ok(l.y - 0.9 * l.size >= top - 0.5 && l.y <= bottom, `"${l.text}" within the 版心's height`);
    }
  }
  // Every line on the grid; the first page full: its last line the 22nd (one of them is the blank under the 文号).
  const first = ps[0]!.lines.filter((l) => !isPageNumber(l));
  const slots = first.map((l) => (l.y - first[0]!.y) / pitch);
  for (const s of slots) near(s, Math.round(s), 0.01, 'a line on the grid');
  assert.equal(Math.round(slots[slots.length - 1]!) + 1, 22, 'a full page has 22 lines');
  // The lines inside a paragraph of Chinese characters: 28 of them, filling the 156 mm.
  const full = first.filter((l) => l.x0 < left + 1 && /^[\u4e00-\u9fff]{26,}$/.test(l.text));
  assert.ok(full.length >= 8);
  for (const l of full) {
    assert.equal([...l.text].length, 28, l.text);
    near(l.x0, left, 0.5, 'line start');
    near(l.x1, right, 0.5, 'line end');
  }
});

test('a letter: title in 2号, the 文号 flush right under it, the 主送 flush left, paragraphs indented two characters', async () => {
  const [p] = (await pages(letter)).pages;
  const [title, number, salutation, para] = p!.lines;
  assert.equal(title!.text, '政府信息公开申请答复告知书');
  assert.equal(title!.size, 22);
  near((title!.x0 + title!.x1) / 2, (left + right) / 2, 0.5, 'title centred');
  assert.equal(number!.text, '凉市监依申〔2026〕12号');
  near(number!.y - title!.y, pitch, 0.1, 'the 文号 on the line under the title');
  near(number!.x1, right, 0.5, 'the 文号 flush right');
  assert.equal(salutation!.text, '张三：');
  near(salutation!.y - number!.y, 2 * pitch, 0.1, 'one blank line before the 主送 (7.3.2)');
  near(salutation!.x0, left, 0.5, 'the 主送 flush left');
  near(para!.x0, left + 2 * 15.75, 0.5, 'first line indented two characters');
});

test('a letter: 署名 centred over the 成文日期, the date four characters from the right, room for the seal', async () => {
  const [, p] = (await pages(letter)).pages;
  const lines = p!.lines.filter((l) => !isPageNumber(l));
  const date = lines[lines.length - 1]!;
  const agency = lines[lines.length - 2]!;
  const lastOfBody = lines[lines.length - 3]!;
  assert.equal(date.text, '2026年12月2日');
  assert.equal(agency.text, '凉州区市场监督管理局');
  near(date.x1, right - 4 * 15.75, 0.5, 'date 右空四字 (7.3.5.1)');
  near((agency.x0 + agency.x1) / 2, (date.x0 + date.x1) / 2, 0.5, 'the name centred over the date');
  near(agency.y - lastOfBody.y, 3 * pitch, 0.1, 'two blank lines between the body and the name');
  near(date.y - agency.y, pitch, 0.1, 'the date under the name');
});

test('a letter: the 署名 never alone on a page, it takes the paragraph before it along', async () => {
  const [first, second] = (await pages(sampleLetter(4))).pages;
  const text = (p: typeof first) => p!.lines.filter((l) => !isPageNumber(l)).map((l) => l.text.replace(/\s/g, ''));
  assert.equal(text(first).length, 19, 'the first page ends with the body before the contact line');
  assert.deepEqual(text(second), [
    '联系部门：政务公开办公室联系电话：0935-2212345',
    '凉州区市场监督管理局',
    '2026年12月2日',
  ]);
});

test('a letter: "— n —" in 4号 on every page, on the outer edge, its dash 7 mm under the 版心; the fonts embedded', async () => {
  const { file, pages: ps } = await pages(letter);
  ps.forEach((p, i) => {
    const n = p.lines.filter(isPageNumber);
    assert.equal(n.length, 1, `page ${i + 1} has its number`);
    const [l] = n as [PdfLine];
    assert.match(l.text, new RegExp(`^—\\s*${i + 1}\\s*—$`));
    assert.equal(l.size, 14);
    // 单页码居右空一字，双页码居左空一字 (7.5).
    if (i % 2 === 0) near(l.x1, right - 14, 0.5, 'odd page: right, one character in');
    else near(l.x0, left + 14, 0.5, 'even page: left, one character in');
    // The dash sits about a quarter em above the baseline.
    assert.ok(l.y > bottom + mm(7) && l.y < bottom + mm(7) + 14 * 0.5, `baseline ${l.y} puts the dash 7 mm down`);
  });
  const fonts = pdfFonts(file).map((f) => `${f.name}${f.embedded ? '' : ' (not embedded)'}`);
  assert.deepEqual(fonts.sort(), ['NotoSerifSC-Bold', 'NotoSerifSC-Regular']);
});

test('a report keeps its own layout: 2 cm margins, page numbers, the same faces', async () => {
  const report: DocModel = {
    title: '年度报告',
    layout: 'report',
    blocks: [
      { kind: 'title', text: '凉州区市场监督管理局2025年政府信息公开工作年度报告' },
      { kind: 'heading', text: '一、总体情况' },
      { kind: 'paragraph', text: '本年度主动公开政府信息。', indent: true },
    ],
  };
  const { file, pages: ps } = await pages(report);
  const [title, heading, para] = ps[0]!.lines;
  assert.equal(title!.size, 18);
  near(heading!.x0, 56, 0.5, 'heading at the report margin');
  near(para!.x0, 56 + 22, 0.5, 'paragraph indented two characters');
  assert.ok(ps[0]!.lines.some(isPageNumber));
  assert.deepEqual(
    pdfFonts(file)
      .map((f) => f.name)
      .sort(),
    ['NotoSansSC-Bold', 'NotoSerifSC-Bold', 'NotoSerifSC-Regular'],
  );
});
