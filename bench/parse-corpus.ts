import fc from 'fast-check';
import { cellPerLineLayout, flattenedLayout, pipeLayout, reportArb } from '../test/helpers/reports.ts';

/** Generated reports (balanced, as real ones are) in every text layout real reports are published in. */
export function corpus(n: number): string[] {
  const reports = fc.sample(reportArb, { numRuns: n, seed: 2019 });
  const layouts = [pipeLayout, cellPerLineLayout, flattenedLayout];
  return reports.map((r, i) => layouts[i % layouts.length]!(r));
}
