/** Attachment types accepted on the catalogue, recognised by their content (never by the name alone). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

const starts = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);

export function detectFileType(data: Uint8Array, filename: string): { ext: string; mime: string } | null {
  const name = filename.toLowerCase();
  if (starts(data, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { ext: 'pdf', mime: 'application/pdf' };
  if (starts(data, [0x89, 0x50, 0x4e, 0x47])) return { ext: 'png', mime: 'image/png' };
  if (starts(data, [0xff, 0xd8, 0xff])) return { ext: 'jpg', mime: 'image/jpeg' };
  if (starts(data, [0xd0, 0xcf, 0x11, 0xe0])) {
    if (name.endsWith('.xls')) return { ext: 'xls', mime: 'application/vnd.ms-excel' };
    if (name.endsWith('.doc')) return { ext: 'doc', mime: 'application/msword' };
    return null;
  }
  if (starts(data, [0x50, 0x4b, 0x03, 0x04])) {
    const head = new TextDecoder('latin1').decode(data.subarray(0, Math.min(data.length, 4096)));
    if (name.endsWith('.docx') && head.includes('[Content_Types].xml'))
      return { ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
    if (name.endsWith('.xlsx') && head.includes('[Content_Types].xml'))
      return { ext: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
    if (name.endsWith('.ofd')) return { ext: 'ofd', mime: 'application/ofd' };
    return null;
  }
  return null;
}

/** Every type detectFileType recognises, as it names them (the download's Content-Type). */
export const ATTACHMENT_MIMES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.ms-excel',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/ofd',
] as const;
