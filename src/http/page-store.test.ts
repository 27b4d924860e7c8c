import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PageStore } from './page-store.ts';

const page = (bytes: number, tags: string[]) => ({
  at: 0,
  body: Buffer.alloc(bytes),
  headers: {},
  etag: undefined,
  tags,
});

test('full: the least recently used pages go first, never the whole cache', () => {
  const s = new PageStore(300);
  s.set('a', page(100, ['lists']));
  s.set('b', page(100, ['lists']));
  s.set('c', page(100, ['lists']));
  assert.ok(s.get('a'), 'a used: now the most recent');
  s.set('d', page(100, ['lists']));
  assert.deepEqual(
    ['a', 'b', 'c', 'd'].filter((k) => s.get(k)),
    ['a', 'c', 'd'],
  );
  assert.equal(s.bytes, 300);
  s.set('big', page(301, []));
  assert.equal(s.get('big'), undefined, 'a page larger than the cache is not kept');
  assert.equal(s.size, 3, 'and evicts nothing');
  s.set('c', page(50, ['lists']));
  assert.equal(s.bytes, 250, 'replacing a page counts its new size only');
});

test('a change drops the pages showing it, and only those', () => {
  const s = new PageStore(1 << 20);
  s.set('item1', page(10, ['item:1']));
  s.set('item2', page(10, ['item:2']));
  s.set('search', page(10, ['lists']));
  s.set('agencyA', page(10, ['agency:A', 'lists']));
  s.set('agencyB', page(10, ['agency:B', 'lists']));
  assert.equal(s.invalidate(['agency:A']), 1);
  assert.deepEqual(
    ['item1', 'item2', 'search', 'agencyA', 'agencyB'].filter((k) => s.get(k)),
    ['item1', 'item2', 'search', 'agencyB'],
  );
  // An item's change: its page and every list; the other item's page stays.
  assert.equal(s.invalidate(['item:1']), 3);
  assert.deepEqual(
    ['item1', 'item2', 'search', 'agencyB'].filter((k) => s.get(k)),
    ['item2'],
  );
  s.set('search', page(10, ['lists']));
  assert.equal(s.invalidate(['lists']), 1);
  assert.ok(s.get('item2'));
  assert.equal(s.invalidate(['*']), 1);
  assert.equal(s.size, 0);
  assert.equal(s.bytes, 0);
});
