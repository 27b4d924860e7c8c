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
  | { kind: 'spacer' };

export interface DocModel {
  title: string;
  blocks: DocBlock[];
  landscape?: boolean;
}
