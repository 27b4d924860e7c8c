-- The text a search query must occur in, normalised once when an item is written (lower case, no spaces)
-- instead of on every row a search reads: the exact-substring confirmation becomes a plain strpos.
alter table catalogue_items add column match_text text
  generated always as (replace(lower(title || coalesce(doc_number, '') || keywords || body_text), ' ', '')) stored;
