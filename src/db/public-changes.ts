import pg from 'pg';
import type { Database } from './connect.ts';

/** The channel the database's triggers NOTIFY on (migration 0023). */
export const PUBLIC_CHANNEL = 'gongkai_public';
/** How often the embedded database's change log is read (besides after each write of this instance). */
const POLL_MS = 1000;

/**
 * What changed on the public portal, heard from the database: the cache tags that migration 0023's triggers log
 * in the transaction of every write changing public content, whoever made it.
 *
 * On PostgreSQL (N instances) a dedicated connection LISTENs: the tags arrive on commit. While that connection
 * is down nothing is heard, so `live()` is false and the cache must not answer from memory (`onLost` clears it);
 * it reconnects by itself. The embedded database serves one instance; its transactions commit one after
 * another, so reading `public_changes` past the last sequence number seen misses nothing.
 */
export interface PublicChanges {
  subscribe(on: (tags: string[]) => void, onLost: () => void): void;
  /** Resolves once every change committed before the call has been heard (a write's response waits for it). */
  flush(): Promise<void>;
  /** Changes are being heard now. */
  live(): boolean;
  close(): Promise<void>;
}

export function publicChanges(database: Pick<Database, 'pool' | 'kind'>): PublicChanges {
  return database.kind === 'postgres' ? listening(database.pool) : polling(database.pool);
}

function listening(pool: pg.Pool): PublicChanges {
  const listeners: { on: (tags: string[]) => void; onLost: () => void }[] = [];
  let client: pg.Client | null = null;
  let up = false;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const lost = () => {
    if (up) for (const l of listeners) l.onLost();
    up = false;
    const c = client;
    client = null;
    c?.removeAllListeners();
    c?.on('error', () => {});
    void c?.end().catch(() => {});
    if (!closed) retry = setTimeout(connect, POLL_MS).unref() as unknown as NodeJS.Timeout;
  };
  const connect = async () => {
    if (closed) return;
    const c = new pg.Client(pool.options);
    c.on('notification', (n) => {
      if (n.channel !== PUBLIC_CHANNEL || !n.payload) return;
      const tags = [n.payload];
      for (const l of listeners) l.on(tags);
    });
    c.on('error', lost);
    c.on('end', () => client === c && lost());
    try {
      await c.connect();
      await c.query(`listen ${PUBLIC_CHANNEL}`);
      if (closed) return void (await c.end());
      client = c;
      // Whatever was cached before this connection may have changed unheard.
      for (const l of listeners) l.onLost();
      up = true;
    } catch {
      c.removeAllListeners();
      c.on('error', () => {});
      await c.end().catch(() => {});
      if (!closed) retry = setTimeout(connect, POLL_MS).unref() as unknown as NodeJS.Timeout;
    }
  };
  const started = connect();
  return {
    subscribe(on, onLost) {
      listeners.push({ on, onLost });
    },
    async flush() {
      await started;
      // Notifications committed before this query are delivered on this connection before its answer.
      if (client) await client.query('select 1').catch(() => lost());
    },
    live: () => up,
    async close() {
      closed = true;
      clearTimeout(retry);
      await started;
      const c = client;
      client = null;
      up = false;
      c?.removeAllListeners();
      c?.on('error', () => {});
      await c?.end().catch(() => {});
    },
  };
}

function polling(pool: pg.Pool): PublicChanges {
  const listeners: { on: (tags: string[]) => void; onLost: () => void }[] = [];
  let last: number | null = null;
  let up = false;
  let closed = false;
  let running: Promise<void> | null = null;
  const read = async () => {
    if (last === null) {
      const r = await pool.query<{ n: number | null }>('select max(seq) as n from public_changes');
      last = r.rows[0]?.n ?? 0;
      return;
    }
    const r = await pool.query<{ seq: number; tag: string }>(
      'select seq, tag from public_changes where seq > $1 order by seq limit 10000',
      [last],
    );
    if (!r.rows.length) return;
    last = r.rows.at(-1)!.seq;
    const tags = r.rows.length === 10000 ? ['*'] : [...new Set(r.rows.map((x) => x.tag))];
    for (const l of listeners) l.on(tags);
  };
  const poll = () => {
    running ??= read()
      .then(() => {
        up = true;
      })
      .catch(() => {
        if (up) for (const l of listeners) l.onLost();
        up = false;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const started = poll();
  const timer = setInterval(() => !closed && void poll(), POLL_MS);
  timer.unref();
  return {
    subscribe(on, onLost) {
      listeners.push({ on, onLost });
    },
    async flush() {
      await started;
      await running; // a read under way may have begun before the write committed
      await poll();
    },
    live: () => up,
    async close() {
      closed = true;
      clearInterval(timer);
      await running;
    },
  };
}
