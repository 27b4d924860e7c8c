import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SITEMAP_MAX_URLS, sitemapFiles, sitemapIndexXml, urlsetXml } from './sitemap.ts';

test('a million items split into files of at most 50,000 URLs, covering every item once', () => {
  const files = sitemapFiles(1_000_001);
  const items = files.filter((f) => f.items);
  assert.equal(items.length, 21);
  assert.ok(items.every((f) => f.items!.limit <= SITEMAP_MAX_URLS && f.items!.limit > 0));
  assert.equal(
    items.reduce((n, f) => n + f.items!.limit, 0),
    1_000_001,
  );
  items.forEach((f, i) => {
    assert.equal(f.items!.offset, i * SITEMAP_MAX_URLS);
  });
  assert.equal(items.at(-1)!.items!.limit, 1);
  assert.deepEqual(
    sitemapFiles(0).map((f) => f.path),
    ['/sitemaps/pages.xml'],
  );
  assert.equal(sitemapFiles(50_000).length, 2);
  assert.equal(sitemapFiles(50_001).length, 3);
});

test('the index and the url sets are sitemap XML; a file over the limit is refused', () => {
  const idx = sitemapIndexXml('https://x.gov.cn', sitemapFiles(3, 2));
  assert.match(
    idx,
    /^<\?xml version="1.0" encoding="utf-8"\?>\n<sitemapindex xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/,
  );
  assert.equal(
    [...idx.matchAll(/<sitemap><loc>https:\/\/x.gov.cn\/sitemaps\/[a-z0-9-]+\.xml<\/loc><\/sitemap>/g)].length,
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
