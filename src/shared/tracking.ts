import { createHmac } from 'node:crypto';

/** The 查询码 is kept only as this keyed hash, bound to its application number. */
export function queryCodeHash(secret: Buffer, trackingNumber: string, code: string): string {
  return createHmac('sha256', secret).update(`${trackingNumber}:${code.trim().toUpperCase()}`).digest('hex');
}
