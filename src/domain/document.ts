/** A document model shared by letters and reports, rendered to DOCX and PDF. */
export interface DocTable {
  /** Header rows, each cell with optional spans (merged header cells of the official layouts). */
  rows: DocCell[][];
  headerRows?: number;
  widths?: number[]; // relative
}

export interface DocCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
}

export type DocBlock =
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; indent?: boolean; align?: 'left' | 'right' | 'center' }
  | { kind: 'table'; table: DocTable }
  | { kind: 'spacer' }
  /**
   * 发文字号 (GB/T 9704-2012 7.2.4): 机关代字, the year in 六角括号 and the number without leading zeros, e.g.
   * `凉市监依申〔2026〕12号`; in a letter it stands on its own line under the title.
   */
  | { kind: 'docNumber'; text: string }
  /** 主送 (7.3.2): the addressee's name (an organisation's full name) and a full-width colon, flush left. */
  | { kind: 'salutation'; text: string }
  /**
   * 署名 and 成文日期 (7.3.5): the agency's name above the date, right-aligned, with room for the 印章 that
   * covers both; `date` as printed, in Arabic numerals ("2026年12月2日").
   */
  | { kind: 'signature'; agency: string; date: string };

export interface DocModel {
  title: string;
  blocks: DocBlock[];
  landscape?: boolean;
  /** The page: `official` (the default: letters) is GB/T 9704-2012's frame; `report` the annual report's own. */
  layout?: 'official' | 'report';
}
