-- The annual report's reads answered from indexes alone (index-only scans), so that a region's roll-up over a
-- province's applications reads the year's entries, not every application ever received.

-- The day a case ended for the report (办结): the day of the decision (答复), or the closing day of an
-- abandoned or withdrawn case; null while it is open. Defined once here, read by the report's queries.
alter table applications add column ended_on date
  generated always as (case when outcome is not null then coalesce(decided_date, closed_date) end) stored;

-- The year's new cases (and every other read by agency and received date: it replaces applications_agency_idx).
create index applications_report_received_idx on applications (agency_id, received_date)
  include (applicant_type, outcome, ended_on);
drop index if exists applications_agency_idx;
-- The cases that can be open on some 1月1日 (上年结转): still open, or ended in a later year than received —
-- a few in a hundred. The report's query repeats this predicate word for word so the planner can use it.
create index applications_report_spanning_idx on applications (agency_id, ended_on)
  include (received_date, applicant_type, outcome)
  where ended_on is null or extract(year from ended_on) <> extract(year from received_date);
-- 规章 and 规范性文件 for section 二.
create index catalogue_items_report_idx on catalogue_items (agency_id, genre)
  include (state, written_date, publish_date, validity, validity_date)
  where genre in ('rules', 'normative');
