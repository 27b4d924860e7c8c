-- Letters fit to sign and stamp (issue #19).
--
-- 发文字号 (GB/T 9704-2012 7.2.4: 机关代字〔年份〕序号号): one pattern per agency and letter kind, and one
-- counter per (agency, year, kind), taken by the issuing transaction (insert … on conflict do update holds the
-- row until it commits; a step refused later rolls its number back), so numbers are never skipped or reused.
-- An agency without a row here has no patterns yet: its letters wait for its administrator (the 登记回执 aside,
-- which intake never withholds). 救济途径: the 复议机关 (行政复议法第二十四条、第二十七条) and the court
-- (行政诉讼法第十四条、第十五条、第十八条); null means the one proposed from the region tree.
create table letter_settings (
  agency_id   uuid primary key references agencies(id),
  doc_code    text,
  patterns    jsonb not null default '{}',
  review_body text,
  court       text,
  updated_at  timestamptz not null default now()
);

create table doc_number_counters (
  agency_id uuid not null references agencies(id),
  year      integer not null check (year between 1949 and 9999),
  kind      text not null check (kind in ('receipt', 'correction', 'third_party', 'extension', 'fee', 'reply')),
  last_n    integer not null check (last_n > 0),
  primary key (agency_id, year, kind)
);

alter table letters add column doc_number text;
create index letters_doc_number_idx on letters (doc_number) where doc_number is not null;
