-- Background imports (legacy catalogues): the job and its outcome survive the process; live progress is reported
-- by the process running it. A job still 'running' when the server starts was cut off (nothing was written: the
-- import is one transaction) and is marked failed then.
create table import_jobs (
  id           uuid primary key default gen_random_uuid(),
  agency_id    uuid not null references agencies(id),
  kind         text not null,
  state        text not null default 'running' check (state in ('running', 'done', 'failed')),
  total        integer not null default 0,
  result       jsonb,
  created_by   uuid references users(id),
  created_at   timestamptz not null default now(),
  finished_at  timestamptz
);
create index import_jobs_agency_idx on import_jobs (agency_id, created_at desc);
