import { type Kysely, type RawBuilder, sql } from 'kysely';
import { oldestSearchVersion } from '../db/repos/catalogue.ts';
import type { DB } from '../db/schema.ts';
import {
  FOLDED_PUNCTUATION,
  parseQuery,
  type QueryProblem,
  SEARCH_TOKENS_VERSION,
  type SearchTokensVersion,
  termTokens,
  tsqueryOf,
} from '../domain/catalogue/index.ts';
import { listColumns, PAGE_SIZE, type PublicFilter, publicOnly } from './catalogue-public.ts';
import { currentLexemeStats } from './lexeme-stats.ts';

/**
 * Matches counted exactly (beyond: "约 N 条", an estimate). Counting is confirming every match's text, so it costs as
 * many matches as it counts: at 10,000 (the staff lists' cap) the bench's p95 was several times its 1,000's
 * (54 ms against 14 ms at 100,000 items on PostgreSQL), so search counts exactly where that is cheap.
 */
export const SEARCH_COUNT_CAP = 1000;
export type SearchSort = 'relevance' | 'date';
export interface Facet {
  key: string;
  n: number;
}
export interface SearchFacets {
  agency: Facet[];
  year: Facet[];
  item: Facet[];
  genre: Facet[];
}

/** Newest items walked for a common query before the index is asked instead. */
const WALK_ROWS = 30_000;
/** Matches the walk's window should hold (by the rarest token's share) for a walk to be worth it. */
const WALK_MIN = 1000;

/** The folded fields of a row: its stored search text, or (a row older than version 3) folded here as nearly as SQL can. */
function textOf(version: SearchTokensVersion): RawBuilder<string> {
  if (version >= 3) return sql<string>`i.search_text`;
  const from = FOLDED_PUNCTUATION.map(([f]) => f).join('');
  const to = FOLDED_PUNCTUATION.map(([f, t]) => t.repeat([...f].length)).join('');
  const field = (c: RawBuilder<unknown>) =>
    sql`translate(regexp_replace(lower(normalize(${c}, NFKC)), '\\s+', '', 'g'), ${from}, ${to})`;
  return sql<string>`coalesce(i.search_text, ${field(sql`i.title`)} || chr(10) || ${field(sql`coalesce(i.doc_number, '')`)}
    || chr(10) || ${field(sql`i.keywords`)} || chr(10) || ${field(sql`i.body_text`)})`;
}

/** Every term in the text (each within one field: terms hold no line break). */
function allTerms(text: RawBuilder<string>, terms: string[]) {
  return sql<boolean>`(${sql.join(
    terms.map((t) => sql`strpos(${text}, ${t}) > 0`),
    sql` and `,
  )})`;
}

/** 2: every term in the title; 1: every term in the title or the 文号; 0: elsewhere (the body, the keywords). */
function tierOf(text: RawBuilder<string>, terms: string[]) {
  const title = sql`split_part(${text}, chr(10), 1)`;
  const doc = sql`split_part(${text}, chr(10), 2)`;
  const inTitle = sql.join(
    terms.map((t) => sql`strpos(${title}, ${t}) > 0`),
    sql` and `,
  );
  const inHead = sql.join(
    terms.map((t) => sql`(strpos(${title}, ${t}) > 0 or strpos(${doc}, ${t}) > 0)`),
    sql` and `,
  );
  return sql<number>`(case when ${inTitle} then 2 when ${inHead} then 1 else 0 end)`;
}

/** "约 N 条": two significant figures, rounded up (an estimate is shown only beyond the cap, and stays beyond it). */
const rounded = (n: number) => {
  const p = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(1, n))) - 1);
  return Math.ceil(n / p) * p;
};

