import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventForm, type FormField } from './event-form.ts';
import { CASE_EVENT_TYPES } from './events.ts';
import { DECIDABLE_OUTCOMES } from './outcomes.ts';

const byName = (fields: FormField[]) => Object.fromEntries(fields.map((f) => [f.name, f]));

test('every event has a form, its date first and required', () => {
  for (const type of CASE_EVENT_TYPES) {
    const form = eventForm(type);
    assert.equal(form[0]!.name, 'date', type);
    assert.equal(form[0]!.kind, 'date');
    assert.equal(form[0]!.required, true);
  }
  assert.deepEqual(
    eventForm('fee_paid').map((f) => f.name),
    ['date'],
  );
});

test('kinds follow the schema: long texts are text areas, enums selects with the table’s labels', () => {
  const decided = byName(eventForm('decided'));
  assert.equal(decided.outcome!.kind, 'select');
  assert.equal(decided.outcome!.required, true);
  assert.deepEqual(
    decided.outcome!.options!.map((o) => o.value),
    [...DECIDABLE_OUTCOMES],
  );
  assert.equal(decided.outcome!.options![0]!.label.zh, '予以公开');
  assert.equal(decided.outcome!.options![0]!.label.en, 'Disclosed');
  assert.equal(decided.basis!.kind, 'text');
  assert.equal(decided.reasons!.kind, 'textarea');
  assert.equal(decided.reasons!.required, false);
  assert.equal(decided.reasons!.maxLength, 5000);

  const ext = byName(eventForm('extension_approved'));
  assert.deepEqual(
    { kind: ext.workdays!.kind, min: ext.workdays!.min, max: ext.workdays!.max, integer: ext.workdays!.integer },
    { kind: 'number', min: 1, max: 20, integer: true },
  );
  assert.equal(ext.workdays!.initial, 20);
  assert.equal(byName(eventForm('delayed_reply_set')).until!.kind, 'date');
  const consult = byName(eventForm('consultation_started'));
  assert.equal(consult.party!.initial, 'third_party');
  assert.equal(consult.party!.options!.find((o) => o.value === 'agency')!.label.en, 'Other agency (Art. 34)');
  assert.equal(consult.partyName!.required, true);
});
