-- The sitemap (src/http/routes/portal-sitemap.ts) reads the published 主动公开 items in id order: the index
-- finds each slice's first id by row_number() over them, a file reads one slice from its first id on. This
-- partial index holds exactly that order with the date each URL carries, so both are index-only scans
-- whatever the catalogue's size, and no read skips rows (no OFFSET).
create index catalogue_items_sitemap_idx on catalogue_items (id) include (publish_date)
  where state = 'published' and disclosure = 'proactive';
