import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientAddress } from './rate-limits.ts';

test('a client is its IPv4 address, also IPv4-mapped; an IPv6 client is its /64', () => {
  assert.equal(clientAddress('203.0.113.7'), '203.0.113.7');
  assert.equal(clientAddress('::ffff:203.0.113.7'), '203.0.113.7');
  assert.equal(clientAddress('2001:db8:1:2:aaaa:bbbb:cccc:dddd'), '2001:db8:1:2::/64');
  // Every address of one /64 is one client, however it is written.
  assert.equal(clientAddress('2001:0db8:0001:0002::1'), '2001:db8:1:2::/64');
  assert.equal(clientAddress('2001:db8:1:2::ffff:1.2.3.4'), '2001:db8:1:2::/64');
  assert.equal(clientAddress('fe80::1%eth0'), 'fe80:0:0:0::/64');
  assert.equal(clientAddress('::1'), '0:0:0:0::/64');
  assert.notEqual(clientAddress('2001:db8:1:3::1'), clientAddress('2001:db8:1:2::1'));
  // Not an address: kept as is (never merged with another).
  assert.equal(clientAddress('1:2:3'), '1:2:3');
  assert.equal(clientAddress('1::2::3'), '1::2::3');
});
