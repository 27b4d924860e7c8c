import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig, parseEnv } from './index.ts';

test('defaults', () => {
  const e = parseEnv({});
  assert.equal(e.PORT, 3000);
  assert.equal(e.HOST, '127.0.0.1');
  assert.equal(e.GONGKAI_DATA_DIR, './data');
});

test('bad values name the variable in one line', () => {
  for (const [env, re] of [
    [{ PORT: '70000' }, /^配置错误.*PORT="70000"/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL.*postgres/],
    [{ GONGKAI_SECRET_KEY: 'abc' }, /GONGKAI_SECRET_KEY.*64/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ DATABASE_READ_URL: 'http://replica' }, /DATABASE_READ_URL.*postgres/],
    [{ PUBLIC_CACHE_SECONDS: '-1' }, /PUBLIC_CACHE_SECONDS/],
    [{ TRUST_PROXY: 'true' }, /TRUST_PROXY="true" must list proxy addresses or CIDRs/],
    [{ TRUST_PROXY: '10.0.0.5,nginx' }, /TRUST_PROXY.*"nginx" is neither/],
    [{ TRUST_PROXY: '10.0.0.0/33' }, /TRUST_PROXY.*prefix length must be 1 to 32/],
    [{ TRUST_PROXY: '0.0.0.0/0' }, /TRUST_PROXY.*trusts every address/],
    [{ TRUST_PROXY: '10.0.0.5,' }, /TRUST_PROXY/],
  ] as const) {
    assert.throws(
      () => parseEnv(env),
      (err: Error) => err instanceof ConfigError && re.test(err.message) && !err.message.includes('\n'),
    );
  }
});

test('TRUST_PROXY: off unless set; a list of addresses and CIDRs as Fastify takes it', () => {
  assert.equal(parseEnv({}).TRUST_PROXY, undefined);
  assert.deepEqual(parseEnv({ TRUST_PROXY: '127.0.0.1' }).TRUST_PROXY, ['127.0.0.1']);
  assert.deepEqual(parseEnv({ TRUST_PROXY: ' 10.0.0.5, 192.168.10.0/24,fd00::/8 ,::1,loopback' }).TRUST_PROXY, [
    '10.0.0.5',
    '192.168.10.0/24',
    'fd00::/8',
    '::1',
    'loopback',
  ]);
});

test('a read replica only with a primary', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-cfg-'));
  try {
    assert.throws(
      () => loadConfig({ GONGKAI_DATA_DIR: dir, DATABASE_READ_URL: 'postgres://r/x' }),
      (err: Error) => err instanceof ConfigError && /DATABASE_READ_URL needs DATABASE_URL/.test(err.message),
    );
    const c = loadConfig({
      GONGKAI_DATA_DIR: dir,
      DATABASE_URL: 'postgres://p/x',
      DATABASE_READ_URL: 'postgres://r/x',
    });
    assert.equal(c.databaseReadUrl, 'postgres://r/x');
    assert.equal(c.publicCacheSeconds, 5);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the secret key is generated into the data dir once, mode 0600, and reused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-cfg-'));
  try {
    const a = loadConfig({ GONGKAI_DATA_DIR: dir });
    const file = join(dir, 'secret.key');
    assert.ok(existsSync(file));
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.equal(readFileSync(file, 'utf8').trim(), a.secretKey.toString('hex'));
    const b = loadConfig({ GONGKAI_DATA_DIR: dir });
    assert.deepEqual(b.secretKey, a.secretKey);
    const c = loadConfig({ GONGKAI_DATA_DIR: dir, GONGKAI_SECRET_KEY: 'ab'.repeat(32) });
    assert.equal(c.secretKey.toString('hex'), 'ab'.repeat(32));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
