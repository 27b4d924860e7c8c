import { sql } from 'kysely';
import { createRegion } from '../src/commands/agencies/create-region.ts';
import { createAgency } from '../src/commands/agencies/save-agency.ts';
import { importCatalogue } from '../src/commands/catalogue/import.ts';
import type { Database } from '../src/db/connect.ts';
import { IMPORT_COLUMNS } from '../src/domain/catalogue/index.ts';
import { completeCreditCode } from '../src/domain/credit-code.ts';
import { type Ctx, SYSTEM_ACTOR } from '../src/shared/context.ts';
import { nameTokens } from '../src/shared/name-index.ts';
import { rng } from '../src/shared/random.ts';

/** The applicants' names of the bulk applications (their tokens only: the sealed column is a stand-in). */
export const BENCH_NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨帆', '赵磊', '黄敏', '周杰', '吴霞', '欧阳明远'];

/** Deterministic synthetic data: K agencies in a region tree, N catalogue items, M applications. */
export const SUBJECTS = [
  '食品安全',
  '药品监管',
  '行政许可',
  '特种设备',
  '计量检定',
  '价格监督',
  '广告监管',
  '知识产权',
  '网络交易',
  '产品质量',
  '消费维权',
  '标准化',
  '农贸市场',
  '校园食品',
  '医疗器械',
  '化妆品',
  '电梯安全',
  '燃气安全',
  '冷链食品',
  '野生动物',
];
export const VERBS = ['专项整治', '监督抽检', '执法检查', '信息公开', '风险排查', '集中治理', '宣传培训', '质量提升'];
const KINDS = ['通知', '方案', '公告', '决定', '办法', '意见', '报告', '通报'];
const PLACES = ['凉州区', '古浪县', '民勤县', '天祝县', '武威市', '金川区', '永昌县', '甘州区', '临泽县', '高台县'];
const FILLER =
  '各有关单位：为深入贯彻落实有关法律法规和上级部署，进一步规范工作程序，提升监管效能，切实维护人民群众合法权益，现就有关事项通知如下。一、提高思想认识。二、明确工作任务。三、强化组织保障。请各单位结合实际认真贯彻执行，及时报送工作进展情况。';

export interface Agency {
  id: string;
  code: string;
  prefix: string;
}

export async function makeRegionTree(database: Database, k: number): Promise<{ root: string; agencies: Agency[] }> {
  const sys: Ctx = {
    db: database.db,
    now: () => new Date('2026-03-02T02:00:00Z'),
    actor: SYSTEM_ACTOR,
    secretKey: Buffer.alloc(32, 1),
  };
  await createRegion(sys, { code: '620000', name: '甘肃省' });
  const cities = Math.max(1, Math.round(Math.sqrt(k / 5)));
  const agencies: Agency[] = [];
  for (let c = 0; c < cities; c++) {
    const cityCode = `62${String(c + 1).padStart(2, '0')}00`;
    await createRegion(sys, { code: cityCode, name: `第${c + 1}市`, parentCode: '620000' });
    const countyCode = `62${String(c + 1).padStart(2, '0')}01`;
    await createRegion(sys, { code: countyCode, name: `第${c + 1}市第一区`, parentCode: cityCode });
  }
  for (let i = 0; i < k; i++) {
    const c = i % cities;
    const region = `62${String(c + 1).padStart(2, '0')}01`;
    const creditCode = completeCreditCode(`11${region}MB${String(100000 + i).slice(-6)}`);
    const id = await createAgency(sys, {
      name: `${PLACES[i % PLACES.length]}第${i + 1}局`,
      shortName: `第${i + 1}局`,
      creditCode,
      kind: 'department',
      regionCode: region,
      parentAgencyId: null,
      contact: { office: '办公室', address: '甘肃省', postcode: '733000', phone: '0935-0000000', hours: '工作日' },
      indexPattern: '{code}/{year}-{seq6}',
    });
    agencies.push({ id, code: creditCode, prefix: `第${i + 1}局` });
  }
  return { root: '620000', agencies };
}

