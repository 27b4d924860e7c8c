import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { DeadlineMove } from '../../shared/deadline-move.ts';
import { recomputeApplicationDeadlines } from '../applications/recompute.ts';

/**
 * Stored due dates are caches of the clock. When the calendar changes, every module holding open
 * deadlines recomputes them here, inside the calendar change's transaction, and reports what moved.
 */
export type { DeadlineMove };

const recomputers: ((trx: Transaction<DB>) => Promise<DeadlineMove[]>)[] = [recomputeApplicationDeadlines];

export async function recomputeOpenDeadlines(trx: Transaction<DB>, _reason: string): Promise<DeadlineMove[]> {
  const moves: DeadlineMove[] = [];
  for (const r of recomputers) moves.push(...(await r(trx)));
  return moves;
}