export interface SearchResult {
  rows: (Awaited<ReturnType<typeof pageRows>>[number] & {})[];
  total: number;
  /** true: more than SEARCH_COUNT_CAP, `total` an estimate ("约 N 条"). */
  capped: boolean;
  terms: string[];
  problem?: QueryProblem;
  /** Counts of the matches by 机关, 年份, 所属事项 and 体裁 (only when the total is exact). */
  facets?: SearchFacets;
}

function pageRows(db: Kysely<DB>, ids: string[]) {
  return db
    .selectFrom('catalogue_items as i')
    .innerJoin('agencies as g', 'g.id', 'i.agency_id')
    .select([...listColumns, 'i.body_text'])
    .where('i.id', 'in', ids)
    .execute();
}

/**
 * Public search (issue #20): every term required, in any order, in the folded title, 文号, keywords or body.
 * Candidates come from the GIN index by the terms' tokens, each term confirmed by strpos on the folded text, capped
 * at SEARCH_COUNT_CAP + 1 (counted exactly up to it), then ranked: title matches first, then 文号, then the rest,
 * newer first within each; or newest first (`sort: 'date'`). A common query (its rarest token in many documents:
 * the posting lists would be read whole) walks the newest items instead, as far as the page needs, and estimates
 * the total ("约 N 条"); its page is ranked within itself. Every row shown matches every term.
 */
export async function searchItems(
  db: Kysely<DB>,
  q: string,
  f: PublicFilter,
  page = 1,
  opts: {
    sort?: SearchSort;
    /** The share of the catalogue a walk may cover, and the exact count's cap (tests of small catalogues change them). */
    walkShare?: number;
    countCap?: number;
  } = {},
): Promise<SearchResult> {
  const sort = opts.sort ?? 'relevance';
  const cap = opts.countCap ?? SEARCH_COUNT_CAP;
  const { terms, problem } = parseQuery(q);
  if (problem) return { rows: [], total: 0, capped: false, terms, problem };
  // The newest tokens once every item has them (an index lookup); meanwhile the older ones, which all vectors hold.
  const version = Math.min(await oldestSearchVersion(db), SEARCH_TOKENS_VERSION) as SearchTokensVersion;
  const tokens = termTokens(terms, version);
  if (tokens.length === 0) return { rows: [], total: 0, capped: false, terms, problem: 'no_words' };
  const tsq = tsqueryOf(tokens);
  const text = textOf(version);
  const tier = tierOf(text, terms);
  const matches = allTerms(text, terms);
  const order =
    sort === 'date' ? sql`c.publish_date desc, c.id desc` : sql`c.tier desc, c.publish_date desc, c.id desc`;

  const filtered = Object.values(f).some((v) => v !== undefined && v !== '');
  const s = await currentLexemeStats(db);
  const share = Math.min(...tokens.map((t) => s.freq.get(t) ?? 0));
  const walkRows = Math.min(WALK_ROWS, Math.ceil(s.rows * (opts.walkShare ?? 0.05)));
  // Filtered searches (one agency, one year…) take the index: the walk's estimate is of the whole catalogue.
  if (!filtered && share * s.rows >= 1.2 * cap && share * walkRows >= 1.2 * WALK_MIN) {
    const walked = await walk(db, f, text, terms, page, walkRows);
    if (walked) {
      const estimate = Math.round((walked.need / walked.lastRn) * s.rows);
      if (estimate > cap) {
        const chunk = walked.rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
        // Ranked within the page (the walk met them newest first): a title match leads its page.
        if (sort === 'relevance') chunk.sort((a, b) => b.tier - a.tier);
        return {
          ...(await withRows(
            db,
            chunk.map((r) => r.id),
          )),
          total: rounded(estimate),
          capped: true,
          terms,
        };
      }
    }
    // Fewer among the newest, or not many after all: the index is asked below, and every match counted.
  }

  const candidates = publicOnly(db, f)
    .select(['i.id', 'i.agency_id', 'i.publish_date', 'i.article_item', 'i.genre', tier.as('tier')])
    .where(sql<boolean>`i.search @@ ${tsq}::tsquery`)
    .where(matches);
  const r = await sql<{
    n: number;
    ids: string[] | null;
    facets: FacetRow[] | null;
  }>`with c as materialized (${candidates.limit(cap + 1)})
    select (select count(*)::int from c) as n,
      (select json_agg(p.id) from (select c.id from c order by ${order}
        limit ${PAGE_SIZE} offset ${(page - 1) * PAGE_SIZE}) p) as ids,
      (select json_agg(x) from (select c.agency_id::text as a, extract(year from c.publish_date)::int as y,
        c.article_item as it, c.genre as g, count(*)::int as n,
        grouping(c.agency_id, extract(year from c.publish_date), c.article_item, c.genre) as gs from c
        group by grouping sets ((c.agency_id), (extract(year from c.publish_date)), (c.article_item), (c.genre))) x)
        as facets`.execute(db);
  const row = r.rows[0]!;
  const ids = row.ids ?? [];
  if (row.n > cap) {
    const plan = await sql<{ 'QUERY PLAN': unknown }>`explain (format json) ${candidates}`.execute(db);
    const raw = plan.rows[0]?.['QUERY PLAN'];
    const doc = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan?: { 'Plan Rows'?: number } }[];
    const estimate = Math.max(cap + 1, Math.round(doc[0]?.Plan?.['Plan Rows'] ?? 0));
    return { ...(await withRows(db, ids)), total: rounded(estimate), capped: true, terms };
  }
  return { ...(await withRows(db, ids)), total: row.n, capped: false, terms, facets: facetsOf(row.facets ?? []) };
}

