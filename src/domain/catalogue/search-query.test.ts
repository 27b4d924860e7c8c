import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  FOLDED_PUNCTUATION,
  foldForSearch,
  markedPieces,
  matchesAll,
  parseQuery,
  QUERY_MAX_CHARS,
  searchText,
  termSnippet,
  termTokens,
  wellFormed,
} from './search-query.ts';
import { indexTokens, SEARCH_TOKENS_VERSION } from './search-tokens.ts';

test('folding: brackets, dots, dashes, widths and case alike', () => {
  const cases: [string, string][] = [
    ['凉市监罚〔2015〕239号', '凉市监罚(2015)239号'],
    ['凉市监罚[2015]239号', '凉市监罚(2015)239号'],
    ['凉市监罚（2015）239号', '凉市监罚(2015)239号'],
    ['凉市监罚【2015】239号', '凉市监罚(2015)239号'],
    ['凉市监罚﹝2015﹞239号', '凉市监罚(2015)239号'],
    ['凉市监罚［２０１５］２３９号', '凉市监罚(2015)239号'],
    ['凉市监罚⟨2015⟩239号', '凉市监罚(2015)239号'],
    ['凉市监罚〈2015〉239号', '凉市监罚(2015)239号'],
    ['阿卜杜·热合曼', '阿卜杜·热合曼'],
    ['阿卜杜・热合曼', '阿卜杜·热合曼'],
    ['阿卜杜•热合曼', '阿卜杜·热合曼'],
    ['2020—2025年', '2020-2025年'],
    ['2020ー2025年', '2020-2025年'],
    ['2020–2025年', '2020-2025年'],
    ['2020－2025年', '2020-2025年'],
    ['ＧＢ／Ｔ 19001', 'gb/t19001'],
    ['食品 安全\n抽检\t通知', '食品安全抽检通知'],
    ['《食品安全法》', '《食品安全法》'],
  ];
  for (const [input, want] of cases) assert.equal(foldForSearch(input), want, input);
});

test('terms: whitespace and punctuation split; brackets, dots and dashes stay inside a term; quotes make a phrase', () => {
  const cases: [string, string[] | string][] = [
    ['食品 抽检', ['食品', '抽检']],
    ['行政处罚　食品', ['行政处罚', '食品']], // ideographic space
    ['行政处罚，食品；抽检、通知。', ['行政处罚', '食品', '抽检', '通知']],
    ['2015年 食品安全', ['2015年', '食品安全']],
    ['凉市监罚[2025]48号', ['凉市监罚(2025)48号']],
    [
      '凉州区市场监督管理局行政处罚决定书（凉市监罚〔2015〕239号）',
      ['凉州区市场监督管理局行政处罚决定书(凉市监罚(2015)239号)'],
    ],
    ['《食品安全法》解读', ['食品安全法', '解读']],
    ['"食品 安全，抽检" 2015', ['食品安全,抽检', '2015']],
    ['“食品安全”  “抽检', ['食品安全', '抽检']],
    ['食品 食品安全 安全', ['食品安全']],
    ['食品 食品', ['食品']],
    ['COVID-19 疫情', ['covid-19', '疫情']],
    ['。，！？', 'no_words'],
    ['（）【】', 'no_words'],
    ['— · —', 'no_words'],
    ['', 'no_words'],
    ['   ', 'no_words'],
    ['一 二 三 四 五 六 七 八 九 十 百', 'too_many_terms'],
    ['食'.repeat(QUERY_MAX_CHARS + 1), 'too_long'],
  ];
  for (const [q, want] of cases) {
    const r = parseQuery(q);
    if (typeof want === 'string') assert.equal(r.problem, want, q);
    else assert.deepEqual(r.terms, want, q);
  }
});

test('a lone surrogate is never passed on', () => {
  assert.deepEqual(parseQuery('\ud800食品').terms, ['食品']);
  assert.deepEqual(parseQuery('食品\udc00安全').terms, ['食品', '安全']);
  assert.equal(parseQuery('\ud800').problem, 'no_words');
  assert.equal(wellFormed('a\ud800b'), 'a\ufffdb');
  assert.equal(wellFormed('😀'), '😀');
});

test('the truth: every term in one field, never across two', () => {
  const text = searchText('关于食品安全的通知', '凉市监发〔2020〕1号', '', '正文抽检');
  assert.ok(matchesAll(text, parseQuery('抽检 食品安全').terms));
  assert.ok(matchesAll(text, parseQuery('凉市监发[2020]1号 通知').terms));
  assert.ok(!matchesAll(text, parseQuery('通知凉市监发').terms), 'title and 文号 are not one string');
  assert.ok(!matchesAll(text, parseQuery('食品 量子').terms));
});

