/**
 * The audit trail's hash chains (等保2.0 GB/T 22239-2019 8.1.4.3 安全审计: records protected from deletion,
 * modification and overwriting). One chain per agency and one for platform events (no agency): appends to
 * different chains never wait on each other. Since migration 0014 every record is hashed with HMAC-SM3 under a
 * key that is not in the database; the records written before it form an unkeyed SM3 prefix of the platform
 * chain (the legacy segment, SECURITY.md).
 */

/** One audit event as it enters the hash (everything but its own hash): the legacy form, before 0014. */
export interface AuditRecord {
  seq: number; // position in its chain, from 1
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

/** A keyed record (0014 onwards): its chain and its global display order are hashed too. */
export interface ChainRecord extends AuditRecord {
  chain: string;
  id: number;
}

/** How a stored record was hashed: plain SM3 (GB/T 32905-2016, legacy) or HMAC-SM3 under the audit key. */
export type AuditAlg = 'sm3' | 'hmac-sm3';

export interface StoredRecord extends ChainRecord {
  alg: AuditAlg;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** The chain of events with no agency (system settings, calendar, backups, checkpoints). */
export const PLATFORM_CHAIN = 'platform';

/** Events of an agency go to its own chain; the others to the platform chain. */
export const chainOf = (agencyId: string | null): string => agencyId ?? PLATFORM_CHAIN;

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

/** A hash function over a record's canonical form, given by the caller: domain does no I/O and holds no key. */
export type Digest = (canonical: string) => string;

/** One digest per algorithm: `hmac-sm3` is keyed (the db layer holds the key), `sm3` checks the legacy rows. */
export type Digests = Record<AuditAlg, Digest>;

/** The hash of a record over its canonical form, chained through prevHash. */
export function auditHash(r: AuditRecord | ChainRecord, digest: Digest): string {
  return digest(canonicalJson(r));
}

/** The hash a stored record must carry: legacy rows over their legacy form, keyed rows with chain and id. */
export function storedHash(r: StoredRecord, digests: Digests): string {
  const { hash: _hash, alg, chain, id, ...legacy } = r;
  return alg === 'sm3' ? auditHash(legacy, digests.sm3) : auditHash({ ...legacy, chain, id }, digests['hmac-sm3']);
}

/** Why a chain fails verification. */
export const BREAK_REASONS = [
  'gap',
  'prev_mismatch',
  'hash_mismatch',
  'unkeyed',
  'head_missing',
  'head_mismatch',
  'tail_missing',
  'checkpoint_mismatch',
  'checkpoint_ahead',
] as const;
export type BreakReason = (typeof BREAK_REASONS)[number];

export interface ChainBreak {
  chain: string;
  seq: number;
  reason: BreakReason;
  /** The checkpoint file the chain disagrees with (checkpoint_* reasons). */
  checkpoint?: string;
}

/** What a chain must show at a position: its head row (`source: 'head'`) or a signed checkpoint (its file). */
export interface Expectation {
  chain: string;
  seq: number;
  hash: string;
  source: 'head' | { checkpoint: string };
  /** How many rows at the chain's start may be unkeyed (legacy): the head's count, or the checkpoint's. */
  legacy?: number;
}

export function breakMessage(b: ChainBreak, chainName: string): string {
  const where = `${chainName}的审计链第 ${b.seq} 条`;
  switch (b.reason) {
    case 'gap':
      return `${where}：序号不连续（记录被删除或插入）`;
    case 'prev_mismatch':
      return `${where}：前序哈希不符（前面的记录被删除、替换或重排）`;
    case 'hash_mismatch':
      return `${where}：内容被修改（哈希不符）`;
    case 'unkeyed':
      return `${where}：记录未用审计密钥计算（只有升级前的旧记录可以不带密钥），疑被改写`;
    case 'head_missing':
      return `${chainName}的审计链：链头记录缺失（audit_heads 中的行被删除）`;
    case 'head_mismatch':
      return `${where}：与链头记录不符（链头被改动）`;
    case 'tail_missing':
      return `${where}：记录缺失，链比链头记录短（末尾记录被删除）`;
    case 'checkpoint_mismatch':
      return `${where}：与检查点 ${b.checkpoint} 不符（该记录或它之前的记录被改写）`;
    case 'checkpoint_ahead':
      return `${where}：记录缺失，链比检查点 ${b.checkpoint} 短（末尾记录被删除）`;
  }
}

interface OpenChain {
  chain: string;
  prev: { seq: number; hash: string };
  keyed: boolean;
  broken: boolean;
  legacy: number;
  expect: Expectation[];
}

/**
 * Walks stored records in (chain, seq) order, one chain after the other, and reports the first break of
 * each chain: a link (gap, previous hash, own hash, unkeyed where the key was due), or a position where the
 * chain disagrees with its head row or a checkpoint, or ends before it.
 */
export class ChainWalk {
  private readonly byChain = new Map<string, Expectation[]>();
  private readonly seen = new Set<string>();
  private open: OpenChain | null = null;
  readonly breaks: ChainBreak[] = [];
  count = 0;

