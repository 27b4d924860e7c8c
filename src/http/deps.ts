import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { PublicChanges } from '../db/public-changes.ts';
import type { ReadHealth } from '../db/read-router.ts';
import type { DB } from '../db/schema.ts';
import type { SiteIdentity } from './pages/site-identity.ts';

/** What the HTTP layer needs from the outside world; tests pass a fixed clock. */
export interface AppDeps {
  db: Kysely<DB>;
  now: () => Date;
  secretKey: Buffer;
  /** Serve cookies with `Secure` and send HSTS: only when the public URL is https. */
  https: boolean;
  dbKind: 'embedded' | 'postgres';
  /** Uploaded files and generated documents. */
  dataDir: string;
  logger?: Logger | false;
  /** Portal pages and search read here: a read replica (`DATABASE_READ_URL`), else `db`. */
  readDb?: Kysely<DB>;
  /** Where portal reads go now and how the replica is (read-router.ts): `/readyz` reports it. */
  readHealth?: () => ReadHealth;
  /** How long a rendered public page is reused for anonymous visitors; 0 (the default) renders every time. */
  publicCacheSeconds?: number;
  /** What changed on the portal, heard from the database (db/public-changes.ts): the cache needs it. */
  publicChanges?: PublicChanges;
  /** Proxies whose X-Forwarded-For is believed (addresses or CIDRs, `TRUST_PROXY`); none by default. */
  trustProxy?: string[];
  /** URLs per sitemap file (at most and by default 50,000, sitemaps.org); tests make it small. */
  sitemapUrlsPerFile?: number;
  /** The portal footer's site identity (config SITE_*); what is unset comes from the government agency. */
  site?: SiteIdentity;
}
