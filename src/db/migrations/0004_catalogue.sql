-- Proactive disclosure (主动公开): the catalogue, its 索引号 sequences, and each agency's column pages.

create table catalogue_items (
  id                    uuid primary key default gen_random_uuid(),
  agency_id             uuid not null references agencies(id),
  index_no              text unique,               -- 索引号: assigned at publication, gapless per agency and year
  title                 text not null,
  doc_number            text,                      -- 文号, e.g. 凉市监发〔2020〕12号
  disclosure            text not null default 'proactive' check (disclosure in ('proactive','on_request','not_public')),
  disclosure_reason     text,                      -- why not 主动公开, with the article
  written_date          date,                      -- 成文日期
  formed_date           date,                      -- formed or changed (条例第二十六条 clock)
  publish_date          date,                      -- 发布日期
  topic                 text,                      -- 主题分类
  genre                 text not null default 'other',  -- 体裁
  article_item          text,                      -- 第二十条/第二十一条 item, e.g. '20.1'
  validity              text not null default 'in_force' check (validity in ('in_force','amended','repealed')),
  validity_date         date,                      -- amended / repealed on
  supersedes_id         uuid references catalogue_items(id),
  interprets_id         uuid references catalogue_items(id),   -- a 解读 of this policy
  keywords              text not null default '',
  body_html             text not null default '',  -- sanitised
  body_text             text not null default '',
  state                 text not null default 'draft',
  review                jsonb,                     -- 保密审查: reviewer, decision, reasons, at (条例第十七条)
  approval              jsonb,
  withdrawn_reason      text,
  publish_at            timestamptz,               -- scheduled publication
  published_at          timestamptz,
  search                tsvector,                  -- CJK bigrams and unigrams, built in the application
  created_at            timestamptz not null default now(),
  updated_at            timestamptz not null default now(),
  version               integer not null default 1
);
create index catalogue_items_agency_idx on catalogue_items (agency_id, state, publish_date desc);
create index catalogue_items_public_idx on catalogue_items (publish_date desc, id) where state = 'published';
create index catalogue_items_search_idx on catalogue_items using gin (search);
create index catalogue_items_interprets_idx on catalogue_items (interprets_id);

create table index_sequences (
  agency_id  uuid not null references agencies(id),
  year       integer not null,
  last       integer not null,
  primary key (agency_id, year)
);

create table agency_pages (
  agency_id   uuid not null references agencies(id),
  kind        text not null check (kind in ('guide','rules')),
  body_html   text not null,
  updated_at  timestamptz not null default now(),
  primary key (agency_id, kind)
);
