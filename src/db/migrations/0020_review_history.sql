-- Review history (issue #18): every step of a review loop with its words — who, when, what was decided and why —
-- for catalogue items (条例第十七条 保密审查, approval), annual reports (条例第四十九条 submission to the 主管部门)
-- and a case's extension (条例第三十三条第一款: the head's consent). Written by the step's own transaction;
-- never updated. `subject_id`: the item's id, the report's `agencyId/year`, the case's tracking number.
create table review_history (
  id           uuid primary key default gen_random_uuid(),
  seq          bigint generated always as identity, -- the order the steps were taken in
  agency_id    uuid not null references agencies(id),
  subject_kind text not null check (subject_kind in ('catalogue_item', 'annual_report', 'case')),
  subject_id   text not null,
  step         text not null,
  decision     text not null check (decision in ('submitted', 'passed', 'returned', 'approved', 'refused',
                                                 'published', 'withdrawn', 'requested')),
  comment      text,
  actor_id     uuid references users(id),
  actor_name   text not null,
  at           timestamptz not null default now()
);
create index review_history_subject_idx on review_history (subject_kind, subject_id, seq);
create index review_history_returned_idx on review_history (agency_id, subject_kind, at) where decision = 'returned';
