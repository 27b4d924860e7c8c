/** One audit event as it enters the hash (everything but its own hash). */
export interface AuditRecord {
  seq: number;
  at: string; // ISO 8601, millisecond precision
  actorId: string | null;
  actorName: string | null;
  agencyId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  before: unknown;
  after: unknown;
  prevHash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so the hash survives jsonb's key reordering. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The hash function over a record's canonical form (SM3, GB/T 32905-2016), given by the caller: domain does no I/O. */
export type Digest = (canonical: string) => string;

/** The hash of a record over its canonical form, chained through prevHash. */
export function auditHash(r: AuditRecord, digest: Digest): string {
  return digest(canonicalJson(r));
}

export interface ChainBreak {
  seq: number;
  reason: 'hash_mismatch' | 'prev_mismatch' | 'gap';
}

/** Walks records in seq order; returns the first broken link, or null when the chain holds. */
export function verifyChain(
  records: Iterable<AuditRecord & { hash: string }>,
  digest: Digest,
  start = { seq: 0, hash: GENESIS_HASH },
): ChainBreak | null {
  let prev = start;
  for (const r of records) {
    if (r.seq !== prev.seq + 1) return { seq: r.seq, reason: 'gap' };
    if (r.prevHash !== prev.hash) return { seq: r.seq, reason: 'prev_mismatch' };
    const { hash, ...rest } = r;
    if (auditHash(rest, digest) !== hash) return { seq: r.seq, reason: 'hash_mismatch' };
    prev = { seq: r.seq, hash };
  }
  return null;
}
