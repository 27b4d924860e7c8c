import { constants, crc32, deflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';

/** One entry of a hand-written archive: its bytes as stored, and the sizes its headers claim. */
export interface RawEntry {
  name: string;
  method: 0 | 8;
  stored: Uint8Array;
  crc: number;
  claimedSize: number;
}

/** An honest entry, DEFLATE-compressed. */
export function entry(name: string, data: Uint8Array): RawEntry {
  return { name, method: 8, stored: deflateRawSync(data), crc: crc32(data), claimedSize: data.length };
}

/**
 * `bytes` zero bytes as raw DEFLATE (~1 KB per MB) without ever holding them: what a zip bomb carries. Each
 * 16 MB step is compressed alone and ended by a sync flush (byte-aligned, no final bit), so the steps chain
 * into one stream; an empty final block closes it.
 */
export function zerosDeflated(bytes: number): Uint8Array {
  const STEP = 16 * 1024 * 1024;
  const part = (n: number) => deflateRawSync(new Uint8Array(n), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const step = part(STEP);
  const parts: Buffer[] = [];
  for (let done = 0; done < bytes; done += STEP) parts.push(bytes - done >= STEP ? step : part(bytes - done));
  parts.push(deflateRawSync(new Uint8Array(0)));
  return new Uint8Array(Buffer.concat(parts));
}

/** An archive written byte by byte: local headers, data, central directory — with whatever sizes the entries claim. */
export function writeZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.stored.length, 18);
    local.writeUInt32LE(e.claimedSize, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, Buffer.from(e.stored));
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(e.method, 10);
    c.writeUInt32LE(e.crc >>> 0, 16);
    c.writeUInt32LE(e.stored.length, 20);
    c.writeUInt32LE(e.claimedSize, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + e.stored.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * A real archive (an XLSX or DOCX) with one entry replaced by `bytes` of zeros whose headers claim 1 KB: the
 * zip bomb with lying headers of issue #23. Every other entry is kept as it was.
 */
export function bombOf(archive: Uint8Array, target: string, bytes: number): Buffer {
  const files = unzipSync(archive);
  const entries = Object.entries(files).map(([name, data]) => entry(name, data));
  const i = entries.findIndex((e) => e.name === target);
  const bomb: RawEntry = { name: target, method: 8, stored: zerosDeflated(bytes), crc: 0, claimedSize: 1024 };
  if (i < 0) entries.push(bomb);
  else entries[i] = bomb;
  return writeZip(entries);
}
