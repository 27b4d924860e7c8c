import type pg from 'pg';
import { type Distribution, type KeyException, keyExceptions, tableDistribution } from './distribution.ts';

interface ConstraintRow {
  table: string;
  name: string;
  type: 'p' | 'u' | 'f' | 'i';
  cols: string[];
  ref_table: string | null;
  ref_cols: string[] | null;
}

/** Primary keys, unique constraints, foreign keys and unique indexes (without a constraint) of a schema's tables. */
const KEYS_SQL = `
  select rel.relname as table, c.conname as name, c.contype as type,
    array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i)
          join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as cols,
    ref.relname as ref_table,
    case when c.contype = 'f' then array(select a.attname::text from unnest(c.confkey) with ordinality k(n, i)
          join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) end as ref_cols
  from pg_constraint c
  join pg_class rel on rel.oid = c.conrelid
  left join pg_class ref on ref.oid = c.confrelid
  where c.connamespace = $1::regnamespace and c.contype in ('p', 'u', 'f') and not rel.relispartition
  union all
  select t.relname, ix.relname, 'i',
    -- An expression's column is 0 here: it never counts as the distribution column.
    array(select coalesce(a.attname::text, '(expression)') from unnest(i.indkey::int2[]) with ordinality k(n, o)
          left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.n order by k.o),
    null, null
  from pg_index i
  join pg_class t on t.oid = i.indrelid
  join pg_class ix on ix.oid = i.indexrelid
  where t.relnamespace = $1::regnamespace and i.indisunique and not t.relispartition
    and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.contype in ('p', 'u'))`;

const TABLES_SQL = `select relname as name from pg_class where relnamespace = $1::regnamespace
  and relkind in ('r', 'p') and not relispartition order by relname`;

const NOT_NULL_SQL = `select attname as name from pg_attribute
  where attrelid = ($1 || '.' || $2)::regclass and attnum > 0 and not attisdropped and attnotnull`;

export interface CheckOptions {
  schema?: string;
  tables?: Readonly<Record<string, Distribution>>;
  exceptions?: readonly KeyException[];
}

/**
 * What keeps a schema from being split by agency (docs/deploy.md "Distribution-ready keys"): one line per
 * violation, empty when every table is classified and every key of a distributed table includes its column.
 */
export async function distributionViolations(pool: Pick<pg.Pool, 'query'>, opts: CheckOptions = {}): Promise<string[]> {
  const schema = opts.schema ?? 'public';
  const classes = opts.tables ?? tableDistribution;
  const exceptions = opts.exceptions ?? keyExceptions;
  const out: string[] = [];
  const tables = (await pool.query<{ name: string }>(TABLES_SQL, [schema])).rows.map((r) => r.name);
  const present = new Set(tables);
  for (const t of tables) if (!classes[t]) out.push(`${t}: not classified (src/db/distribution.ts)`);
  for (const t of Object.keys(classes)) if (!present.has(t)) out.push(`${t}: classified but no such table`);

  const keys = (await pool.query<ConstraintRow>(KEYS_SQL, [schema])).rows;
  const used = new Set<string>();
  const excepted = (k: ConstraintRow) => {
    const hit = exceptions.find((e) => e.table === k.table && e.name === k.name);
    if (hit) used.add(`${hit.table}.${hit.name}`);
    return Boolean(hit);
  };
  const dist = (t: string | null) => {
    const d = t ? classes[t] : undefined;
    return d?.kind === 'distributed' ? d.column : undefined;
  };

  for (const t of tables) {
    const column = dist(t);
    if (!column) continue;
    const own = keys.filter((k) => k.table === t);
    const pk = own.find((k) => k.type === 'p');
    if (!pk) out.push(`${t}: no primary key`);
    else if (!pk.cols.includes(column)) out.push(`${t}: primary key (${pk.cols.join(', ')}) lacks ${column}`);
    const notNull = (await pool.query<{ name: string }>(NOT_NULL_SQL, [schema, t])).rows.map((r) => r.name);
    if (!notNull.includes(column)) out.push(`${t}: ${column} is missing or nullable`);
    for (const k of own) {
      if ((k.type === 'u' || k.type === 'i') && !k.cols.includes(column) && !excepted(k))
        out.push(`${t}: unique ${k.name} (${k.cols.join(', ')}) lacks ${column}`);
    }
  }

  for (const k of keys.filter((x) => x.type === 'f')) {
    const from = classes[k.table]?.kind;
    const to = k.ref_table ? classes[k.ref_table]?.kind : undefined;
    if (!from || !to) continue; // reported above as unclassified
    if (from === 'distributed' && to === 'distributed') {
      const c = dist(k.table)!;
      const p = dist(k.ref_table)!;
      const paired = k.cols.some((col, i) => col === c && k.ref_cols?.[i] === p);
      if (!paired && !excepted(k))
        out.push(
          `${k.table}: foreign key ${k.name} (${k.cols.join(', ')}) → ${k.ref_table} does not pair ${c} with ${p}`,
        );
    } else if ((from === 'distributed' && to === 'local') || (from !== 'distributed' && to === 'distributed')) {
      out.push(`${k.table}: foreign key ${k.name} from a ${from} table to a ${to} table → ${k.ref_table}`);
    }
  }

  for (const e of exceptions)
    if (present.has(e.table) && !used.has(`${e.table}.${e.name}`))
      out.push(`${e.table}: exception ${e.name} is not needed (remove it from src/db/distribution.ts)`);
  return out;
}
