-- The domain's closed lists as check constraints: a state or outcome the code does not know cannot be stored,
-- whoever writes the row. The lists are the domain's (src/domain/case/states.ts, outcomes.ts;
-- src/domain/catalogue/catalogue.ts; src/domain/report/status.ts, checked since 0005);
-- src/db/constraints.db.test.ts reads them back from pg_constraint and compares, so the two cannot drift.
-- Event types are left open: a new row of the event table (src/domain/case/events.ts) needs no migration.

alter table applications add constraint applications_state_check check (state in (
  'registered', 'awaiting_correction', 'in_progress', 'awaiting_payment', 'decided', 'served', 'closed'));

alter table applications add constraint applications_outcome_check check (outcome is null or outcome in (
  'granted', 'partially_granted', 'withheld_state_secret', 'withheld_prohibited_by_law',
  'withheld_security_stability', 'withheld_third_party', 'withheld_internal_affairs', 'withheld_process_info',
  'withheld_enforcement_file', 'withheld_administrative_query', 'unavailable_not_held',
  'unavailable_needs_creation', 'unavailable_still_unclear', 'declined_complaint', 'declined_duplicate',
  'declined_publication', 'declined_excessive', 'declined_confirmation', 'other_no_correction',
  'other_unpaid_fee', 'other_misc'));

alter table catalogue_items add constraint catalogue_items_state_check check (state in (
  'draft', 'in_review', 'reviewed', 'approved', 'published', 'withdrawn'));
