-- Public lists (portal, feeds, an agency's page, a 第二十条 item): newest first over the published
-- 主动公开 items, filtered by agency or by article item. Each index holds exactly the order the page asks for,
-- so a page costs its twenty rows however large the catalogue (1M items: benchmarks in BENCHMARKS.md).
drop index if exists catalogue_items_public_idx;
create index catalogue_items_public_idx on catalogue_items (publish_date desc, id desc)
  where state = 'published' and disclosure = 'proactive';
create index catalogue_items_public_agency_idx on catalogue_items (agency_id, publish_date desc, id desc)
  where state = 'published' and disclosure = 'proactive';
create index catalogue_items_public_article_idx on catalogue_items (article_item, publish_date desc, id desc)
  where state = 'published' and disclosure = 'proactive';
