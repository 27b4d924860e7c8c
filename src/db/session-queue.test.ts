import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BackendStream } from './session-queue.ts';

const msg = (type: string, body: number[] = []) => {
  const len = body.length + 4;
  return [type.charCodeAt(0), len >>> 24, (len >>> 16) & 0xff, (len >>> 8) & 0xff, len & 0xff, ...body];
};
const ready = (status: 'I' | 'T' | 'E') => msg('Z', [status.charCodeAt(0)]);

test('the exchange ends at a ReadyForQuery, whatever the chunks', () => {
  // ParseComplete, BindComplete, a DataRow that happens to hold the bytes of a ReadyForQuery, CommandComplete.
  const answer = [...msg('1'), ...msg('2'), ...msg('D', [0, 1, 0, 0, 0, 6, ...ready('I')]), ...msg('C', [0x53, 0])];
  for (const cut of [1, 2, 5, 7, 13]) {
    const s = new BackendStream();
    for (let i = 0; i < answer.length; i += cut) s.push(Uint8Array.from(answer.slice(i, i + cut)));
    assert.equal(s.idle, false, `no ReadyForQuery yet (chunks of ${cut})`);
    const rest = ready('I');
    for (let i = 0; i < rest.length; i += cut) s.push(Uint8Array.from(rest.slice(i, i + cut)));
    assert.equal(s.idle, true, `chunks of ${cut}`);
  }
});

test('in a transaction, or a failed one, the session stays with the connection', () => {
  for (const status of ['T', 'E'] as const) {
    const s = new BackendStream();
    s.push(Uint8Array.from([...msg('C', [0x42, 0]), ...ready(status)]));
    assert.equal(s.status, status);
    assert.equal(s.idle, false);
  }
  const s = new BackendStream();
  s.push(Uint8Array.from(ready('I')));
  assert.equal(s.idle, true);
  // A notice after the ReadyForQuery (it can arrive unasked) does not take the turn back…
  s.push(Uint8Array.from(msg('N', [0x53, 0x41, 0, 0])));
  assert.equal(s.idle, true);
  // …the next answer's first message does.
  s.push(Uint8Array.from(msg('1')));
  assert.equal(s.idle, false);
});
