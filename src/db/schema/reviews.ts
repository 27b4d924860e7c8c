import type { Generated } from 'kysely';
import type { ReviewDecision, ReviewSubject } from '../../domain/review/history.ts';

/** One step of a review loop, with its words (migration 0020). */
export interface ReviewHistoryTable {
  id: Generated<string>;
  /** The order the steps were taken in. */
  seq: Generated<string>;
  agency_id: string;
  subject_kind: ReviewSubject;
  subject_id: string;
  step: string;
  decision: ReviewDecision;
  comment: string | null;
  actor_id: string | null;
  /** The login name at the time (the display name is read from users). */
  actor_name: string;
  at: Generated<Date>;
}
