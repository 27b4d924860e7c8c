import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Digest } from '../domain/audit/chain.ts';
import { type Checkpoint, openCheckpoint, refusalMessage } from '../domain/audit/checkpoint.ts';

/** A checkpoint file as verification used it: valid (its signature holds) or refused, with why. */
export interface CheckpointStatus {
  file: string;
  at: string | null;
  chains: number;
  valid: boolean;
  message: string | null;
}

export interface LoadedCheckpoint {
  status: CheckpointStatus;
  checkpoint: Checkpoint | null;
}

/** Reads and checks one checkpoint file; `label` names it in messages (the file name, or the path given). */
export function readCheckpointFile(path: string, label: string, mac: Digest): LoadedCheckpoint {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return {
      status: { file: label, at: null, chains: 0, valid: false, message: `检查点文件无法打开：${label}` },
      checkpoint: null,
    };
  }
  const opened = openCheckpoint(text, mac);
  if (!opened.ok)
    return {
      status: { file: label, at: null, chains: 0, valid: false, message: refusalMessage(opened.reason, label) },
      checkpoint: null,
    };
  const cp = opened.checkpoint;
  return { status: { file: label, at: cp.at, chains: cp.heads.length, valid: true, message: null }, checkpoint: cp };
}

/**
 * The newest valid checkpoint of the directory (file names sort by time), and every file newer than it that
 * was refused: a forged or damaged newest file is reported, and the last good one still checks the chains.
 */
export function readNewestCheckpoint(
  dir: string,
  mac: Digest,
): { valid: LoadedCheckpoint | null; refused: CheckpointStatus[] } {
  const refused: CheckpointStatus[] = [];
  if (!existsSync(dir)) return { valid: null, refused };
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .reverse();
  for (const f of files) {
    const loaded = readCheckpointFile(join(dir, f), f, mac);
    if (loaded.checkpoint) return { valid: loaded, refused };
    refused.push(loaded.status);
  }
  return { valid: null, refused };
}

/**
 * Writes a checkpoint as a new file (mode 0600, never overwriting one): `2026-03-02T02-00-00.000Z.json`, and
 * `…Z~01.json` for a second one in the same millisecond (sorting after the first).
 */
export function writeCheckpointFile(dir: string, cp: Checkpoint): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stem = cp.at.replace(/:/g, '-');
  const text = `${JSON.stringify(cp, null, 2)}\n`;
  for (let n = 0; ; n++) {
    const path = join(dir, `${stem}${n ? `~${String(n).padStart(2, '0')}` : ''}.json`);
    try {
      writeFileSync(path, text, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST' && n < 100) continue;
      throw err;
    }
    chmodSync(path, 0o600); // whatever the umask
    return path;
  }
}
