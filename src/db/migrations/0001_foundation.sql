-- Foundation: regions (行政区划), agencies, accounts, roles, sessions and the audit trail.
-- Only SQL that both PostgreSQL 15 and PGlite (PostgreSQL 18) accept.

create table regions (
  code        text primary key,              -- 6-digit 行政区划代码
  name        text not null,
  parent_code text references regions(code),
  path        text not null unique            -- ancestors' codes joined by '/', ending with this code
);

create table agencies (
  id               uuid primary key default gen_random_uuid(),
  name             text not null,
  short_name       text,
  credit_code      text not null unique,      -- 统一社会信用代码 (GB 32100-2015), check digits validated in the domain
  kind             text not null check (kind in ('government','department','dispatched','township','other')),
  region_code      text not null references regions(code),
  parent_agency_id uuid references agencies(id),   -- the government it reports to (§49)
  contact          jsonb not null default '{}'::jsonb,  -- 政府信息公开工作机构: office, address, postcode, phone, fax, email, hours
  index_pattern    text not null default '{code}/{year}-{seq5}',  -- 索引号 pattern
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now()
);
create index agencies_region_idx on agencies (region_code);
create index agencies_parent_idx on agencies (parent_agency_id);

create table users (
  id                 uuid primary key default gen_random_uuid(),
  username           text not null unique,
  display_name       text not null,
  email              text,
  password_hash      text not null,           -- argon2id
  password_changed_at timestamptz not null default now(),
  failed_logins      integer not null default 0,
  locked_until       timestamptz,
  disabled           boolean not null default false,
  created_at         timestamptz not null default now()
);

create table user_roles (
  id          uuid primary key default gen_random_uuid(),
  user_id     uuid not null references users(id) on delete cascade,
  role        text not null check (role in ('operator','reviewer','approver','agency_admin','supervisor','sysadmin')),
  agency_id   uuid references agencies(id),
  region_code text references regions(code),
  check (
    (role in ('operator','reviewer','approver','agency_admin') and agency_id is not null and region_code is null)
    or (role = 'supervisor' and region_code is not null and agency_id is null)
    or (role = 'sysadmin' and agency_id is null and region_code is null)
  )
);
create unique index user_roles_unique on user_roles (user_id, role, coalesce(agency_id::text, ''), coalesce(region_code, ''));

-- Sessions and API tokens; only the SHA-256 of the secret is stored.
create table sessions (
  id           text primary key,               -- sha256(token) hex
  user_id      uuid not null references users(id) on delete cascade,
  kind         text not null check (kind in ('session','api')),
  name         text,                           -- label of an API token
  csrf_token   text not null,
  created_at   timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at   timestamptz not null,
  revoked_at   timestamptz
);
create index sessions_user_idx on sessions (user_id);

-- Append-only, SM3 hash-chained audit log.
create table audit_events (
  seq         bigint primary key,
  at          timestamptz not null,
  actor_id    uuid,
  actor_name  text,
  agency_id   uuid,
  action      text not null,
  entity_type text,
  entity_id   text,
  before      jsonb,
  after       jsonb,
  prev_hash   text not null,
  hash        text not null
);
create index audit_events_agency_idx on audit_events (agency_id, seq);
create index audit_events_entity_idx on audit_events (entity_type, entity_id);

-- One row: the head of the chain; locking it serialises appends across connections and instances.
create table audit_head (
  id        integer primary key check (id = 1),
  seq       bigint not null,
  hash      text not null
);
insert into audit_head (id, seq, hash) values (1, 0, repeat('0', 64));

create function audit_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_events is append-only';
end;
$$;
create trigger audit_events_no_update before update or delete on audit_events
  for each row execute function audit_events_append_only();
