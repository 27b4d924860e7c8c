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

/** What each face of a document is, what it stands for, and how a DOCX names it (family, then the fallback). */
export const FACES = {
  /** 正文: 3号仿宋体 (GB/T 9704 7.3.3) → Noto Serif SC Regular. */
  body: { family: 'serif', bold: false, name: 'Noto Serif SC', standsFor: '仿宋', alias: 'FangSong' },
  /** 标题: 2号小标宋体 (7.3.1) → Noto Serif SC Bold. */
  title: { family: 'serif', bold: true, name: 'Noto Serif SC', standsFor: '小标宋' },
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
/** The font engine pdfmake itself uses (fontkit, through pdfkit), so measures here are the PDF's own. */
function open(face: Face): FontkitFont {
  const f = FACES[face];
  fontkit ??= createRequire(createRequire(require.resolve('pdfmake')).resolve('pdfkit'))('fontkit');
  return fontkit!.openSync(FONT_FILES[f.family][f.bold ? 'bold' : 'regular']);
}

/** A face's vertical metrics in em, read once (a face is 15 MB: only the one measured for widths stays open). */
interface Metrics {
  height: number;
  ascent: number;
  dashTop: number;
}
const metrics = new Map<Face, Metrics>();
function metricsOf(face: Face): Metrics {
  let m = metrics.get(face);
  if (!m) {
    const f = open(face);
    const dash = f.glyphsForString('—')[0];
    m = {
      height: (f.ascent - f.descent) / f.unitsPerEm,
      ascent: f.ascent / f.unitsPerEm,
      dashTop: dash ? dash.bbox.maxY / f.unitsPerEm : 0,
    };
    metrics.set(face, m);
  }
  return m;
}

let measured: FontkitFont | undefined;
/** Advance width of a body text in points: its glyphs at `size`, plus `spacing` after each character (PDF's Tc). */
export function textWidth(text: string, size: number, spacing = 0): number {
  measured ??= open('body');
  return (measured.layout(text).advanceWidth / measured.unitsPerEm) * size + spacing * [...text].length;
}

/** A face's line box (ascent + descent) and ascent, in em, as pdfkit lays a line out. */
export function lineBox(face: Face): { height: number; ascent: number } {
  const { height, ascent } = metricsOf(face);
  return { height, ascent };
}

/** How far above the baseline the ink of the dash "—" reaches, in em (where a page number's 一字线 sits). */
export function dashTop(face: Face): number {
  return metricsOf(face).dashTop;
}