// Texts from a small alphabet: brackets of every kind, dots, dashes, widths, spaces — cut anywhere.
const variants = FOLDED_PUNCTUATION.flatMap(([from]) => [...from]);
const alphabet = fc.constantFrom(
  ...'第局发号食品安全通知12305ab'.split(''),
  ...variants,
  '（',
  '）',
  '［',
  '］',
  ' ',
  '，',
  '２',
);
const text = fc.array(alphabet, { minLength: 1, maxLength: 40 }).map((cs) => cs.join(''));

test('property: a term cut from a folded text asks only for tokens the text has, and the text matches it', () => {
  fc.assert(
    fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
      const folded = foldForSearch(t);
      const from = a % folded.length;
      const cut = folded.slice(from, from + 1 + (b % 8));
      const { terms } = parseQuery(cut);
      fc.pre(terms.length > 0);
      const index = new Set(indexTokens(t));
      for (const k of termTokens(terms, SEARCH_TOKENS_VERSION))
        assert.ok(
          k.endsWith(':*') ? [...index].some((x) => x.startsWith(k.slice(0, -2))) : index.has(k),
          `${JSON.stringify(cut)} in ${JSON.stringify(t)}: ${k}`,
        );
      assert.ok(matchesAll(searchText(t, null, '', ''), terms), `${JSON.stringify(cut)} in ${JSON.stringify(t)}`);
    }),
    { numRuns: 3000 },
  );
});

test('property: a bracket, dot or dash swapped for any of its kind folds the same, in a text and in a query', () => {
  const swap = (s: string, pick: number) =>
    [...s]
      .map((c, i) => {
        const group = FOLDED_PUNCTUATION.find(([from]) => from.includes(c));
        return group ? [...group[0]][(pick + i) % [...group[0]].length]! : c;
      })
      .join('');
  fc.assert(
    fc.property(text, fc.nat(), (t, pick) => {
      assert.equal(foldForSearch(swap(t, pick)), foldForSearch(t));
      assert.deepEqual(parseQuery(swap(t, pick)).terms, parseQuery(t).terms);
      assert.equal(foldForSearch(foldForSearch(t)), foldForSearch(t), 'idempotent');
    }),
    { numRuns: 2000 },
  );
});

test('property: words joined by any separators come back as the terms, in any order', () => {
  const word = fc
    .array(fc.constantFrom(...'食品安全抽检通知凉州区2015号ab'.split('')), { minLength: 1, maxLength: 6 })
    .map((w) => w.join(''));
  const sep = fc.constantFrom(' ', '　', '，', '、', '；', '。', '\n', ' , ', '！');
  fc.assert(
    fc.property(fc.array(word, { minLength: 1, maxLength: 5 }), sep, (words, s) => {
      const terms = parseQuery(words.join(s)).terms;
      const reversed = parseQuery([...words].reverse().join(s)).terms;
      assert.deepEqual([...terms].sort(), [...reversed].sort());
      // Each word is a term or inside one; each term is one of the words.
      for (const w of words)
        assert.ok(
          terms.some((x) => x.includes(foldForSearch(w))),
          w,
        );
      for (const x of terms) assert.ok(words.map(foldForSearch).includes(x), x);
    }),
    { numRuns: 2000 },
  );
});

test('marks: the pieces give the text back, and each marked piece folds to a term (or holds one)', () => {
  const pieces = markedPieces(
    '凉州区行政处罚决定书（凉市监罚〔2015〕239号）',
    parseQuery('凉市监罚[2015]239号 处罚').terms,
  );
  assert.deepEqual(pieces, [
    { text: '凉州区行政', mark: false },
    { text: '处罚', mark: true },
    { text: '决定书（', mark: false },
    { text: '凉市监罚〔2015〕239号', mark: true },
    { text: '）', mark: false },
  ]);
  fc.assert(
    fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
      const folded = foldForSearch(t);
      const cut = folded.slice(a % folded.length, (a % folded.length) + 1 + (b % 5));
      const { terms } = parseQuery(cut);
      const ps = markedPieces(t, terms);
      assert.equal(ps.map((p) => p.text).join(''), t);
      for (const p of ps.filter((x) => x.mark))
        assert.ok(
          terms.some((x) => foldForSearch(p.text).includes(x)),
          p.text,
        );
      if (terms.length)
        assert.ok(
          ps.some((p) => p.mark),
          `${JSON.stringify(terms)} in ${JSON.stringify(t)}`,
        );
    }),
    { numRuns: 2000 },
  );
  assert.equal(
    termSnippet(`${'甲'.repeat(100)}冷链${'乙'.repeat(100)}`, ['冷链'], 20),
    `…${'甲'.repeat(6)}冷链${'乙'.repeat(12)}…`,
  );
  assert.equal(termSnippet('无关正文', ['冷链']), null);
});
