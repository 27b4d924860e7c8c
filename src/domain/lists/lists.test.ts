import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildCalendar } from '../calendar/index.ts';
import { deadlineStatus, disclosureDue } from '../clock/index.ts';
import { catalogueListQuery } from './catalogue-list.ts';
import { dueSoonCutoff, overdueFormedCutoff } from './cutoffs.ts';
import { nameGrams, queryNameGrams } from './name-grams.ts';
import { MAX_OFFSET, offsetOf, pastEnd, tooDeep } from './paging.ts';

test('paging: offsets, past the end, too deep', () => {
  assert.equal(offsetOf({ page: 3, pageSize: 20 }), 40);
  assert.equal(pastEnd({ page: 3, pageSize: 20 }, 40), true);
  assert.equal(pastEnd({ page: 2, pageSize: 20 }, 40), false);
  assert.equal(pastEnd({ page: 1, pageSize: 20 }, 0), false, 'page 1 is never past the end');
  assert.equal(tooDeep({ page: MAX_OFFSET / 100 + 1, pageSize: 100 }), false);
  assert.equal(tooDeep({ page: MAX_OFFSET / 100 + 2, pageSize: 100 }), true);
  assert.deepEqual(catalogueListQuery.parse({}), { page: 1, pageSize: 20, sort: 'newest' });
  assert.equal(catalogueListQuery.safeParse({ pageSize: '101' }).success, false);
  assert.equal(catalogueListQuery.parse({ q: '   ' }).q, undefined);
});

test('name grams: a name containing the query has every gram the query asks for', () => {
  for (const [name, q] of [
    ['王小明', '小明'],
    ['王小明', '王小明'],
    ['欧阳娜娜', '欧阳'],
    ['阿依古丽·买买提', '古丽 买买'],
    ['ＡＢＣ公司', 'abc'],
  ] as const) {
    const have = new Set(nameGrams(name));
    for (const g of queryNameGrams(q)) assert.ok(have.has(g), `${name} ∋ ${q}: ${g}`);
  }
  assert.ok(!new Set(nameGrams('王小明')).has(queryNameGrams('李明')[0]!));
  assert.deepEqual(queryNameGrams('张'), ['n:张'], 'one character: a one-character name');
  assert.deepEqual(queryNameGrams(' ·'), []);
});

test('cutoffs: the queue bounds are exactly where the statuses change', () => {
  const cal = buildCalendar();
  for (const today of ['2026-03-02', '2026-10-08', '2026-09-30', '2026-02-14'] as const) {
    const formed = overdueFormedCutoff(cal, today);
    assert.ok(disclosureDue(cal, formed).due < today, `${today}: formed ${formed} is overdue`);
    const dayAfter = new Date(`${formed}T00:00:00Z`);
    dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
    assert.ok(disclosureDue(cal, dayAfter.toISOString().slice(0, 10)).due >= today, `${today}: the day after is not`);
    const due = dueSoonCutoff(cal, today);
    assert.notEqual(deadlineStatus(cal, due, today).status, 'ok');
    const after = new Date(`${due}T00:00:00Z`);
    after.setUTCDate(after.getUTCDate() + 1);
    assert.equal(deadlineStatus(cal, after.toISOString().slice(0, 10), today).status, 'ok');
  }
});
