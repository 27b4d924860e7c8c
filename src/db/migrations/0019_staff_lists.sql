-- The console's server-side lists (issue #18): paging, search, filters and sort of the catalogue and the cases,
-- each page and each count from an index at a million rows.

-- 主动公开 (staff): an item's date is its 发布日期, else its 形成日期 (drafts without either sort first when newest).
create index catalogue_items_staff_date_idx
  on catalogue_items (agency_id, (coalesce(publish_date, formed_date)) desc, id desc);
create index catalogue_items_staff_date_all_idx
  on catalogue_items ((coalesce(publish_date, formed_date)) desc, id desc);
create index catalogue_items_staff_updated_idx on catalogue_items (agency_id, updated_at desc, id desc);
create index catalogue_items_staff_filter_idx
  on catalogue_items (agency_id, state, genre, article_item, (coalesce(publish_date, formed_date)));
-- 索引号 searched by its beginning (the agency's code, the year…).
create index catalogue_items_index_no_prefix_idx on catalogue_items (index_no text_pattern_ops);

-- 依申请公开 (staff): received last first, by agency and across a supervisor's region.
create index applications_staff_received_idx on applications (agency_id, received_date desc, tracking_number desc);
create index applications_staff_received_all_idx on applications (received_date desc, tracking_number desc);
-- Nearest reply deadline first (sort=due).
create index applications_staff_due_idx on applications (agency_id, reply_due, tracking_number);
create index applications_staff_due_all_idx on applications (reply_due, tracking_number);
create index applications_staff_filter_idx
  on applications (agency_id, state, channel, outcome, received_date);
-- A tracking number searched by its serial (“000123” finds GK2026-000123).
create index applications_serial_idx on applications ((right(tracking_number, 6)));

-- The applicant's name, searchable without being stored in clear: keyed hashes of its bigrams and of the whole
-- name (src/shared/name-index.ts). Null until indexed: the start-up step fills rows written before this migration.
alter table applications add column applicant_name_tokens text[];
create index applications_name_tokens_idx on applications using gin (applicant_name_tokens);
-- What the start-up step still has to index (empty once it has run): found without reading the table.
create index applications_name_unindexed_idx on applications (id) where applicant_name_tokens is null;

-- Beyond the exact count a list shows the planner's estimate ("约 N 条"): with a statistics entry for every
-- agency (not the default 100 most common), a region's `agency_id = any(…)` is estimated from each agency's share.
alter table catalogue_items alter column agency_id set statistics 2000;
alter table applications alter column agency_id set statistics 2000;
