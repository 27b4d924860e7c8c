import { sql } from 'kysely';
import type { Database } from '../src/db/connect.ts';
import { rollUp } from '../src/queries/region-report.ts';

/** A region's roll-up through the product's own path (the 政务公开办's `GET /api/v1/supervision/report`). */
export async function regionRollup(database: Database, regionCode: string, year: number) {
  const agencies = await sql<{ id: string; name: string; kind: string; parent_agency_id: string | null }>`
    select g.id, g.name, g.kind, g.parent_agency_id from agencies g join regions r on r.code = g.region_code
    where r.path = ${regionCode} or r.path like ${`${regionCode}/%`}`.execute(database.db);
  return rollUp(database.db, agencies.rows, year);
}
