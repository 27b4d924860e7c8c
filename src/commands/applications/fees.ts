import type { Transaction } from 'kysely';
import type { ApplicationRow } from '../../db/repos/applications.ts';
import type { DB } from '../../db/schema.ts';
import { feeText, perApplicationFee, perVolumeFee } from '../../domain/case/index.ts';
import { invalid } from '../../domain/errors.ts';

/**
 * The fee of an application under 国办函〔2020〕109号. 按件 counts the applicant's applications to this agency
 * received in the same calendar month, in order of receipt; 按量 counts pages. Never both for one application.
 */
export async function feeFor(
  trx: Transaction<DB>,
  app: Pick<ApplicationRow, 'id' | 'agency_id' | 'applicant_key' | 'received_date' | 'tracking_number'>,
  ev: { mode: 'per_application' | 'per_volume'; pages?: number },
): Promise<{ amount: number; nthInMonth: number | null; text: string }> {
  if (ev.mode === 'per_volume') {
    if (ev.pages === undefined) throw invalid('按量收费须填写页数 pages');
    const amount = perVolumeFee(ev.pages);
    return { amount, nthInMonth: null, text: feeText('per_volume', { pages: ev.pages }, amount) };
  }
  const month = app.received_date.slice(0, 7);
  const rows = await trx
    .selectFrom('applications')
    .select(['id'])
    .where('agency_id', '=', app.agency_id)
    .where('applicant_key', '=', app.applicant_key)
    .where('received_date', '>=', `${month}-01`)
    .where('received_date', '<=', `${month}-31`)
    .orderBy('received_date')
    .orderBy('tracking_number')
    .execute();
  const nth = rows.findIndex((r) => r.id === app.id) + 1;
  const amount = perApplicationFee(nth);
  return { amount, nthInMonth: nth, text: feeText('per_application', { nthInMonth: nth }, amount) };
}
