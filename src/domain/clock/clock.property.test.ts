import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { addDays, addWorkdays, buildCalendar, workdaysBetween } from '../calendar/index.ts';
import { computeClock } from './clock.ts';
import type { ClockEvent } from './types.ts';

const cal = buildCalendar();
const day0 = '2019-01-01';
const dateArb = fc.integer({ min: 0, max: 365 * 7 + 200 }).map((n) => addDays(day0, n)); // 2019 … mid-2026
const receive = (date: string, events: ClockEvent[]) =>
  computeClock({ received: { date, channel: 'in_person' }, events }, cal);

/** A closed pause of a kind, starting `offset` days after receipt and lasting `len` days. */
const pauseArb = fc.record({
  kind: fc.constantFrom('consultation', 'fee'),
  offset: fc.integer({ min: 0, max: 25 }),
  len: fc.integer({ min: 0, max: 20 }),
});
function pauseEvents(received: string, p: { kind: string; offset: number; len: number }): ClockEvent[] {
  const from = addDays(received, p.offset);
  const to = addDays(from, p.len);
  return p.kind === 'fee'
    ? [
        { type: 'fee_notice_sent', date: from },
        { type: 'fee_paid', date: to },
      ]
    : [
        { type: 'consultation_started', date: from, party: 'third_party' },
        { type: 'consultation_ended', date: to },
      ];
}

test('the due date never moves earlier when a pause or an extension is added', () => {
  fc.assert(
    fc.property(dateArb, pauseArb, fc.integer({ min: 1, max: 20 }), (received, pause, ext) => {
      const plain = receive(received, []).replyDue!;
      const paused = receive(received, pauseEvents(received, pause)).replyDue!;
      const extended = receive(received, [
        ...pauseEvents(received, pause),
        { type: 'extension_approved', date: received, workdays: ext },
      ]).replyDue!;
      return paused >= plain && extended >= paused;
    }),
    { numRuns: 500 },
  );
});

test('pausing k working days before the due date moves it by exactly k working days', () => {
  fc.assert(
    fc.property(dateArb, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 15 }), (received, offset, len) => {
      const plain = receive(received, []).replyDue!;
      const from = addDays(received, offset);
      const to = addDays(from, len);
      fc.pre(to <= plain); // the whole pause lies before the original due date
      const k = workdaysBetween(cal, from, to).length;
      const paused = receive(received, [
        { type: 'consultation_started', date: from, party: 'agency' },
        { type: 'consultation_ended', date: to },
      ]).replyDue!;
      assert.equal(paused, addWorkdays(cal, plain, k).date);
    }),
    { numRuns: 500 },
  );
});

test('the result does not depend on the order of independent pauses', () => {
  fc.assert(
    fc.property(dateArb, pauseArb, pauseArb, fc.boolean(), (received, a, b, reversed) => {
      fc.pre(a.kind !== b.kind); // independent: one consultation and one fee notice
      const ea = pauseEvents(received, a);
      const eb = pauseEvents(received, b);
      const one = receive(received, [...ea, ...eb]);
      const other = receive(received, reversed ? [...eb, ...ea].reverse() : [...eb, ...ea]);
      assert.equal(one.replyDue, other.replyDue);
      assert.equal(one.pausedWorkdays, other.pausedWorkdays);
    }),
    { numRuns: 500 },
  );
});

test('an extension of n working days moves the due date by exactly n working days', () => {
  fc.assert(
    fc.property(dateArb, fc.integer({ min: 1, max: 20 }), (received, n) => {
      const plain = receive(received, []).replyDue!;
      const ext = receive(received, [{ type: 'extension_approved', date: received, workdays: n }]).replyDue!;
      assert.equal(ext, addWorkdays(cal, plain, n).date);
    }),
    { numRuns: 300 },
  );
});
