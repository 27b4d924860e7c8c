import { sql } from 'kysely';
import type { Database } from '../src/db/connect.ts';
import { sumReports } from '../src/domain/report/index.ts';
import { agencyReport } from '../src/queries/reports.ts';

/** A region's roll-up: every agency's report of the year, computed from its records, summed. */
export async function regionRollup(database: Database, regionCode: string, year: number) {
  const agencies = await sql<{ id: string }>`select g.id from agencies g join regions r on r.code = g.region_code
    where r.path = ${regionCode} or r.path like ${`${regionCode}/%`}`.execute(database.db);
  const parts = [];
  for (const a of agencies.rows) parts.push((await agencyReport(database.db, a.id, year)).report);
  return sumReports('2021', year, parts);
}
