import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** The PostgreSQL binaries' folders on Debian/Ubuntu (`/usr/lib/postgresql/<major>/bin`), newest first. */
function binDirs(): string[] {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => join(root, v, 'bin'))
    .filter((d) => existsSync(join(d, 'pg_basebackup')));
}

/** Why a streaming replica cannot be made here, or null when it can (for a test's `skip`). */
export function replicaUnavailable(): string | null {
  if (!process.env.DATABASE_URL)
    return 'needs a PostgreSQL server (DATABASE_URL): the embedded database has no replica';
  if (binDirs().length === 0) return 'needs pg_basebackup (/usr/lib/postgresql/<version>/bin): not installed';
  return null;
}

export interface StreamingReplica {
  /** The replica's URL for `database` (same user and password as the primary's URL). */
  url(database: string): string;
  port: number;
  /** A query on the replica (superuser: pause and resume replay). */
  query<T extends pg.QueryResultRow>(text: string, database?: string): Promise<T[]>;
  /** `pg_ctl stop -m immediate`: connections cut at once, as a crash would. */
  stop(): Promise<void>;
  /** Stop if running and remove the data directory. */
  remove(): Promise<void>;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

/**
 * A real streaming replica of the PostgreSQL server at `primaryUrl`: `pg_basebackup -R -X stream` into a
 * temporary directory, started on a free port of 127.0.0.1 with its own configuration (Debian keeps
 * postgresql.conf and pg_hba.conf outside the data directory, so the copy has neither). PostgreSQL refuses to
 * run as root: as root, the copy and the server run as the `postgres` OS user. The replication connection needs
 * a `replication` line in the primary's pg_hba.conf (`npm run setup:system` adds one for 127.0.0.1).
 */
export async function startStreamingReplica(primaryUrl: string): Promise<StreamingReplica> {
  const primary = new URL(primaryUrl);
  const admin = new pg.Client({ connectionString: primaryUrl });
  await admin.connect();
  const settings = new Map<string, string>();
  try {
    const r = await admin.query<{ name: string; setting: string }>(
      `select name, setting from pg_settings where name in ('server_version_num', 'max_connections',
        'max_worker_processes', 'max_wal_senders', 'max_prepared_transactions', 'max_locks_per_transaction')`,
    );
    for (const row of r.rows) settings.set(row.name, row.setting);
  } finally {
    await admin.end();
  }
  const major = String(Math.floor(Number(settings.get('server_version_num')) / 10000));
  const bin = binDirs().find((d) => d.endsWith(`/${major}/bin`));
  if (!bin) throw new Error(`no PostgreSQL ${major} binaries (pg_basebackup, pg_ctl) under /usr/lib/postgresql`);

  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-replica-'));
  const data = join(dir, 'data');
  let owner: { uid: number; gid: number } | undefined;
  if (asRoot) {
    const id = async (flag: string) => Number((await run('id', [flag, 'postgres'])).stdout.trim());
    owner = { uid: await id('-u'), gid: await id('-g') };
    chownSync(dir, owner.uid, owner.gid); // mkdtemp makes it 0700
  }
  // As root, run a binary as the postgres OS user.
  const pgRun = (cmd: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { env: { ...process.env, ...env }, cwd: dir })
      : run(join(bin, cmd), args, { env: { ...process.env, ...env }, cwd: dir });
  const port = await freePort();
  let running = false;
  const pgCtl = async (...args: string[]) => {
    try {
      await pgRun('pg_ctl', ['-D', data, ...args]);
    } catch (err) {
      const log = existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8').slice(-2000) : '';
      throw new Error(`pg_ctl ${args.join(' ')}: ${(err as { stderr?: string }).stderr ?? err}\n${log}`);
    }
  };
  const replica: StreamingReplica = {
    port,
    url(database) {
      const u = new URL(primaryUrl);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      u.pathname = `/${database}`;
      return u.toString();
    },
    async query(text, database = 'postgres') {
      const c = new pg.Client({ connectionString: replica.url(database), connectionTimeoutMillis: 5000 });
      await c.connect();
      try {
        return (await c.query(text)).rows;
      } finally {
        await c.end();
      }
    },
    async stop() {
      if (!running) return;
      running = false;
      await pgCtl('stop', '-m', 'immediate', '-w', '-t', '30');
    },
    async remove() {
      try {
        await replica.stop();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  try {
    const source = new URL(primaryUrl);
    source.pathname = '/postgres';
    source.password = ''; // in the environment, not on a command line
    try {
      // -R: standby.signal and primary_conninfo; -X stream: the WAL written during the copy comes with it.
      await pgRun('pg_basebackup', ['-d', source.toString(), '-D', data, '-R', '-X', 'stream', '-c', 'fast', '-w'], {
        ...(primary.password ? { PGPASSWORD: decodeURIComponent(primary.password) } : {}),
      });
    } catch (err) {
      const stderr = (err as { stderr?: string }).stderr ?? String(err);
      const hint = /pg_hba\.conf/.test(stderr)
        ? ' — the primary refuses replication connections from 127.0.0.1: run `npm run setup:system` as root'
        : '';
      throw new Error(`pg_basebackup failed${hint}: ${stderr}`);
    }
    const conf = [
      `port = ${port}`,
      `listen_addresses = '127.0.0.1'`,
      `unix_socket_directories = '${dir}'`,
      `hba_file = '${join(data, 'pg_hba.conf')}'`,
      `ident_file = '${join(data, 'pg_ident.conf')}'`,
      'hot_standby = on',
      'shared_buffers = 16MB',
      'fsync = off',
      // A standby needs at least the primary's values of these.
      ...['max_connections', 'max_worker_processes', 'max_wal_senders', 'max_prepared_transactions']
        .concat('max_locks_per_transaction')
        .map((k) => `${k} = ${settings.get(k)}`),
    ];
    const files: [string, string][] = [
      ['postgresql.conf', `${conf.join('\n')}\n`],
      ['pg_hba.conf', 'local all all trust\nhost all all 127.0.0.1/32 trust\n'],
      ['pg_ident.conf', ''],
    ];
    for (const [name, text] of files) {
      writeFileSync(join(data, name), text, { mode: 0o600 });
      if (owner) chownSync(join(data, name), owner.uid, owner.gid);
    }
    running = true;
    await pgCtl('start', '-w', '-t', '30', '-l', join(dir, 'log'));
    const [state] = await replica.query<{ recovery: boolean }>('select pg_is_in_recovery() as recovery');
    if (!state?.recovery) throw new Error('the copy started as a primary, not as a standby');
    return replica;
  } catch (err) {
    await replica.remove().catch(() => {});
    throw err;
  }
}
