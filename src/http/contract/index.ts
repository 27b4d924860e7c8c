/**
 * The HTTP contract of `/api/v1`, written once: every route's method, path, inputs and responses as zod, with
 * its operationId, summary, tag and whether it needs login. The server registers its routes from it
 * (`src/http/route.ts`); the console imports it for typed calls. Imports only zod and src/domain.
 */
import { agenciesContract } from './agencies.ts';
import { applicationsContract } from './applications.ts';
import { attachmentsContract } from './attachments.ts';
import { auditContract } from './audit.ts';
import { authContract } from './auth.ts';
import { calendarContract } from './calendar.ts';
import { catalogueContract } from './catalogue.ts';
import type { RouteSpec } from './common.ts';
import { concernsContract } from './concerns.ts';
import { consoleContract } from './console.ts';
import { reportsContract } from './reports.ts';
import { reviewsContract } from './reviews.ts';
import { supervisionContract } from './supervision.ts';

export * from './agencies.ts';
export * from './applications.ts';
export * from './attachments.ts';
export * from './audit.ts';
export * from './auth.ts';
export * from './calendar.ts';
export * from './catalogue.ts';
export * from './common.ts';
export * from './concerns.ts';
export * from './console.ts';
export * from './messages.ts';
export * from './reports.ts';
export * from './reviews.ts';
export * from './supervision.ts';

/** Every operation of the contract. */
export const CONTRACT: readonly RouteSpec[] = [
  ...applicationsContract,
  ...catalogueContract,
  ...agenciesContract,
  ...authContract,
  ...auditContract,
  ...consoleContract,
  ...calendarContract,
  ...reportsContract,
  ...supervisionContract,
  ...concernsContract,
  ...attachmentsContract,
  ...reviewsContract,
];
