/**
 * The sitemap protocol (sitemaps.org): one file holds at most 50,000 URLs, so the portal's /sitemap.xml is an
 * index of smaller files — the site's own pages and each agency's column, and the items in slices of at most
 * `SITEMAP_MAX_URLS` by id order. A slice is named by its first item's id (keyset: a file reads its items from
 * that id on through the index, at the same cost however far into the catalogue it lies — never OFFSET).
 * Pure: the route finds the slices' first ids and renders what this says.
 */
export const SITEMAP_MAX_URLS = 50_000;

export interface SitemapFile {
  /** Path under the site: /sitemaps/pages.xml, or /sitemaps/items/<first id>.xml. */
  path: string;
  /** For an item file: the id its slice starts at (inclusive). */
  from?: string;
}

/** The path of the item file whose slice starts at `firstId`. */
export const itemsFilePath = (firstId: string) => `/sitemaps/items/${firstId}.xml`;

/** The files of the index: the pages file, then one item file per slice (given by the slices' first ids). */
export function sitemapFiles(firstIds: readonly string[]): SitemapFile[] {
  return [{ path: '/sitemaps/pages.xml' }, ...firstIds.map((id) => ({ path: itemsFilePath(id), from: id }))];
}

/**
 * Of the ids in order, the first of each slice of `perFile`: what the index lists. (The route asks the database
 * for these directly, `row_number() % perFile`; this is the rule, for tests.)
 */
export function sliceStarts(sortedIds: readonly string[], perFile = SITEMAP_MAX_URLS): string[] {
  return sortedIds.filter((_, i) => i % perFile === 0);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function sitemapIndexXml(base: string, files: SitemapFile[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${files.map((f) => `<sitemap><loc>${esc(base + f.path)}</loc></sitemap>`).join('\n')}
</sitemapindex>`;
}

export function urlsetXml(base: string, urls: { path: string; lastmod?: string | null }[]): string {
  if (urls.length > SITEMAP_MAX_URLS) throw new Error(`a sitemap file holds at most ${SITEMAP_MAX_URLS} URLs`);
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((u) => `<url><loc>${esc(base + u.path)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`).join('\n')}
</urlset>`;
}
