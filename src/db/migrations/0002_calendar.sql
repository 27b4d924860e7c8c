-- Working-day calendar entered by staff: a year's State Council notice (region_code null) and
-- per-region overrides (民族自治地方 holidays, local arrangements). Built-in official data lives in the code.
create table calendar_entries (
  id          uuid primary key default gen_random_uuid(),
  date        date not null,
  kind        text not null check (kind in ('workday', 'holiday')),
  name        text not null,
  region_code text references regions(code),
  reason      text not null,
  created_by  uuid references users(id),
  created_at  timestamptz not null default now()
);
create unique index calendar_entries_day on calendar_entries (date, coalesce(region_code, ''));

-- Years whose official notice has been entered (beyond the built-in data): deadlines in them are no longer provisional.
create table calendar_years (
  year        integer primary key check (year between 2000 and 2100),
  notice      text not null,
  entered_by  uuid references users(id),
  entered_at  timestamptz not null default now()
);