  constructor(
    private readonly digests: Digests,
    expectations: Expectation[],
  ) {
    for (const e of expectations) {
      const list = this.byChain.get(e.chain) ?? [];
      list.push(e);
      this.byChain.set(e.chain, list);
    }
  }

  push(r: StoredRecord): void {
    if (this.open?.chain !== r.chain) this.start(r.chain);
    const c = this.open!;
    this.count++;
    if (c.broken) return;
    const broken = this.linkBreak(c, r);
    if (broken) {
      c.broken = true;
      this.breaks.push({ chain: c.chain, seq: r.seq, ...broken });
      return;
    }
    if (r.alg === 'hmac-sm3') c.keyed = true;
    c.prev = { seq: r.seq, hash: r.hash };
  }

  private linkBreak(c: OpenChain, r: StoredRecord): { reason: BreakReason; checkpoint?: string } | null {
    if (r.seq !== c.prev.seq + 1) return { reason: 'gap' };
    if (r.prevHash !== c.prev.hash) return { reason: 'prev_mismatch' };
    // The legacy rows are a prefix of the platform chain, no longer than its head and every checkpoint say.
    if (r.alg === 'sm3' && (c.keyed || r.seq > c.legacy)) return { reason: 'unkeyed' };
    if (storedHash(r, this.digests) !== r.hash) return { reason: 'hash_mismatch' };
    for (const e of c.expect)
      if (e.seq === r.seq && e.hash !== r.hash)
        return e.source === 'head'
          ? { reason: 'head_mismatch' }
          : { reason: 'checkpoint_mismatch', checkpoint: e.source.checkpoint };
    return null;
  }

  /** Closes the last chain and the chains that have expectations but no rows at all; returns the breaks. */
  finish(): ChainBreak[] {
    this.close();
    for (const chain of [...this.byChain.keys()].sort()) {
      if (this.seen.has(chain)) continue;
      this.start(chain);
      this.close();
    }
    this.open = null;
    return this.breaks;
  }

  get chains(): number {
    return this.seen.size;
  }

  private start(chain: string) {
    this.close();
    const expect = this.byChain.get(chain) ?? [];
    const legacies = expect.flatMap((e) => (e.legacy === undefined ? [] : [e.legacy]));
    this.seen.add(chain);
    this.open = {
      chain,
      prev: { seq: 0, hash: GENESIS_HASH },
      keyed: false,
      broken: false,
      legacy: legacies.length ? Math.min(...legacies) : 0,
      expect,
    };
  }

  private close() {
    const c = this.open;
    this.open = null;
    if (!c || c.broken) return;
    // A chain without a head row: its links were checked; whether the head was removed or created after the
    // heads were read (an agency's first event during verification) is for the caller to tell.
    if (!c.expect.some((e) => e.source === 'head')) {
      this.breaks.push({ chain: c.chain, seq: c.prev.seq, reason: 'head_missing' });
      return;
    }
    const beyond = c.expect.filter((e) => e.seq > c.prev.seq).sort((a, b) => a.seq - b.seq)[0];
    if (!beyond) return;
    this.breaks.push({
      chain: c.chain,
      seq: c.prev.seq + 1,
      ...(beyond.source === 'head'
        ? { reason: 'tail_missing' as const }
        : { reason: 'checkpoint_ahead' as const, checkpoint: beyond.source.checkpoint }),
    });
  }
}
