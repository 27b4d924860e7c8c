import assert from 'node:assert/strict';
import { test } from 'node:test';
import { APPLICANT_STEPS, applicantTimeline } from './applicant-timeline.ts';
import { CASE_EVENT_TYPES, CASE_EVENTS } from './events.ts';

test('every event the applicant is notified of is a step of the timeline', () => {
  const notified = CASE_EVENT_TYPES.filter((k) => (CASE_EVENTS[k] as { notice?: string }).notice);
  assert.ok(notified.length >= 5);
  assert.deepEqual(
    notified.filter((k) => !(k in APPLICANT_STEPS)),
    [],
  );
});

test('staff-only events and every event datum stay off the timeline', () => {
  const steps = applicantTimeline([
    { type: 'registered', date: '2026-03-02' },
    { type: 'consultation_started', date: '2026-03-03' },
    { type: 'extension_requested', date: '2026-03-20' },
    { type: 'extension_refused', date: '2026-03-21' },
    { type: 'decided', date: '2026-03-25' },
  ]);
  assert.deepEqual(
    steps.map((s) => [s.type, s.date, s.label]),
    [
      ['registered', '2026-03-02', '收到申请'],
      ['decided', '2026-03-25', '作出答复'],
    ],
  );
  assert.deepEqual(Object.keys(steps[0]!).sort(), ['date', 'label', 'labelEn', 'type']);
});
