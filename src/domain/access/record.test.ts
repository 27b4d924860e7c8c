import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CaseStanding } from '../case/event-spec.ts';
import type { CaseEventType } from '../case/events.ts';
import type { CaseState } from '../case/states.ts';
import type { Actor, Role } from './policy.ts';
import { type CaseForPolicy, mayRecord, offeredEvents } from './record.ts';

const A = { agencyId: 'agency-a', regionPath: '620000/620600/620602' };
const B = { agencyId: 'agency-b', regionPath: '620000/620600/620602' };

function actor(role: Role, agencyId = 'agency-a'): Actor {
  const regional = role === 'supervisor' || role === 'sysadmin';
  return {
    userId: `u-${role}`,
    username: role,
    grants: [
      {
        role,
        agencyId: regional ? null : agencyId,
        regionPath: role === 'supervisor' ? '620000/620600/620602' : null,
      },
    ],
  };
}

const quiet: CaseStanding['clock'] = {
  state: 'running',
  extensionWorkdays: 0,
  consultations: [],
  correctionRequested: null,
};

function kase(state: CaseState, over: Partial<CaseForPolicy> = {}): CaseForPolicy {
  return {
    resource: A,
    rules: { approvalRequiredForDecision: false },
    state,
    extensionPending: false,
    clock: quiet,
    ...over,
  };
}

const verdict = (a: Actor | null, c: CaseForPolicy, e: CaseEventType) => {
  const v = mayRecord(a, c, e);
  return v.ok ? 'ok' : v.refusal;
};

test('an operator decides, unless the agency requires the head’s approval of decisions', () => {
  const plain = kase('in_progress');
  const strict = kase('in_progress', { rules: { approvalRequiredForDecision: true } });
  assert.equal(verdict(actor('operator'), plain, 'decided'), 'ok');
  assert.equal(verdict(actor('operator'), strict, 'decided'), 'forbidden');
  const v = mayRecord(actor('operator'), strict, 'decided');
  assert.match(v.ok ? '' : v.reason, /负责人.*本机关要求答复须经负责人批准/);
  assert.equal(verdict(actor('approver'), strict, 'decided'), 'ok');
  assert.ok(offeredEvents(actor('operator'), plain).includes('decided'));
  assert.ok(!offeredEvents(actor('operator'), strict).includes('decided'));
  assert.ok(offeredEvents(actor('approver'), strict).includes('decided'));
});

test('the head’s steps: extension, 第三十五条 delay, reopening', () => {
  for (const [e, s] of [
    ['extension_approved', 'in_progress'],
    ['delayed_reply_set', 'in_progress'],
    ['reopened', 'closed'],
  ] as const) {
    assert.equal(verdict(actor('operator'), kase(s), e), 'forbidden', e);
    assert.equal(verdict(actor('approver'), kase(s), e), 'ok', e);
  }
});

test('not visible → not_found; visible without the grant → forbidden', () => {
  assert.equal(verdict(actor('operator', 'agency-b'), kase('in_progress'), 'decided'), 'not_found');
  assert.equal(verdict(null, kase('in_progress'), 'decided'), 'not_found');
  assert.equal(verdict(actor('supervisor'), kase('in_progress', { resource: B }), 'decided'), 'forbidden');
  assert.equal(verdict(actor('reviewer'), kase('in_progress'), 'served'), 'forbidden');
  assert.deepEqual(offeredEvents(actor('supervisor'), kase('in_progress')), []);
  assert.deepEqual(offeredEvents(actor('reviewer'), kase('in_progress')), []);
});

test('the state decides what can happen, with the reason', () => {
  const v = mayRecord(actor('operator'), kase('closed'), 'served');
  assert.equal(v.ok, false);
  assert.match(v.ok ? '' : v.reason, /当前状态为“已办结”，不能送达答复/);
  assert.deepEqual(offeredEvents(actor('operator'), kase('decided')), ['served']);
  assert.equal(verdict(actor('operator'), kase('served'), 'withdrawn'), 'conflict', 'answered: nothing to withdraw');
  assert.equal(verdict(actor('operator'), kase('awaiting_payment'), 'withdrawn'), 'ok');
});

test('steps already done are not offered again', () => {
  const approver = actor('approver');
  const extended = kase('in_progress', { clock: { ...quiet, extensionWorkdays: 10 } });
  assert.equal(verdict(approver, extended, 'extension_approved'), 'conflict');
  assert.ok(!offeredEvents(approver, extended).includes('extension_approved'));
  assert.ok(!offeredEvents(approver, extended).includes('extension_requested'));
  const pending = kase('in_progress', { extensionPending: true });
  assert.ok(!offeredEvents(actor('operator'), pending).includes('extension_requested'));
  assert.ok(offeredEvents(approver, pending).includes('extension_approved'));
  const delayed = kase('in_progress', { clock: { ...quiet, state: 'delayed' } });
  assert.ok(!offeredEvents(approver, delayed).includes('delayed_reply_set'));
});

test('a consultation can be ended only while one is open', () => {
  const op = actor('operator');
  assert.ok(!offeredEvents(op, kase('in_progress')).includes('consultation_ended'));
  const open = kase('in_progress', {
    clock: {
      ...quiet,
      state: 'paused',
      consultations: [
        { party: 'third_party', started: '2026-03-03', ended: null, answerDue: '2026-03-24', pausedWorkdays: 0 },
      ],
    },
  });
  assert.ok(offeredEvents(op, open).includes('consultation_ended'));
});

test('a refused extension is a finished step: not asked for again, not approved afterwards', () => {
  const refused = kase('in_progress', { extensionRefused: true });
  assert.equal(verdict(actor('operator'), refused, 'extension_requested'), 'conflict');
  assert.equal(verdict(actor('approver'), refused, 'extension_approved'), 'conflict');
  assert.equal(verdict(actor('approver'), refused, 'extension_refused'), 'conflict', 'nothing pending');
  const pending = kase('in_progress', { extensionPending: true });
  assert.equal(verdict(actor('approver'), pending, 'extension_refused'), 'ok');
  assert.equal(verdict(actor('operator'), pending, 'extension_refused'), 'forbidden');
});
