/** A stored due date that a calendar change moved (what the change reports, and audits). */
export interface DeadlineMove {
  entityType: string;
  entityId: string;
  field: string;
  from: string | null;
  to: string | null;
}
