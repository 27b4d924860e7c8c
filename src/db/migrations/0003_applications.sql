-- Applications (依申请公开): cases, their events, letters, appeals, mail outbox, idempotency and job runs.

alter table agencies add column settings jsonb not null default '{}'::jsonb;

create sequence application_tracking_seq;

create table applications (
  id                  uuid primary key default gen_random_uuid(),
  agency_id           uuid not null references agencies(id),
  tracking_number     text not null unique,
  query_code_hash     text not null,
  query_code_enc      text not null,
  channel             text not null check (channel in ('in_person','post','letter','online','fax','email')),
  received_date       date not null,
  receipt_basis       text not null,          -- how the receipt date was established (第三十一条)
  applicant_type      text not null check (applicant_type in ('natural_person','commercial','research','nonprofit','legal_services','other_org')),
  applicant_key       text not null,          -- HMAC of the normalised ID number / credit code: same applicant, no plaintext
  applicant_enc       text not null,          -- AES-256-GCM: name, ID type and number, phone, email, address, contact person
  applicant_masked    jsonb not null,         -- what lists show
  credit_code         text,                   -- organisations' 统一社会信用代码 (public registration data)
  description         text not null,
  form                text not null check (form in ('paper','email','disc','viewing')),
  delivery            text,
  state               text not null,
  outcome             text,
  outcome_basis       text,
  outcome_reasons     text,
  decided_date        date,
  closed_date         date,
  reply_due           date,                   -- cache of the clock, recomputed on every event and calendar change
  flags               jsonb not null default '[]'::jsonb,
  extension_pending   boolean not null default false,
  version             integer not null default 1,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now()
);
create index applications_agency_idx on applications (agency_id, received_date);
create index applications_open_idx on applications (agency_id, reply_due) where state <> 'closed';
create index applications_applicant_idx on applications (agency_id, applicant_key, received_date);
create index applications_closed_idx on applications (agency_id, closed_date);

create table application_events (
  id              uuid primary key default gen_random_uuid(),
  application_id  uuid not null references applications(id),
  seq             integer not null,
  type            text not null,
  date            date not null,
  data            jsonb not null default '{}'::jsonb,
  actor_id        uuid references users(id),
  actor_name      text,
  created_at      timestamptz not null default now(),
  unique (application_id, seq)
);

-- Letters as issued: the filled text is frozen in the transaction of the event that issues it;
-- DOCX and PDF are rendered from it (and cached in the data dir).
create table letters (
  id              uuid primary key default gen_random_uuid(),
  application_id  uuid not null references applications(id),
  kind            text not null,
  title           text not null,
  body            jsonb not null,             -- paragraphs
  issued_date     date not null,
  event_seq       integer,
  created_at      timestamptz not null default now()
);
create index letters_application_idx on letters (application_id);

create table letter_templates (
  id          uuid primary key default gen_random_uuid(),
  agency_id   uuid references agencies(id),   -- null: the platform default
  kind        text not null,
  title       text not null,
  body        text not null,
  updated_at  timestamptz not null default now()
);
create unique index letter_templates_kind on letter_templates (coalesce(agency_id::text, ''), kind);

create table fees (
  id              uuid primary key default gen_random_uuid(),
  application_id  uuid not null references applications(id),
  agency_id       uuid not null references agencies(id),
  mode            text not null check (mode in ('per_application','per_volume')),
  pages           integer,
  nth_in_month    integer,
  amount          numeric(12,2) not null,
  notice_date     date not null,
  paid_date       date,
  unique (application_id)
);

create table appeals (
  id              uuid primary key default gen_random_uuid(),
  application_id  uuid not null references applications(id),
  agency_id       uuid not null references agencies(id),
  kind            text not null check (kind in ('reconsideration','litigation_direct','litigation_after_reconsideration')),
  filed_date      date not null,
  result          text not null default 'pending' check (result in ('upheld','corrected','other','pending')),
  result_date     date,
  note            text,
  created_at      timestamptz not null default now()
);
create index appeals_agency_idx on appeals (agency_id, filed_date);

create table idempotency_keys (
  scope       text not null,
  key         text not null,
  response    jsonb not null,
  created_at  timestamptz not null default now(),
  primary key (scope, key)
);

create table mail_outbox (
  id          uuid primary key default gen_random_uuid(),
  dedupe_key  text unique,
  to_address  text not null,
  subject     text not null,
  body        text not null,
  status      text not null default 'pending' check (status in ('pending','sent','failed')),
  attempts    integer not null default 0,
  last_error  text,
  created_at  timestamptz not null default now(),
  sent_at     timestamptz
);
create index mail_outbox_pending_idx on mail_outbox (created_at) where status = 'pending';

create table job_runs (
  job       text not null,
  run_key   text not null,
  at        timestamptz not null default now(),
  result    jsonb,
  primary key (job, run_key)
);