/** Items through the real import path (validation, sanitising, tokenising), per agency, in chunks. */
/** `start`: items each agency already has (a later, larger size continues their 索引号). */
export async function loadItems(
  database: Database,
  agencies: Agency[],
  n: number,
  log: (s: string) => void,
  start = 0,
) {
  const sys: Ctx = {
    db: database.db,
    now: () => new Date('2026-03-02T02:00:00Z'),
    actor: SYSTEM_ACTOR,
    secretKey: Buffer.alloc(32, 1),
  };
  const r = rng(42 + start);
  const per = Math.ceil(n / agencies.length);
  const counts = agencies.map((_, ai) => Math.max(0, Math.min(per, n - per * ai)));
  const YEARS = 11;
  let done = 0;
  const started = performance.now();
  // A province's catalogue grows year by year, every agency publishing each year: rows arrive roughly in
  // publication order, as they lie on disk on a site that has run for years.
  for (let y = 0; y < YEARS; y++) {
    const year = 2015 + y;
    for (const [ai, a] of agencies.entries()) {
      const lo = Math.ceil((y * counts[ai]!) / YEARS);
      const hi = Math.ceil(((y + 1) * counts[ai]!) / YEARS);
      const rows: string[][] = [[...IMPORT_COLUMNS]];
      for (let j = lo; j < hi; j++) {
        const subject = r.pick(SUBJECTS);
        const kind = r.pick(KINDS);
        const place = PLACES[ai % PLACES.length]!;
        const docNo = `${a.prefix}发〔${year}〕${(j % 300) + 1}号`;
        const title = `${place}关于开展${year}年${subject}${r.pick(VERBS)}工作的${kind}`;
        const month = String(Math.floor(((j - lo) * 12) / (hi - lo)) + 1).padStart(2, '0');
        const day = String((j % 28) + 1).padStart(2, '0');
        rows.push([
          `${a.code}/${year}-${String(start + j + 1).padStart(6, '0')}`,
          title,
          j % 3 === 0 ? docNo : '',
          `${year}-${month}-${day}`,
          `${year}-${month}-${day}`,
          '市场监管',
          kind === '办法' ? '规范性文件' : '通知',
          `20.${(j % 15) + 1}`,
          '现行有效',
          subject,
          `<p>${title}。${FILLER}${subject}${r.pick(VERBS)}。</p>`,
        ]);
      }
      if (rows.length > 1) await importCatalogue(sys, a.id, rows);
      done += rows.length - 1;
    }
    log(`  items ${done}/${n} (${Math.round(done / ((performance.now() - started) / 1000))}/s)`);
  }
  return done;
}

/**
 * Applications in bulk SQL (the intake command, with encryption and letters, would take hours for a million):
 * the same columns the report and the queues read, spread over agencies, years, applicant types and outcomes.
 * States, outcomes and types follow `k`, the row's serial within its agency, so that every agency has each.
 */
export async function loadApplications(database: Database, agencies: Agency[], m: number, secret?: Buffer) {
  const ids = agencies.map((a) => a.id);
  // The applicant-name search tokens (keyed hashes, migration 0019) of a few names, written as intake writes them;
  // without the server's key, none (the start-up step then leaves the rows alone).
  const tokens = JSON.stringify(secret ? BENCH_NAMES.map((n) => nameTokens(secret, n)) : BENCH_NAMES.map(() => []));
  const outcomes = [
    'granted',
    'partially_granted',
    'unavailable_not_held',
    'declined_duplicate',
    'withheld_third_party',
    'other_misc',
  ];
  const types = [
    'natural_person',
    'natural_person',
    'natural_person',
    'commercial',
    'research',
    'nonprofit',
    'legal_services',
    'other_org',
  ];
  for (let off = 0; off < m; off += 100_000) {
    const count = Math.min(100_000, m - off);
    await sql`
      insert into applications (agency_id, tracking_number, query_code_hash, channel, received_date,
        receipt_basis, applicant_type, applicant_key, applicant_enc, applicant_masked, description, form, state, outcome,
        decided_date, closed_date, reply_due, flags, applicant_name_tokens)
      select (${ids}::uuid[])[1 + (g % ${ids.length})],
        'GB' || lpad(g::text, 9, '0'), 'x', 'online',
        d, '互联网', (${types}::text[])[1 + (k % ${types.length})], 'k' || (g % 50000), 'x', '{"name":"张*"}'::jsonb,
        '请公开有关信息', 'email',
        case when k % 50 = 0 then 'in_progress' else 'closed' end,
        case when k % 50 = 0 then null else (${outcomes}::text[])[1 + (k % ${outcomes.length})] end,
        case when k % 50 = 0 then null else d + 12 end,
        case when k % 50 = 0 then null else d + 15 end,
        d + 28, '[]'::jsonb,
        array(select jsonb_array_elements_text((${tokens}::jsonb) -> (g % ${BENCH_NAMES.length})))
      from (select g, g / ${ids.length} as k, date '2021-01-01' + (g % 1825) as d from generate_series(${off + 1}::int, ${off + count}::int) g) s`.execute(
      database.db,
    );
  }
  // As autovacuum leaves a table in service: statistics current, visibility map set (index-only scans).
  await sql`vacuum analyze applications`.execute(database.db);
}
