import { createHash, createHmac, hkdfSync } from 'node:crypto';
import { join } from 'node:path';
import type {
  Kysely,
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import type { Digest, Digests } from '../domain/audit/chain.ts';
import type { DB } from './schema.ts';

/** What the audit trail needs beside the database: the secret key, where checkpoints go, who gets them. */
export interface AuditSettings {
  secretKey: Buffer;
  dataDir: string;
  auditCheckpointEmail?: string | undefined;
}

export interface AuditKeys {
  /** HMAC-SM3 of each record (the chains) and of each checkpoint, under keys of their own. */
  digests: Digests;
  checkpointMac: Digest;
  checkpointDir: string;
  checkpointEmail: string | null;
}

export const sm3: Digest = (canonical) => createHash('sm3').update(canonical).digest('hex');

/** A key for one purpose, derived from the secret key (HKDF-SM3): knowing one reveals neither the others nor it. */
function subkey(secret: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sm3', secret, Buffer.alloc(0), `gongkai:${purpose}`, 32));
}

const hmacSm3 =
  (key: Buffer): Digest =>
  (canonical) =>
    createHmac('sm3', key).update(canonical).digest('hex');

/**
 * The audit keys travel with the database handle, as a Kysely plugin that changes no query: every transaction
 * and connection taken from the handle carries them, so `appendAudit(trx, …)` keys its records without an
 * argument more, and a handle opened without the secret key cannot write an audit record at all.
 */
class AuditKeysPlugin implements KyselyPlugin {
  constructor(readonly keys: AuditKeys) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

export function auditKeysPlugin(settings: AuditSettings): KyselyPlugin {
  if (settings.secretKey.length < 32) throw new Error('审计密钥派生需要 32 字节的密钥 (secret key too short)');
  return new AuditKeysPlugin({
    digests: { sm3, 'hmac-sm3': hmacSm3(subkey(settings.secretKey, 'audit-chain')) },
    checkpointMac: hmacSm3(subkey(settings.secretKey, 'audit-checkpoint')),
    checkpointDir: join(settings.dataDir, 'audit-checkpoints'),
    checkpointEmail: settings.auditCheckpointEmail ?? null,
  });
}

/**
 * The keys of a handle (or of a transaction taken from it), the latest bound winning (`db.withPlugin(…)` on a
 * handle gives other settings to that copy); refuses when the handle was opened without them.
 */
export function auditKeys(db: Kysely<DB>): AuditKeys {
  const plugin = db.getExecutor().plugins.findLast((p): p is AuditKeysPlugin => p instanceof AuditKeysPlugin);
  if (!plugin) throw new Error('审计密钥未配置：数据库连接须以密钥打开 (openDatabase with the secret key)');
  return plugin.keys;
}
