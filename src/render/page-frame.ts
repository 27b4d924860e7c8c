import { textWidth } from './fonts.ts';

/**
 * Page geometry of the documents, in points (pdfmake) — twips for DOCX are points × 20.
 *
 * Letters use the frame of GB/T 9704-2012 《党政机关公文格式》; annual reports keep their own (wide tables).
 */
export const mm = (x: number): number => (x * 72) / 25.4;
export const twips = (pt: number): number => Math.round(pt * 20);

/** 字号 in points: 2号, 3号, 4号. */
export const SIZE = { er: 22, san: 16, si: 14 } as const;

const lineWidth = mm(156);
const chars = 28;

export const OFFICIAL = {
  /** 5.2.1: A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm (so the right margin is 26 mm, the bottom 35 mm). */
  page: { width: mm(210), height: mm(297) },
  margin: { top: mm(37), left: mm(28), right: mm(26), bottom: mm(35) },
  /** 5.2.2: 22 lines of 28 characters of the body size (3号). */
  lines: 22,
  chars,
  body: SIZE.san,
  title: SIZE.er,
  /**
   * The spacing after each body character so 28 fill the 156 mm line: −0.25 pt (a whole number of twips, as a DOCX
   * run takes it), a pitch of 15.75 pt; justified lines take up the last 1.2 pt.
   */
  spacing: Math.floor((lineWidth / chars - SIZE.san) * 20) / 20,
  /** Line pitch: 28.95 pt, the value Word's grid gives 22 lines in 225 mm (22 × 28.95 = 636.9 pt ≤ 637.8 pt). */
  linePitch: 28.95,
  /** 7.5: page numbers 4号, "— 1 —", 一字线 7 mm below the 版心, 单页居右空一字, 双页居左空一字. */
  pageNumber: { size: SIZE.si, below: mm(7), inset: SIZE.si },
} as const;

/** The spacing after each body character, and the pitch it gives (a character of the grid). */
export const BODY_SPACING = OFFICIAL.spacing;
export const CHAR_PITCH = OFFICIAL.body + OFFICIAL.spacing;

/** The annual report: A4 with 2 cm margins, as published so far (its tables need the width). */
export const REPORT = {
  margin: 56,
} as const;

/**
 * 署名 and 成文日期 of a sealed document (GB/T 9704 7.3.5.1): the date 右空四字, the agency's name centred over
 * the date; two blank lines between the body and the name, so the 印章 (about four lines: 42 mm) starts within a
 * line of the body and presses on the name and the date, both below its centre.
 */
export function signatureIndents(agency: string, date: string): { agency: number; date: number } {
  const width = (t: string) => textWidth(t, OFFICIAL.body, BODY_SPACING);
  const dateRight = 4 * CHAR_PITCH;
  return { date: dateRight, agency: Math.max(0, dateRight + (width(date) - width(agency)) / 2) };
}
