/**
 * Parts of a DOCX package written here rather than by the docx library: the font table (which names each face's
 * fallback) and, for the official frame, the styles (the library has no switch for Word's automatic spacing
 * between Chinese and Latin text, which would move characters off the 28-a-line grid).
 */
import { FACES } from './fonts.ts';
import { OFFICIAL as O, twips } from './page-frame.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/**
 * word/fontTable.xml: each family with its generic family and the GB2312 charset (86), and as its alternative name
 * the face it stands in for, which Word takes when the family is not installed (仿宋 → FangSong, 黑体 → SimHei).
 */
export function fontTable(): string {
  const entry = (name: string, alt: string, family: 'roman' | 'swiss') =>
    `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="variable"/></w:font>`;
  return (
    `${XML}<w:fonts ${W}>` +
    entry(FACES.body.name, FACES.body.standsFor, 'roman') +
    entry(FACES.body.standsFor, FACES.body.alias, 'roman') +
    entry(FACES.heading.name, FACES.heading.standsFor, 'swiss') +
    entry(FACES.heading.standsFor, FACES.heading.alias, 'swiss') +
    '</w:fonts>'
  );
}

const fonts = (name: string) => `<w:rFonts w:ascii="${name}" w:eastAsia="${name}" w:hAnsi="${name}" w:cs="${name}"/>`;

/**
 * word/styles.xml of a letter: Normal is the body of GB/T 9704 (3号 Noto Serif SC for 仿宋, text in zh-CN so a
 * reader lacking the face falls back to a Chinese one), every line exactly one line pitch, no widow control and no
 * automatic Chinese/Latin spacing — with the runs' spacing (−0.25 pt a character) Word and LibreOffice break lines
 * and pages where the PDF does. Paragraphs typed into the document later keep the grid.
 */
export function officialStyles(): string {
  const body = FACES.body.name;
  const size = O.body * 2;
  const ppr =
    '<w:pPr><w:widowControl w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>' +
    `<w:spacing w:before="0" w:after="0" w:line="${twips(O.linePitch)}" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr>`;
  const rpr =
    `<w:rPr>${fonts(body)}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>` +
    '<w:lang w:val="zh-CN" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr>';
  return (
    `${XML}<w:styles ${W}>` +
    `<w:docDefaults><w:rPrDefault>${rpr}</w:rPrDefault><w:pPrDefault>${ppr}</w:pPrDefault></w:docDefaults>` +
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>${ppr}${rpr}</w:style>` +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>' +
    '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    '</w:styles>'
  );
}
