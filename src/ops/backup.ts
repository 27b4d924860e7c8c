import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { CompiledQuery, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

type Q = Pick<Kysely<DB>, 'executeQuery'>;
const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
/** Plain SQL on one connection (the snapshot and the restore each run on a single connection). */
// biome-ignore lint/suspicious/noExplicitAny: rows of any table, read generically
async function q<R = Record<string, any>>(c: Q, text: string, params: unknown[] = []): Promise<R[]> {
  return (await c.executeQuery<R>(CompiledQuery.raw(text, params))).rows;
}

/**
 * 备份与恢复: one archive (zip) with every table's rows as JSON, the files of the data dir (attachments,
 * letters) and the secret key that encrypts applicants' personal data. Taken in one REPEATABLE READ
 * transaction, so it is a consistent snapshot while the server keeps running. The archive is as sensitive
 * as the database itself (it holds the key): keep it like the database.
 */
const FORMAT = 'gongkai-backup-1';
const FILE_DIRS = ['attachments', 'letters', 'audit-checkpoints'];
const KEY_FILES = ['secret.key'];

async function tables(c: Q): Promise<string[]> {
  const rows = await q<{ table_name: string }>(
    c,
    "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name",
  );
  return rows.map((x) => x.table_name);
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

export async function backup(
  db: Kysely<DB>,
  dataDir: string,
): Promise<{ archive: Uint8Array; rows: number; files: number }> {
  return db.connection().execute(async (c) => {
    const entries: Record<string, Uint8Array> = {};
    let rows = 0;
    try {
      await q(c, 'begin isolation level repeatable read read only');
      const migrations = await q(c, 'select version, name from schema_migrations order by version');
      for (const t of await tables(c)) {
        const [r] = await q(
          c,
          `select coalesce(json_agg(t), '[]'::json)::text as j, count(*)::int as n from ${ident(t)} t`,
        );
        entries[`tables/${t}.json`] = Buffer.from(r!.j as string);
        rows += r!.n as number;
      }
      await q(c, 'commit');
      const files = [
        ...FILE_DIRS.flatMap((d) => walk(join(dataDir, d))),
        ...KEY_FILES.map((f) => join(dataDir, f)).filter(existsSync),
      ];
      for (const f of files) entries[`files/${relative(dataDir, f)}`] = readFileSync(f);
      entries['manifest.json'] = Buffer.from(
        JSON.stringify(
          { format: FORMAT, at: new Date().toISOString(), migrations, rows, files: files.length },
          null,
          2,
        ),
      );
      return { archive: zipSync(entries, { level: 6 }), rows, files: files.length };
    } catch (err) {
      await q(c, 'rollback').catch(() => {});
      throw err;
    }
  });
}

export class RestoreError extends Error {}

/**
 * Writes a restored file owner-only (0600; its directories up to the data dir 0700), whatever the umask and
 * whether or not it existed (the secret key generated at the restore's start is overwritten): see file-modes.ts.
 */
function writeOwnerOnly(dataDir: string, target: string, data: Uint8Array) {
  mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
  for (let d = dirname(target); d.startsWith(join(dataDir, '/')); d = dirname(d)) chmodSync(d, 0o700);
  writeFileSync(target, data, { mode: 0o600 });
  chmodSync(target, 0o600);
}

/** Restores an archive into an empty, migrated database and its data dir; all or nothing for the database. */
export async function restore(db: Kysely<DB>, dataDir: string, archive: Uint8Array) {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(archive);
  } catch {
    throw new RestoreError('备份文件无法读取（不是 gongkai 备份或已损坏）');
  }
  const manifest = entries['manifest.json'] && JSON.parse(Buffer.from(entries['manifest.json']).toString());
  if (manifest?.format !== FORMAT) throw new RestoreError('不是 gongkai 备份文件（缺少清单或格式不符）');
  const rows = await db.connection().execute(async (c) => {
    let count = 0;
    try {
      const have = (await q(c, 'select version from schema_migrations order by version')).map((r) => r.version);
      const want = (manifest.migrations as { version: number }[]).map((m) => m.version);
      if (JSON.stringify(have) !== JSON.stringify(want))
        throw new RestoreError(
          `数据库结构版本不一致（备份：${want.at(-1)}，当前：${have.at(-1)}），请使用相同版本的 gongkai 恢复`,
        );
      await q(c, 'begin');
      const names = (await tables(c)).filter((t) => t !== 'schema_migrations');
      // Empty means: nothing anyone entered (migrations seed a few tables, such as the official calendar).
      for (const t of ['agencies', 'users', 'audit_events']) {
        const [r] = await q(c, `select exists (select 1 from ${ident(t)}) as x`);
        if (r!.x) throw new RestoreError(`目标数据库不是空的（表 ${t} 已有数据）：请恢复到新建的空数据库`);
      }
      // Rows go in as they were, foreign keys and triggers (the audit log's append-only guard) set aside.
      await q(c, "set local session_replication_role = 'replica'");
      for (const t of names) {
        const data = entries[`tables/${t}.json`];
        if (!data) continue;
        await q(c, `delete from ${ident(t)}`);
        const list = JSON.parse(Buffer.from(data).toString()) as unknown[];
        // Generated columns are computed again from the restored values.
        const cols = (
          await q<{ column_name: string }>(
            c,
            "select column_name from information_schema.columns where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER' order by ordinal_position",
            [t],
          )
        )
          .map((r) => ident(r.column_name))
          .join(', ');
        for (let i = 0; i < list.length; i += 2000)
          await q(
            c,
            `insert into ${ident(t)} (${cols}) select ${cols} from json_populate_recordset(null::${ident(t)}, $1::json)`,
            [JSON.stringify(list.slice(i, i + 2000))],
          );
        count += list.length;
        // Sequences behind serial/identity columns continue after the restored rows.
        const seqs = await q<{ column_name: string }>(
          c,
          "select column_name from information_schema.columns where table_schema = 'public' and table_name = $1 and (column_default like 'nextval(%' or is_identity = 'YES')",
          [t],
        );
        for (const col of seqs)
          await q(
            c,
            `select setval(pg_get_serial_sequence($1, $2), greatest(1, (select coalesce(max(${ident(col.column_name)}), 0) from ${ident(t)})))`,
            [t, col.column_name],
          );
      }
      await q(c, 'commit');
      return count;
    } catch (err) {
      await q(c, 'rollback').catch(() => {});
      throw err;
    }
  });
  let files = 0;
  for (const [name, data] of Object.entries(entries)) {
    if (!name.startsWith('files/')) continue;
    const target = join(dataDir, name.slice(6));
    if (!target.startsWith(join(dataDir, '/'))) throw new RestoreError(`备份中的文件路径不安全：${name}`);
    writeOwnerOnly(dataDir, target, data);
    files++;
  }
  if (files) chmodSync(dataDir, 0o700);
  return { rows, files };
}
