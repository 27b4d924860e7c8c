import { z } from 'zod';
import { canonicalJson, type Digest, type Expectation } from './chain.ts';

/**
 * A checkpoint: every chain's head (chain, seq, hash) at one moment, signed with HMAC-SM3 under a key derived
 * from the secret key for this purpose alone, kept as a file outside the database (and e-mailed). Checking one
 * needs the file and the key only, no database content: a chain that later disagrees with it at its seq, or is
 * shorter, was rewritten — even by someone who could recompute every hash in the database (SECURITY.md).
 */
export const CHECKPOINT_FORMAT = 'gongkai-audit-checkpoint-1' as const;

export interface CheckpointHead {
  chain: string;
  seq: number;
  hash: string;
  /** Unkeyed legacy rows at the start of this chain: 0, or the platform chain's rows from before 0014. */
  legacy: number;
  /** The agency's name, for the reader of the file; signed like the rest. */
  name?: string;
}

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

const schema = z
  .object({
    format: z.literal(CHECKPOINT_FORMAT),
    at: z.iso.datetime(),
    alg: z.literal('hmac-sm3'),
    heads: z.array(
      z
        .object({
          chain: z.string().min(1).max(100),
          seq: z.number().int().min(0),
          hash: hex64,
          legacy: z.number().int().min(0),
          name: z.string().max(500).optional(),
        })
        .strict(),
    ),
    signature: hex64,
  })
  .strict();

export type Checkpoint = z.infer<typeof schema>;

/** Signs the heads as of `at` (ISO 8601); heads are listed in chain order, so equal content signs equally. */
export function signCheckpoint(at: string, heads: CheckpointHead[], mac: Digest): Checkpoint {
  const body = {
    format: CHECKPOINT_FORMAT,
    at,
    alg: 'hmac-sm3' as const,
    heads: [...heads].sort((a, b) => (a.chain < b.chain ? -1 : a.chain > b.chain ? 1 : 0)),
  };
  return { ...body, signature: mac(canonicalJson(body)) };
}

export type CheckpointRefusal = 'unreadable' | 'wrong_format' | 'bad_signature';

export type OpenedCheckpoint = { ok: true; checkpoint: Checkpoint } | { ok: false; reason: CheckpointRefusal };

/** Reads a checkpoint file's text and checks its signature: a forged or altered checkpoint is refused. */
export function openCheckpoint(text: string, mac: Digest): OpenedCheckpoint {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'wrong_format' };
  const { signature, ...body } = parsed.data;
  if (!sameHex(mac(canonicalJson(body)), signature)) return { ok: false, reason: 'bad_signature' };
  return { ok: true, checkpoint: parsed.data };
}

export function refusalMessage(reason: CheckpointRefusal, file: string): string {
  switch (reason) {
    case 'unreadable':
      return `检查点 ${file} 无法读取（不是 JSON）`;
    case 'wrong_format':
      return `检查点 ${file} 格式不符（不是 gongkai 审计检查点，或内容被改动）`;
    case 'bad_signature':
      return `检查点 ${file} 签名无效：不是本系统签发的，或签发后被改动（也可能是用另一个密钥签发的）`;
  }
}

/** What a valid checkpoint requires of the chains: the row at each head's seq carries that hash. */
export function checkpointExpectations(cp: Checkpoint, file: string): Expectation[] {
  return cp.heads.map((h) => ({
    chain: h.chain,
    seq: h.seq,
    hash: h.hash,
    source: { checkpoint: file },
    legacy: h.legacy,
  }));
}

/** Compares two hex strings in time independent of where they differ. */
export function sameHex(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return d === 0;
}
