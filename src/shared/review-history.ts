import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { DECISION_LABELS, type ReviewDecision, type ReviewSubject } from '../domain/review/history.ts';
import type { Ctx } from './context.ts';

type Q = Kysely<DB> | Transaction<DB>;

/** One step of a review loop, written by the step's own transaction (migration 0020). */
export async function recordReview(
  trx: Transaction<DB>,
  ctx: Ctx,
  e: {
    agencyId: string;
    subject: ReviewSubject;
    subjectId: string;
    step: string;
    decision: ReviewDecision;
    comment?: string | null;
  },
): Promise<void> {
  await trx
    .insertInto('review_history')
    .values({
      agency_id: e.agencyId,
      subject_kind: e.subject,
      subject_id: e.subjectId,
      step: e.step,
      decision: e.decision,
      comment: e.comment?.trim() ? e.comment.trim() : null,
      actor_id: ctx.actor?.userId || null,
      actor_name: ctx.actor?.username ?? 'system',
      at: ctx.now(),
    })
    .execute();
}

/** The history of one subject, oldest first, with each person's display name (the login name if gone). */
export async function reviewHistory(db: Q, subject: ReviewSubject, subjectId: string) {
  const rows = await db
    .selectFrom('review_history as h')
    .leftJoin('users as u', 'u.id', 'h.actor_id')
    .select(['h.id', 'h.at', 'h.step', 'h.decision', 'h.comment', 'h.actor_name', 'u.display_name'])
    .where('h.subject_kind', '=', subject)
    .where('h.subject_id', '=', subjectId)
    .orderBy('h.seq')
    .execute();
  return rows.map(present);
}

export function present(r: {
  id: string;
  at: Date;
  step: string;
  decision: ReviewDecision;
  comment: string | null;
  actor_name: string;
  display_name: string | null;
}) {
  return {
    id: r.id,
    at: r.at,
    step: r.step,
    decision: r.decision,
    decisionLabel: DECISION_LABELS[r.decision].zh,
    comment: r.comment,
    by: r.display_name ?? r.actor_name,
  };
}
export type ReviewEntry = ReturnType<typeof present>;
