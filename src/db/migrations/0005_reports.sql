-- Annual reports (年度报告): per agency and year; numbers are computed from the records (or imported from a
-- published report), the narrative is written by staff; frozen when published.
create table annual_reports (
  id             uuid primary key default gen_random_uuid(),
  agency_id      uuid not null references agencies(id),
  year           integer not null,
  version        text not null check (version in ('2019','2021')),
  source         text not null default 'live' check (source in ('live','imported')),
  status         text not null default 'draft' check (status in ('draft','submitted','returned','accepted','published')),
  narrative      jsonb not null default '{}'::jsonb,   -- overview, problems, other (sections 一, 五, 六)
  figures        jsonb not null default '{}'::jsonb,   -- yearly figures from other systems (许可, 处罚, 强制, 收费, 采购)
  data           jsonb,                                 -- imported report, or the numbers frozen at publication
  override       jsonb,                                 -- approver's recorded override of failing checks
  comments       jsonb not null default '[]'::jsonb,
  submitted_at   timestamptz,
  accepted_at    timestamptz,
  published_at   timestamptz,
  updated_at     timestamptz not null default now(),
  unique (agency_id, year)
);
