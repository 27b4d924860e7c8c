import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unzipSync } from 'fflate';
import { letter, mm, officeToPdf, pdfPages, sampleLetter } from '../../test/helpers/documents.ts';
import { renderDocx } from './docx.ts';
import { renderPdf } from './pdf.ts';

const parts = async () => {
  const files = unzipSync(new Uint8Array(await renderDocx(letter)));
  const text = (name: string) => new TextDecoder().decode(files[name]);
  return { files, text };
};
const attrs = (xml: string, tag: string) => {
  const m = xml.match(new RegExp(`<${tag} ([^>]*?)/?>`));
  assert.ok(m, `${tag} present`);
  return Object.fromEntries([...m[1]!.matchAll(/([\w:]+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
};
const paragraphs = (xml: string) =>
  [...xml.matchAll(/<w:p>(.*?)<\/w:p>/g)].map((m) => ({
    xml: m[1]!,
    text: [...m[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  }));

test('a letter DOCX has the GB/T 9704 page: A4, margins 37/28/26/35 mm, page numbers on the outer edge', async () => {
  const { text } = await parts();
  const doc = text('word/document.xml');
  assert.deepEqual(attrs(doc, 'w:pgSz'), { 'w:w': '11906', 'w:h': '16838', 'w:orient': 'portrait' });
  const margins = attrs(doc, 'w:pgMar');
  assert.deepEqual(
    [margins['w:top'], margins['w:left'], margins['w:right'], margins['w:bottom']],
    ['2098', '1587', '1474', '1984'],
  );
  assert.match(text('word/settings.xml'), /<w:evenAndOddHeaders\/>/);
  const footers = Object.fromEntries(
    [...doc.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map((m) => [m[1], m[2]]),
  );
  const rels = text('word/_rels/document.xml.rels');
  const footer = (type: string) =>
    text(`word/${rels.match(new RegExp(`Id="${footers[type]}"[^>]*Target="([^"]+)"`))![1]}`);
  for (const [type, side] of [
    ['default', 'right'],
    ['even', 'left'],
  ] as const) {
    const f = footer(type);
    assert.match(f, new RegExp(`<w:jc w:val="${side}"/>`), `${type} pages: ${side}`);
    assert.equal(attrs(f, 'w:ind')[`w:${side}`], '280', 'one 4号 character in');
    assert.match(f, /— <\/w:t>.*PAGE.*<w:t xml:space="preserve"> —/s);
    assert.equal(attrs(f, 'w:sz')['w:val'], '28', '4号');
  }
});

test('a letter DOCX names its faces and sets the grid: 3号 on 28.95 pt lines, 28 characters a line', async () => {
  const { text } = await parts();
  const fonts = text('word/fontTable.xml');
  for (const [name, alt] of [
    ['Noto Serif SC', '仿宋'],
    ['仿宋', 'FangSong'],
    ['Noto Sans SC', '黑体'],
    ['黑体', 'SimHei'],
  ])
    assert.match(fonts, new RegExp(`<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/>`));
  const styles = text('word/styles.xml');
  const normal = styles.match(/<w:style w:type="paragraph" w:default="1" w:styleId="Normal">.*?<\/w:style>/)![0];
  assert.deepEqual(attrs(normal, 'w:spacing'), {
    'w:before': '0',
    'w:after': '0',
    'w:line': '579',
    'w:lineRule': 'exact',
  });
  assert.equal(attrs(normal, 'w:rFonts')['w:eastAsia'], 'Noto Serif SC');
  assert.equal(attrs(normal, 'w:sz')['w:val'], '32');
  assert.equal(attrs(normal, 'w:lang')['w:eastAsia'], 'zh-CN');
  const ps = paragraphs(text('word/document.xml'));
  const title = ps.find((p) => p.text === letter.title)!;
  assert.match(title.xml, /<w:jc w:val="center"\/>/);
  assert.match(title.xml, /<w:b\/>.*<w:sz w:val="44"\/>/);
  const body = ps.filter((p) => p.text.startsWith('经审查'));
  assert.equal(body.length, 6);
  for (const p of body) {
    assert.equal(attrs(p.xml, 'w:ind')['w:firstLine'], '630', 'indented two characters of 15.75 pt');
    assert.equal(attrs(p.xml, 'w:spacing')['w:val'], '-5', '−0.25 pt a character: 28 in 156 mm');
  }
  const number = ps.find((p) => p.text === '凉市监依申〔2026〕12号')!;
  assert.match(number.xml, /<w:jc w:val="right"\/>/);
  const date = ps.find((p) => p.text === '2026年12月2日')!;
  const agency = ps.find((p) => p.text === '凉州区市场监督管理局')!;
  assert.equal(attrs(date.xml, 'w:ind')['w:right'], '1260', 'the date four characters from the right');
  assert.ok(Number(attrs(agency.xml, 'w:ind')['w:right']) < 1260, 'the longer name centred over the date');
  assert.equal(ps[ps.indexOf(agency) - 1]!.text, '', 'a blank line over the name');
  assert.equal(ps[ps.indexOf(agency) - 2]!.text, '', 'two blank lines over the name');
});

test('LibreOffice opens the letter DOCX and prints it on the same pages and lines as the PDF', async () => {
  for (const doc of [letter, sampleLetter(4)]) await samePages(doc);
});

async function samePages(doc: typeof letter) {
  const office = await pdfPages(officeToPdf(await renderDocx(doc), 'docx').data);
  const pdf = await pdfPages(await renderPdf(doc));
  assert.equal(office.length, pdf.length, 'as many pages');
  office.forEach((page, i) => {
    assert.ok(Math.abs(page.width - mm(210)) < 0.5 && Math.abs(page.height - mm(297)) < 0.5, 'A4');
    const lines = (p: typeof page) => p.lines.map((l) => ({ y: l.y, text: l.text.replace(/\s/g, '') }));
    const [a, b] = [lines(page), lines(pdf[i]!)];
    assert.equal(a.length, b.length, `page ${i + 1}: as many lines`);
    a.forEach((l, j) => {
      // Lines of Chinese characters only break alike; LibreOffice spaces digits from Chinese text whatever the
      // document says (it ignores w:autoSpaceDE/DN), so a line with digits may end a character earlier.
      if (/^[\u4e00-\u9fff]+$/.test(b[j]!.text)) assert.equal(l.text, b[j]!.text, `page ${i + 1} line ${j + 1}`);
      assert.ok(Math.abs(l.y - b[j]!.y) < 0.5, `page ${i + 1} line ${j + 1} at ${l.y} (PDF: ${b[j]!.y})`);
    });
  });
}
