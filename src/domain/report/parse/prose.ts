/**
 * The report's own prose settles a section-二 row whose run-together digits split several ways: "现行有效行政规范性
 * 文件393件" keeps only the splits whose 现行有效件数 is 393. Only the 2021 items with a stock (规章, 行政规范性文件),
 * only a clause that names the item and no other, only among the splits of the printed digits; a cell is
 * settled when every remaining split agrees on it, and the clause quoted (a person can check it).
 */
import type { ReportData } from '../types.ts';
import type { OpenSplit } from './proactive.ts';

const ITEMS: Record<string, { label: string; names: RegExp; others: RegExp }> = {
  rules: { label: '规章', names: /规章/, others: /规范性文件/ },
  normative_documents: { label: '行政规范性文件', names: /规范性文件/, others: /规章/ },
};
/** Column j of the item (issued, repealed, in_force) and how the prose says it. */
const SAYS: [col: number, re: RegExp][] = [
  [0, /(?:制发|新制定|制定|印发|发布)[^\d。；;，,]{0,12}?(\d+)\s*件/],
  [1, /(?:废止|废除)[^\d。；;，,]{0,12}?(\d+)\s*件/],
  [2, /现行有效[^\d。；;，,]{0,12}?(\d+)\s*件/],
];
const COLS = ['issued', 'repealed', 'in_force'];

export function settleFromProse(
  prose: string,
  report: ReportData,
  unresolved: string[],
  open: OpenSplit[],
  inferences: string[],
) {
  if (report.version !== '2021' || open.length === 0) return;
  const clauses = prose.replace(/\s+/g, '').split(/[。；;！!？?\n]/);
  for (const o of [...open]) {
    const item = ITEMS[o.item];
    if (!item) continue;
    const said = new Map<number, { v: number; clause: string }>();
    for (const clause of clauses) {
      if (!item.names.test(clause) || item.others.test(clause)) continue;
      for (const [j, re] of SAYS) {
        const m = re.exec(clause);
        if (!m) continue;
        const v = Number(m[1]);
        const prev = said.get(j);
        if (prev && prev.v !== v)
          said.set(j, { v: Number.NaN, clause }); // the prose disagrees with itself
        else said.set(j, { v, clause });
      }
    }
    const facts = [...said].filter(([, s]) => !Number.isNaN(s.v));
    if (!facts.length) continue;
    const survivors = o.candidates.filter((c) => facts.every(([j, s]) => c[j] === s.v));
    if (survivors.length === 0 || survivors.length === o.candidates.length) continue;
    const settled: string[] = [];
    COLS.forEach((col, j) => {
      const key = `proactive.${o.item}.${col}`;
      const v = survivors[0]![j]!;
      if (!unresolved.includes(key) || !survivors.every((s) => s[j] === v)) return;
      report.proactive[o.item]![col] = v;
      unresolved.splice(unresolved.indexOf(key), 1);
      settled.push(`${col} = ${v}`);
    });
    if (survivors.length === 1) open.splice(open.indexOf(o), 1);
    else o.candidates = survivors;
    if (!settled.length) continue;
    const quotes = [...new Set(facts.map(([, s]) => s.clause))].map((c) => `「${c.slice(0, 60)}」`).join('');
    inferences.push(
      `二、${item.label}：连写数字「${o.printed}」按正文${quotes}定为 ${settled.join('、')}${survivors.length === 1 ? `，拆分为 ${survivors[0]!.join('|')}` : `（仍有 ${survivors.length} 种拆分）`}`,
    );
  }
}
