/**
 * The sitemap protocol (sitemaps.org): one file holds at most 50,000 URLs, so the portal's /sitemap.xml is an
 * index of smaller files — the site's own pages and each agency's column, and the items in files of at most
 * `SITEMAP_MAX_URLS`. Pure: the route counts the items and renders what this says.
 */
export const SITEMAP_MAX_URLS = 50_000;

export interface SitemapFile {
  /** Path under the site, e.g. /sitemaps/items-3.xml. */
  path: string;
  /** For an item file: which slice of the items (by id order), 0-based offset and count. */
  items?: { offset: number; limit: number };
}

/** The files of the index for `itemCount` public items: the pages file, then as many item files as needed. */
export function sitemapFiles(itemCount: number, perFile = SITEMAP_MAX_URLS): SitemapFile[] {
  const n = Math.ceil(Math.max(0, itemCount) / perFile);
  return [
    { path: '/sitemaps/pages.xml' },
    ...Array.from({ length: n }, (_, i) => ({
      path: `/sitemaps/items-${i + 1}.xml`,
      items: { offset: i * perFile, limit: Math.min(perFile, itemCount - i * perFile) },
    })),
  ];
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
