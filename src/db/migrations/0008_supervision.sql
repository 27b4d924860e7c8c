-- Supervision and public engagement (条例第四十七条至第五十条, 第四十二条之外的社会监督).

-- 考核: the supervising government's indicators and weights for a year; scores are computed, never stored typed.
create table assessment_plans (
  region_code  text not null references regions(code),
  year         integer not null,
  indicators   jsonb not null,
  updated_by   uuid references users(id),
  updated_at   timestamptz not null default now(),
  primary key (region_code, year)
);

-- 社会评议: the public rates a published item or a handled application (via its query code); comments are
-- moderated before anyone else sees them. One rating per application.
create table ratings (
  id           uuid primary key default gen_random_uuid(),
  agency_id    uuid not null references agencies(id),
  target_type  text not null check (target_type in ('item', 'application')),
  target_id    uuid not null,
  score        integer not null check (score between 1 and 5),
  comment      text not null default '',
  status       text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  client_hash  text,
  created_at   timestamptz not null default now(),
  moderated_by uuid references users(id),
  moderated_at timestamptz
);
create unique index ratings_one_per_application on ratings (target_id) where target_type = 'application';
create index ratings_agency_idx on ratings (agency_id, created_at);

-- 责任追究: accountability measures taken (who, what, on which basis, when).
create table accountability_records (
  id          uuid primary key default gen_random_uuid(),
  agency_id   uuid not null references agencies(id),
  subject     text not null,
  measure     text not null,
  basis       text not null,
  reason      text not null default '',
  date        date not null,
  created_by  uuid references users(id),
  created_at  timestamptz not null default now()
);
create index accountability_agency_idx on accountability_records (agency_id, date);

-- 回应关切: public concerns and the published response.
create table concerns (
  id                uuid primary key default gen_random_uuid(),
  agency_id         uuid not null references agencies(id),
  source            text not null check (source in ('hotline', 'message_board', 'media', 'online', 'other')),
  topic             text not null,
  summary           text not null default '',
  received_date     date not null,
  response_item_id  uuid references catalogue_items(id),
  responded_date    date,
  created_by        uuid references users(id),
  created_at        timestamptz not null default now()
);
create index concerns_agency_idx on concerns (agency_id, received_date);
