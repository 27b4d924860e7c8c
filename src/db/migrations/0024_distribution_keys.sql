-- Distribution-ready keys (issue #24, point 6; docs/deploy.md "Distribution-ready keys"). Every large table is
-- keyed by the agency its rows belong to, so that it can be split by agency (native hash partitioning, or Citus'
-- create_distributed_table(…, 'agency_id')) without changing a key:
-- * the child tables that lacked it (case events, letters, attachments) carry agency_id, filled from their parent;
-- * primary keys are (agency_id, id); ids stay globally unique random uuids, and a plain index on id keeps every
--   `where id = …` lookup an index scan;
-- * foreign keys between agency tables are composite: (agency_id, parent_id) references parent (agency_id, id),
--   so a child can only belong to a parent of its own agency;
-- * uniqueness is per agency: 索引号 (agency_id, index_no), one fee and one rating per case within its agency.
-- The classification of every table (distributed, reference, local) and the documented exceptions (a tracking
-- number is unique platform-wide; an item may supersede or interpret another agency's item) are data in
-- src/db/distribution.ts, checked against the catalog by src/db/distribution-keys.db.test.ts.
-- The audit trail is already split by chain (one per agency and the platform's: 0014): its key becomes (chain, seq).

-- 1. The foreign keys onto the primary keys that change, and the per-row uniqueness that changes.
alter table application_events drop constraint application_events_application_id_fkey,
  drop constraint application_events_application_id_seq_key;
alter table letters drop constraint letters_application_id_fkey;
alter table fees drop constraint fees_application_id_fkey, drop constraint fees_application_id_key;
alter table appeals drop constraint appeals_application_id_fkey;
alter table catalogue_attachments drop constraint catalogue_attachments_item_id_fkey;
alter table concerns drop constraint concerns_response_item_id_fkey;
alter table catalogue_items drop constraint catalogue_items_supersedes_id_fkey,
  drop constraint catalogue_items_interprets_id_fkey,
  drop constraint catalogue_items_index_no_key;
drop index ratings_one_per_application;

-- 2. agency_id on the child tables, from their parent (bounded: one pass over each child table).
alter table application_events add column agency_id uuid;
update application_events e set agency_id = a.agency_id from applications a where a.id = e.application_id;
alter table application_events alter column agency_id set not null;

alter table letters add column agency_id uuid;
update letters l set agency_id = a.agency_id from applications a where a.id = l.application_id;
alter table letters alter column agency_id set not null;

alter table catalogue_attachments add column agency_id uuid;
update catalogue_attachments t set agency_id = i.agency_id from catalogue_items i where i.id = t.item_id;
alter table catalogue_attachments alter column agency_id set not null;

-- 3. Primary keys (agency_id, id), and an index on id for the lookups by id alone.
alter table applications drop constraint applications_pkey, add primary key (agency_id, id);
create index applications_id_idx on applications (id);
alter table application_events drop constraint application_events_pkey, add primary key (agency_id, id);
alter table letters drop constraint letters_pkey, add primary key (agency_id, id);
create index letters_id_idx on letters (id);
alter table fees drop constraint fees_pkey, add primary key (agency_id, id);
alter table appeals drop constraint appeals_pkey, add primary key (agency_id, id);
create index appeals_application_idx on appeals (application_id);
alter table catalogue_items drop constraint catalogue_items_pkey, add primary key (agency_id, id),
  -- Documented exception: the target of supersedes_id and interprets_id, which may name another agency's item.
  add constraint catalogue_items_id_key unique (id);
alter table catalogue_attachments drop constraint catalogue_attachments_pkey, add primary key (agency_id, id);
create index catalogue_attachments_id_idx on catalogue_attachments (id);
alter table annual_reports drop constraint annual_reports_pkey, add primary key (agency_id, id);
create index annual_reports_id_idx on annual_reports (id);
alter table import_jobs drop constraint import_jobs_pkey, add primary key (agency_id, id);
create index import_jobs_id_idx on import_jobs (id);
alter table ratings drop constraint ratings_pkey, add primary key (agency_id, id);
create index ratings_id_idx on ratings (id);
alter table accountability_records drop constraint accountability_records_pkey, add primary key (agency_id, id);
create index accountability_records_id_idx on accountability_records (id);
alter table concerns drop constraint concerns_pkey, add primary key (agency_id, id);
create index concerns_id_idx on concerns (id);
alter table review_history drop constraint review_history_pkey, add primary key (agency_id, id);
create index review_history_id_idx on review_history (id);

-- The audit trail, split by chain: (chain, seq); seq stays the global display order.
alter table audit_events drop constraint audit_events_pkey, add primary key (chain, seq);
create index audit_events_seq_idx on audit_events (seq);

-- 4. Uniqueness per agency, and the lookups by parent the old unique constraints served.
alter table application_events add constraint application_events_seq_key unique (agency_id, application_id, seq);
create index application_events_application_idx on application_events (application_id, seq);
alter table fees add constraint fees_application_key unique (agency_id, application_id);
create index fees_application_idx on fees (application_id);
alter table catalogue_items add constraint catalogue_items_index_no_key unique (agency_id, index_no);
create unique index ratings_one_per_application on ratings (agency_id, target_id) where target_type = 'application';
create index ratings_target_idx on ratings (target_id);

-- 5. Composite foreign keys: a child belongs to a parent of its own agency.
alter table application_events add constraint application_events_application_fkey
  foreign key (agency_id, application_id) references applications (agency_id, id);
alter table letters add constraint letters_application_fkey
  foreign key (agency_id, application_id) references applications (agency_id, id);
alter table fees add constraint fees_application_fkey
  foreign key (agency_id, application_id) references applications (agency_id, id);
alter table appeals add constraint appeals_application_fkey
  foreign key (agency_id, application_id) references applications (agency_id, id);
alter table catalogue_attachments add constraint catalogue_attachments_item_fkey
  foreign key (agency_id, item_id) references catalogue_items (agency_id, id);
alter table concerns add constraint concerns_response_item_fkey
  foreign key (agency_id, response_item_id) references catalogue_items (agency_id, id);
-- Documented exceptions (an item may replace or interpret another agency's item): by id alone.
alter table catalogue_items add constraint catalogue_items_supersedes_fkey
  foreign key (supersedes_id) references catalogue_items (id);
alter table catalogue_items add constraint catalogue_items_interprets_fkey
  foreign key (interprets_id) references catalogue_items (id);
alter table application_events add constraint application_events_agency_fkey
  foreign key (agency_id) references agencies (id);
alter table letters add constraint letters_agency_fkey foreign key (agency_id) references agencies (id);
alter table catalogue_attachments add constraint catalogue_attachments_agency_fkey
  foreign key (agency_id) references agencies (id);
