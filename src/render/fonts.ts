import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const font = (path: string) => require.resolve(`@expo-google-fonts/${path}`);

/**
 * The free faces that stand in for the ones GB/T 9704-2012 names (none of 仿宋_GB2312, 方正小标宋 or 黑体 may be
 * redistributed): Noto Serif SC and Noto Sans SC, SIL Open Font License 1.1, shipped as TTF in npm packages so a
 * PDF embeds them (subset) on any machine. docs/fonts.md names the substitution.
 */
export const FONT_FILES = {
  serif: {
    regular: font('noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'),
    bold: font('noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf'),
  },
  sans: {
    regular: font('noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
    bold: font('noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
  },
} as const;
export type FontFamily = keyof typeof FONT_FILES;

/** What each face of a document is, what it stands for, and how a DOCX names it (family, then the fallback). */
export const FACES = {
  /** 正文: 3号仿宋体 (GB/T 9704 7.3.3) → Noto Serif SC Regular. */
  body: { family: 'serif', bold: false, name: 'Noto Serif SC', standsFor: '仿宋', alias: 'FangSong' },
  /** 标题: 2号小标宋体 (7.3.1) → Noto Serif SC Bold. */
  title: { family: 'serif', bold: true, name: 'Noto Serif SC', standsFor: '小标宋', alias: 'FangSong' },
  /** 一级标题 "一、": 黑体 (7.3.3) → Noto Sans SC Bold. */
  heading: { family: 'sans', bold: true, name: 'Noto Sans SC', standsFor: '黑体', alias: 'SimHei' },
} as const;
export type Face = keyof typeof FACES;

interface FontkitGlyph {
  advanceWidth: number;
  bbox: { maxY: number };
}
interface FontkitFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  glyphsForString(s: string): FontkitGlyph[];
  layout(s: string): { advanceWidth: number };
}
let fontkit: { openSync(path: string): FontkitFont } | undefined;
const opened = new Map<string, FontkitFont>();
/** The font engine pdfmake itself uses (fontkit, through pdfkit), so measures here are the PDF's own. */
function open(face: Face): FontkitFont {
  const f = FACES[face];
  const path = FONT_FILES[f.family][f.bold ? 'bold' : 'regular'];
  let font = opened.get(path);
  if (!font) {
    fontkit ??= createRequire(createRequire(require.resolve('pdfmake')).resolve('pdfkit'))('fontkit');
    font = fontkit!.openSync(path);
    opened.set(path, font);
  }
  return font;
}

/** Advance width of a text in points: its glyphs at `size`, plus `spacing` after each character (PDF's Tc). */
export function textWidth(text: string, face: Face, size: number, spacing = 0): number {
  const f = open(face);
  return (f.layout(text).advanceWidth / f.unitsPerEm) * size + spacing * [...text].length;
}

/** A face's line box (ascent + descent) and ascent, in em, as pdfkit lays a line out. */
export function lineBox(face: Face): { height: number; ascent: number } {
  const f = open(face);
  return { height: (f.ascent - f.descent) / f.unitsPerEm, ascent: f.ascent / f.unitsPerEm };
}

/** How far above the baseline the ink of a character reaches, in em (where a dash sits). */
export function inkTop(char: string, face: Face): number {
  const f = open(face);
  const g = f.glyphsForString(char)[0];
  return g ? g.bbox.maxY / f.unitsPerEm : 0;
}
