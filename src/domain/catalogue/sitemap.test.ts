import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SITEMAP_MAX_URLS, sitemapFiles, sitemapIndexXml, sliceStarts, urlsetXml } from './sitemap.ts';

test('a million items split into slices of at most 50,000, each named by its first id, covering every item once', () => {
  const ids = Array.from({ length: 1_000_001 }, (_, i) => String(i).padStart(8, '0'));
  const starts = sliceStarts(ids);
  assert.equal(starts.length, 21);
  assert.equal(starts[0], ids[0]);
  assert.equal(starts[1], ids[SITEMAP_MAX_URLS]);
  assert.equal(starts.at(-1), ids.at(-1));
  const files = sitemapFiles(starts);
  assert.equal(files[0]!.path, '/sitemaps/pages.xml');
  assert.equal(files[1]!.path, `/sitemaps/items/${ids[0]}.xml`);
  assert.equal(files.length, 22);
  assert.deepEqual(
    sitemapFiles([]).map((f) => f.path),
    ['/sitemaps/pages.xml'],
  );
  assert.equal(sliceStarts(ids.slice(0, 50_000)).length, 1);
  assert.equal(sliceStarts(ids.slice(0, 50_001)).length, 2);
});

test('the index and the url sets are sitemap XML; a file over the limit is refused', () => {
  const idx = sitemapIndexXml('https://x.gov.cn', sitemapFiles(sliceStarts(['a1', 'b2', 'c3'], 2)));
  assert.match(
    idx,
    /^<\?xml version="1.0" encoding="utf-8"\?>\n<sitemapindex xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/,
  );
  assert.equal(
    [...idx.matchAll(/<sitemap><loc>https:\/\/x.gov.cn\/sitemaps\/[a-z0-9/-]+\.xml<\/loc><\/sitemap>/g)].length,
    3,
  );
  const set = urlsetXml('https://x.gov.cn', [{ path: '/items/a?b&c', lastmod: '2026-01-02' }, { path: '/' }]);
  assert.match(set, /<url><loc>https:\/\/x.gov.cn\/items\/a\?b&amp;c<\/loc><lastmod>2026-01-02<\/lastmod><\/url>/);
  assert.throws(() =>
    urlsetXml(
      '',
      Array.from({ length: SITEMAP_MAX_URLS + 1 }, () => ({ path: '/' })),
    ),
  );
});
