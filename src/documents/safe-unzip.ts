import { Inflate } from 'fflate';

/** What an archive may expand to. Declared sizes can only make it refuse earlier; real output bytes decide. */
export interface UnzipLimits {
  /** Entries in the central directory (all of them, read or not). */
  maxEntries: number;
  /** Real inflated bytes of one entry. */
  maxEntryBytes: number;
  /** Real inflated bytes of every entry read, together. */
  maxTotalBytes: number;
  /** Inflated ÷ compressed bytes consumed so far, once an entry has put out more than RATIO_FLOOR bytes. */
  maxRatio: number;
}

export type ZipRefusal = 'entries' | 'size' | 'ratio' | 'corrupt' | 'unsupported';

/** An archive refused before (or while) expanding it, with the reason and a Chinese message. */
export class ZipRefusedError extends Error {
  constructor(
    readonly reason: ZipRefusal,
    message: string,
  ) {
    super(message);
  }
}

/** Small entries may compress far better than a bomb-size ratio (styles, empty sheets): the ratio counts past 1 MB. */
export const RATIO_FLOOR = 1024 * 1024;
/** Compressed bytes fed to the inflater at a time: one push puts out at most ~1032× this (DEFLATE's maximum). */
const CHUNK = 8 * 1024;

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
const refuse = {
  entries: (max: number) => new ZipRefusedError('entries', `压缩包内文件过多（超过 ${max} 个），拒绝处理`),
  size: (max: number) => new ZipRefusedError('size', `文件解压后过大（超过 ${mb(max)}），拒绝处理`),
  ratio: (max: number) => new ZipRefusedError('ratio', `文件压缩比异常（超过 ${max} 倍），疑似“压缩炸弹”，拒绝处理`),
  corrupt: (what: string) => new ZipRefusedError('corrupt', `文件已损坏或不是有效的压缩包（${what}）`),
  unsupported: (what: string) => new ZipRefusedError('unsupported', `压缩包使用了不支持的格式（${what}）`),
};

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const u16 = (d: Uint8Array, i: number) => d[i]! | (d[i + 1]! << 8);
const u32 = (d: Uint8Array, i: number) => (d[i]! | (d[i + 1]! << 8) | (d[i + 2]! << 16) | (d[i + 3]! << 24)) >>> 0;
const u64 = (d: Uint8Array, i: number) => u32(d, i) + u32(d, i + 4) * 2 ** 32;

/** The central directory: which entries the archive has, as every library that opens it by its directory sees them. */
function directory(data: Uint8Array, maxEntries: number): Entry[] {
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (u32(data, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw refuse.corrupt('缺少目录');
  let count = u16(data, eocd + 10);
  let offset = u32(data, eocd + 16);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && u32(data, eocd - 20) === 0x07064b50) {
    const z = u64(data, eocd - 12);
    if (z + 56 > data.length || u32(data, z) !== 0x06064b50) throw refuse.corrupt('ZIP64 目录');
    count = u64(data, z + 32);
    offset = u64(data, z + 48);
  }
  if (count > maxEntries) throw refuse.entries(maxEntries);
  const entries: Entry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > data.length || u32(data, p) !== 0x02014b50) throw refuse.corrupt('目录项');
    const nameLen = u16(data, p + 28);
    const extraLen = u16(data, p + 30);
    const e: Entry = {
      flags: u16(data, p + 8),
      method: u16(data, p + 10),
      compressedSize: u32(data, p + 20),
      size: u32(data, p + 24),
      localOffset: u32(data, p + 42),
      name: new TextDecoder().decode(data.subarray(p + 46, p + 46 + nameLen)),
    };
    // ZIP64: the 32-bit fields that are all ones are in the extra field 0x0001, in this order.
    for (let x = p + 46 + nameLen; x + 4 <= p + 46 + nameLen + extraLen; x += 4 + u16(data, x + 2)) {
      if (u16(data, x) !== 1) continue;
      let f = x + 4;
      for (const k of ['size', 'compressedSize', 'localOffset'] as const) {
        if (e[k] !== 0xffffffff) continue;
        e[k] = u64(data, f);
        f += 8;
      }
    }
    entries.push(e);
    p += 46 + nameLen + extraLen + u16(data, p + 32);
  }
  return entries;
}

/** One entry inflated, counting the bytes it really puts out (never what its headers say). */
function inflateEntry(data: Uint8Array, e: Entry, limits: UnzipLimits, budget: number): Uint8Array {
  if (e.flags & 1) throw refuse.unsupported('加密');
  const at = e.localOffset;
  if (at + 30 > data.length || u32(data, at) !== 0x04034b50) throw refuse.corrupt(e.name);
  const start = at + 30 + u16(data, at + 26) + u16(data, at + 28);
  if (start + e.compressedSize > data.length) throw refuse.corrupt(e.name);
  const compressed = data.subarray(start, start + e.compressedSize);
  const cap = Math.min(limits.maxEntryBytes, budget);
  if (e.method === 0) {
    if (compressed.length > cap) throw refuse.size(cap === budget ? limits.maxTotalBytes : limits.maxEntryBytes);
    return compressed;
  }
  if (e.method !== 8) throw refuse.unsupported(`压缩方法 ${e.method}`);
  const chunks: Uint8Array[] = [];
  let out = 0;
  let consumed = 0;
  const inflater = new Inflate((chunk) => {
    out += chunk.length;
    if (out > cap) throw refuse.size(cap === budget ? limits.maxTotalBytes : limits.maxEntryBytes);
    if (out > RATIO_FLOOR && out > limits.maxRatio * consumed) throw refuse.ratio(limits.maxRatio);
    if (chunk.length) chunks.push(chunk);
  });
  try {
    for (let i = 0; i < compressed.length || i === 0; i += CHUNK) {
      const piece = compressed.subarray(i, i + CHUNK);
      consumed += piece.length;
      inflater.push(piece, i + CHUNK >= compressed.length);
    }
  } catch (err) {
    if (err instanceof ZipRefusedError) throw err;
    throw refuse.corrupt(e.name);
  }
  if (chunks.length === 1) return chunks[0]!;
  const whole = new Uint8Array(out);
  let o = 0;
  for (const c of chunks) {
    whole.set(c, o);
    o += c.length;
  }
  return whole;
}

/**
 * A ZIP archive (XLSX, DOCX) expanded under hard limits, whatever its headers claim: the entries of its central
 * directory (the ones `want` picks), each inflated by fflate's streaming Inflate in small pieces while its real
 * output is counted, per entry, in total and against the bytes consumed (the ratio). A bomb is refused after a
 * few megabytes, not after it has filled the memory. Refusals are ZipRefusedError, in Chinese.
 */
export function safeUnzip(
  data: Uint8Array,
  limits: UnzipLimits,
  want: (name: string) => boolean = () => true,
): Record<string, Uint8Array> {
  const entries = directory(data, limits.maxEntries);
  const picked = entries.filter((e) => !e.name.endsWith('/') && want(e.name));
  const declared = picked.reduce((s, e) => s + e.size, 0);
  if (picked.some((e) => e.size > limits.maxEntryBytes)) throw refuse.size(limits.maxEntryBytes);
  if (declared > limits.maxTotalBytes) throw refuse.size(limits.maxTotalBytes);
  const files: Record<string, Uint8Array> = {};
  let total = 0;
  for (const e of picked) {
    const bytes = inflateEntry(data, e, limits, limits.maxTotalBytes - total);
    total += bytes.length;
    files[e.name] = bytes;
  }
  return files;
}
