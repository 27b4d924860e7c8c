import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Personal data at rest (个人信息保护法): AES-256-GCM with a key derived from the secret key; an HMAC
 * "applicant key" finds the same applicant without storing the ID number in clear.
 */
function subkey(secret: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), `gongkai:${purpose}`, 32));
}

export function encrypt(secret: Buffer, value: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', subkey(secret, 'pii'), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return `v1.${iv.toString('base64')}.${cipher.getAuthTag().toString('base64')}.${data.toString('base64')}`;
}

export function decrypt<T>(secret: Buffer, sealed: string): T {
  const [v, iv, tag, data] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || !data) throw new Error('unknown encryption format');
  const decipher = createDecipheriv('aes-256-gcm', subkey(secret, 'pii'), Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return JSON.parse(
    Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8'),
  ) as T;
}

/**
 * The secret key of this process, for what is sealed where no Ctx is at hand: the mail outbox is written by
 * commands and by scheduled jobs alike (`enqueueMail(trx, msg)`) and opened by the mailer. A process has one
 * secret key (GONGKAI_SECRET_KEY or data/secret.key); the start-up step binds it before anything is served
 * (`preparePersonalData`). Unbound, sealing refuses: nothing personal is ever written in clear instead.
 */
let processKey: Buffer | undefined;

export function bindProcessKey(secret: Buffer): void {
  if (secret.length < 32) throw new Error('secret key too short');
  processKey = secret;
}

export function boundProcessKey(): Buffer {
  if (!processKey) throw new Error('personal data key not bound: run preparePersonalData at start');
  return processKey;
}

/** A keyed digest that finds equal values without storing them (dedupe keys that name an e-mail address). */
export function keyedDigest(secret: Buffer, purpose: string, value: string): string {
  return createHmac('sha256', subkey(secret, purpose)).update(value).digest('hex');
}

export function applicantKey(secret: Buffer, identifier: string): string {
  return createHmac('sha256', subkey(secret, 'applicant')).update(identifier.trim().toUpperCase()).digest('hex');
}

/** 张三 → 张*; 王小明 → 王**; 欧阳娜娜 → 欧***. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** Keeps the first 3 and last 4 characters: 620602********1234. */
export function maskId(id: string): string {
  const s = id.trim();
  if (s.length <= 7) return '*'.repeat(s.length);
  return s.slice(0, 3) + '*'.repeat(s.length - 7) + s.slice(-4);
}

export function maskPhone(phone: string): string {
  const digits = phone.trim();
  if (digits.length < 7) return '*'.repeat(digits.length);
  return digits.slice(0, 3) + '****' + digits.slice(-4);
}

export function maskEmail(email: string): string {
  const [user, domain] = email.split('@');
  if (!user || !domain) return '***';
  return `${user[0]}***@${domain}`;
}

/** Keeps the beginning (province, city), masks the rest: 甘肃省武威市凉州区东大街1号 → 甘肃省武威市***. */
export function maskAddress(address: string): string {
  const chars = [...address.trim()];
  if (chars.length === 0) return '';
  return chars.slice(0, Math.min(6, Math.floor(chars.length / 2))).join('') + '***';
}

/** Every e-mail address in a text masked (an SMTP error names its recipient: "550 <guo@…> unknown"). */
export function maskEmailsIn(text: string): string {
  return text.replace(/[^\s<>"'(),;:@]+@[^\s<>"'(),;:@]+\.[^\s<>"'(),;:@]+/g, (a) => maskEmail(a));
}
