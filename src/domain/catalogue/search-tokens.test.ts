import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { indexTokens, normalizeForMatch, queryTokens, tsqueryOf } from './search-tokens.ts';

/** Does a text's token set satisfy a query's tokens (as the tsquery would: all of them, `x:*` as a prefix)? */
function satisfies(index: string[], query: string[]) {
  return query.every((t) => (t.endsWith(':*') ? index.some((x) => x.startsWith(t.slice(0, -2))) : index.includes(t)));
}

// Texts from a small alphabet so that queries cut them anywhere: across a number, a space, a bracket, a boundary.
const alphabet = fc.constantFrom(...'第局发号食品安全通知1230５ abＢ〔〕\n，。'.split(''));
const text = fc.array(alphabet, { minLength: 1, maxLength: 40 }).map((cs) => cs.join(''));

test('every query of two or more characters found in a text asks only for tokens the text has', () => {
  fc.assert(
    fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
      const s = normalizeForMatch(t);
      const from = a % s.length;
      const q = s.slice(from, from + 2 + (b % 6));
      // Punctuation alone asks for nothing (and finds nothing).
      fc.pre(q.length >= 2 && /[a-z0-9\u3400-\u9fff]/.test(q));
      const tokens = queryTokens(q);
      assert.ok(tokens.length > 0, q);
      assert.ok(satisfies(indexTokens(t), tokens), `${JSON.stringify(q)} in ${JSON.stringify(t)}: ${tokens}`);
      // A newer vector holds every older token: older queries keep working while rows are upgraded.
      const v2 = new Set(indexTokens(t));
      assert.ok(indexTokens(t, 1).every((x) => v2.has(x)));
    }),
    { numRuns: 3000 },
  );
});

test('a 文号 asks for the pairs across its digits, so it names its own documents', () => {
  const q = '第1局发〔2015〕1号';
  assert.deepEqual(queryTokens(q, 1).sort(), ['1', '2015', '号', '局发', '第'].sort());
  assert.deepEqual(queryTokens(q).sort(), ['1', '1号', '1局', '2015', '局发', '第1'].sort());
  const own = indexTokens('关于印发实施办法的通知 第1局发〔2015〕1号');
  const other = indexTokens('关于印发实施办法的通知 第11局发〔2015〕12号 第1条');
  assert.ok(satisfies(own, queryTokens(q)));
  assert.ok(satisfies(other, queryTokens(q, 1)), 'version 1 cannot tell them apart');
  assert.ok(!satisfies(other, queryTokens(q)), 'version 2 can');
  assert.equal(tsqueryOf(queryTokens(q)), "'第1' & '1局' & '局发' & '1号' & '1' & '2015'");
});

test('numbers and words cut by the query are asked as a prefix of a suffix (from three characters, or when alone)', () => {
  // "5号" is in "15号": version 1 asked for the number 5, which that text does not have.
  assert.ok(!satisfies(indexTokens('〔2015〕15号', 1), queryTokens('5号', 1)));
  assert.deepEqual(queryTokens('5号'), ['5号']);
  assert.ok(satisfies(indexTokens('〔2015〕15号'), queryTokens('5号')));
  assert.deepEqual(queryTokens('发〔201'), ['发', '201:*']);
  assert.deepEqual(queryTokens('安全2'), ['安全', '全2']);
  assert.deepEqual(queryTokens('〕1'), ['1:*']);
  assert.equal(tsqueryOf(queryTokens('发〔201')), "'发' & '201':*");
  assert.deepEqual(queryTokens('食品 安全'), ['食品', '品安', '安全']);
  assert.deepEqual(queryTokens('covid'), ['covid:*']);
  assert.ok(satisfies(indexTokens('新冠 covid19 疫情'), queryTokens('ovid')));
  assert.ok(satisfies(indexTokens('〔2015〕'), queryTokens('015')));
  assert.deepEqual(queryTokens('ovid', 1), ['ovid']);
  assert.deepEqual(queryTokens('。'), []);
});
