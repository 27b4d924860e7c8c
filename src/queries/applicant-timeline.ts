import { findApplication, listEvents } from '../db/repos/applications.ts';
import { applicantTimeline, type TimelineStep } from '../domain/case/applicant-timeline.ts';
import type { Ctx } from '../shared/context.ts';
import { trackApplication } from './applications.ts';

/** The tracking page's answer: the case as `trackApplication` shows it, and the steps its applicant may see. */
export async function trackWithTimeline(ctx: Pick<Ctx, 'db' | 'now' | 'secretKey'>, number: string, code: string) {
  // The number and code are checked first: a wrong pair never reaches the events.
  const tracked = await trackApplication(ctx, number, code);
  const app = (await findApplication(ctx.db, tracked.trackingNumber))!;
  const steps: TimelineStep[] = applicantTimeline(await listEvents(ctx.db, app.id));
  return { ...tracked, steps };
}