async function walk(
  db: Kysely<DB>,
  f: PublicFilter,
  text: RawBuilder<string>,
  terms: string[],
  page: number,
  rows: number,
) {
  const recent = publicOnly(db, f)
    .select(['i.id', text.as('search_text')])
    .select(sql<number>`row_number() over (order by i.publish_date desc, i.id desc)`.as('rn'))
    .orderBy('i.publish_date', 'desc')
    .orderBy('i.id', 'desc')
    .limit(rows);
  // Only as many matches as the page needs (and one more), newest first; the walked rows' text is a column here.
  const need = page * PAGE_SIZE + 1;
  const walkedText = sql<string>`i.search_text`;
  const walked = await db
    .selectFrom(recent.as('i'))
    .select(['i.id', 'i.rn', tierOf(walkedText, terms).as('tier')])
    .where(allTerms(walkedText, terms))
    .limit(need)
    .execute();
  if (walked.length < need) return undefined;
  return { need, lastRn: Number(walked.at(-1)!.rn), rows: walked.map((w) => ({ id: w.id, tier: Number(w.tier) })) };
}

async function withRows(db: Kysely<DB>, ids: string[]) {
  const rows = ids.length ? await pageRows(db, ids) : [];
  rows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
  return { rows };
}

interface FacetRow {
  a: string | null;
  y: number | null;
  it: string | null;
  g: string | null;
  n: number;
  /** grouping(): which of the four sets the row counts (a cleared bit is the grouped column). */
  gs: number;
}

function facetsOf(rows: FacetRow[]) {
  const out: SearchFacets = { agency: [], year: [], item: [], genre: [] };
  for (const r of rows) {
    if (r.gs === 0b0111 && r.a !== null) out.agency.push({ key: r.a, n: r.n });
    else if (r.gs === 0b1011 && r.y !== null) out.year.push({ key: String(r.y), n: r.n });
    else if (r.gs === 0b1101 && r.it !== null) out.item.push({ key: r.it, n: r.n });
    else if (r.gs === 0b1110 && r.g !== null) out.genre.push({ key: r.g, n: r.n });
  }
  for (const k of ['agency', 'item', 'genre'] as const) out[k].sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
  out.year.sort((a, b) => Number(b.key) - Number(a.key));
  return out;
}
