import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import chineseDays from 'chinese-days';
import { addDays, addWorkdays, buildCalendar, workdaysBetween } from '../calendar/index.ts';
import { OFFICIAL_DAYS } from '../calendar/official-data.ts';
import { computeClock } from './clock.ts';
import { disclosureDue } from './disclosure.ts';
import { deadlineStatus } from './status.ts';
import { type Channel, type ClockEvent, ClockInputError } from './types.ts';

const cal = buildCalendar();
const run = (date: string, events: ClockEvent[] = [], channel: Channel = 'online') =>
  computeClock({ received: { date, channel }, events }, cal);

describe('named edge cases', () => {
  test('the 2020 Spring Festival extension: received 2020-01-20 → due 2020-02-25', () => {
    const r = run('2020-01-20');
    assert.equal(r.replyDue, '2020-02-25');
    assert.equal(r.correctionNoticeDue, '2020-02-06');
    assert.equal(
      r.trace[0]!.text,
      '收到申请 2020-01-20（第三十一条：通过互联网渠道提交的，以双方确认之日为收到申请之日）',
    );
    assert.match(r.trace.at(-1)!.text, /^答复期限 2020-02-25（第三十三条：收到申请之日起20个工作日）$/);
  });

  test('2024 National Day with its two make-up Sundays/Saturdays: 2024-09-27 → 2024-10-30', () => {
    assert.equal(run('2024-09-27').replyDue, '2024-10-30');
  });

  test('each holiday period of 2019–2026: receipt on the eve, on the first day, and the day after', () => {
    for (const [year, { holidays }] of Object.entries(OFFICIAL_DAYS)) {
      const starts = holidays
        .map((h) => `${year}-${h.slice(0, 5)}`)
        .filter((d) => !holidays.some((h) => `${year}-${h.slice(0, 5)}` === addDays(d, -1)));
      for (const start of starts) {
        for (const received of [addDays(start, -1), start, addDays(start, 1)]) {
          assert.equal(run(received).replyDue, chineseDays.findWorkday(20, received), `received ${received}`);
          assert.equal(run(received).correctionNoticeDue, chineseDays.findWorkday(7, received), `补正 ${received}`);
        }
      }
    }
  });

  test('a trigger on a rest day counts from the next working day', () => {
    // Saturday 2026-03-07: the 1st working day after is Monday 03-09; 20th is 2026-04-03.
    assert.equal(run('2026-03-07', [], 'post').replyDue, addWorkdays(cal, '2026-03-08', 20).date);
    assert.equal(run('2026-03-07').replyDue, '2026-04-03');
  });

  test('year end: received 2025-12-15 → due in January 2026 across 元旦', () => {
    // 2026-01-01..03 off, 01-04 (Sunday) a make-up working day.
    assert.equal(run('2025-12-15').replyDue, chineseDays.findWorkday(20, '2025-12-15'));
    assert.equal(run('2025-12-15').replyDue, '2026-01-13');
  });

  test('补正: the reply period counts from the corrected application', () => {
    const r = run('2021-03-01', [
      { type: 'correction_requested', date: '2021-03-05' },
      { type: 'correction_received', date: '2021-03-20' },
    ]);
    assert.equal(r.correctionNoticeDue, '2021-03-10');
    assert.equal(r.replyBase, '2021-03-20');
    assert.equal(r.replyDue, addWorkdays(cal, '2021-03-20', 20).date);
    assert.equal(r.replyDue, '2021-04-19'); // 清明 2021-04-03..05 off
  });

  test('waiting for a correction: no reply due yet', () => {
    const r = run('2021-03-01', [{ type: 'correction_requested', date: '2021-03-05' }]);
    assert.equal(r.state, 'waiting_correction');
    assert.equal(r.replyDue, null);
  });

  test('a late 补正 notice is warned about', () => {
    const r = run('2021-03-01', [{ type: 'correction_requested', date: '2021-03-15' }]);
    assert.match(r.warnings[0]!, /晚于法定告知期限 2021-03-10/);
  });

  test('a consultation pauses the clock for the working days after it was sent up to and including its end', () => {
    const r = run('2026-03-02', [
      { type: 'consultation_started', date: '2026-03-04', party: 'third_party' },
      { type: 'consultation_ended', date: '2026-03-10' },
    ]);
    // Paused: 03-05, 03-06, 03-09, 03-10 = 4 working days.
    assert.equal(r.pausedWorkdays, 4);
    assert.equal(r.replyDue, addWorkdays(cal, run('2026-03-02').replyDue!, 4).date);
    assert.equal(r.consultations[0]!.answerDue, addWorkdays(cal, '2026-03-04', 15).date);
  });

  test('a pause across a holiday counts only its working days', () => {
    // Consultation from 2026-02-12 to 2026-02-25 spans the Spring Festival (02-15..23 off, 02-14 a working Saturday).
    const r = run('2026-02-02', [
      { type: 'consultation_started', date: '2026-02-12', party: 'agency' },
      { type: 'consultation_ended', date: '2026-02-25' },
    ]);
    assert.deepEqual(workdaysBetween(cal, '2026-02-12', '2026-02-25'), [
      '2026-02-13',
      '2026-02-14',
      '2026-02-24',
      '2026-02-25',
    ]);
    assert.equal(r.pausedWorkdays, 4);
  });

  test('an open consultation leaves the reply date open, with the answer window running', () => {
    const r = run('2026-03-02', [{ type: 'consultation_started', date: '2026-03-04', party: 'third_party' }]);
    assert.equal(r.state, 'paused');
    assert.equal(r.replyDue, null);
    assert.equal(r.thirdPartyAnswerDue, addWorkdays(cal, '2026-03-04', 15).date);
  });

  test('fee notice until payment is not counted; payment due 20 working days after the notice', () => {
    const open = run('2026-03-02', [{ type: 'fee_notice_sent', date: '2026-03-03', amount: 200 }]);
    assert.equal(open.feePaymentDue, addWorkdays(cal, '2026-03-03', 20).date);
    const paid = run('2026-03-02', [
      { type: 'fee_notice_sent', date: '2026-03-03', amount: 200 },
      { type: 'fee_paid', date: '2026-03-06' },
    ]);
    assert.equal(paid.replyDue, addWorkdays(cal, run('2026-03-02').replyDue!, 3).date);
  });

  test('extension after a 补正 adds its working days to the corrected period', () => {
    const r = run('2021-03-01', [
      { type: 'correction_requested', date: '2021-03-05' },
      { type: 'correction_received', date: '2021-03-20' },
      { type: 'extension_approved', date: '2021-04-15', workdays: 20 },
    ]);
    assert.equal(r.replyDue, addWorkdays(cal, '2021-03-20', 40).date);
    assert.equal(r.extensionWorkdays, 20);
    assert.ok(r.trace.some((s) => s.article === '第三十三条第一款' && /延长答复期限 20 个工作日/.test(s.text)));
  });

  test('§35: a date set by the agency', () => {
    const r = run('2026-03-02', [{ type: 'delayed_reply_set', date: '2026-03-10', until: '2026-06-30' }]);
    assert.equal(r.state, 'delayed');
    assert.equal(r.replyDue, '2026-06-30');
  });

  test('a deadline running into 2027 is provisional, in the result and its trace', () => {
    const r = run('2026-12-10');
    assert.equal(r.provisional, true);
    assert.match(r.trace.at(-1)!.text, /2027年的节假日安排尚未录入/);
    assert.equal(run('2026-11-02').provisional, false);
  });

  test('§26: proactive disclosure due 20 working days after the information was formed', () => {
    assert.equal(disclosureDue(cal, '2020-01-20').due, '2020-02-25');
  });
});

describe('invalid input is refused with the reason', () => {
  const cases: [string, unknown, RegExp][] = [
    ['a date that does not exist', { received: { date: '2021-02-30', channel: 'online' }, events: [] }, /不是有效日期/],
    [
      'an event before receipt',
      { received: { date: '2021-03-01', channel: 'online' }, events: [{ type: 'fee_paid', date: '2021-02-01' }] },
      /早于收到申请日期/,
    ],
    [
      'an ended without a started',
      {
        received: { date: '2021-03-01', channel: 'online' },
        events: [{ type: 'consultation_ended', date: '2021-03-05' }],
      },
      /没有未结束的征求意见/,
    ],
    [
      'an extension over 20',
      {
        received: { date: '2021-03-01', channel: 'online' },
        events: [{ type: 'extension_approved', date: '2021-03-05', workdays: 21 }],
      },
      /最长20个工作日/,
    ],
    [
      'two extensions over 20',
      {
        received: { date: '2021-03-01', channel: 'online' },
        events: [
          { type: 'extension_approved', date: '2021-03-05', workdays: 15 },
          { type: 'extension_approved', date: '2021-03-06', workdays: 10 },
        ],
      },
      /合计 25 个工作日/,
    ],
    ['an unknown channel', { received: { date: '2021-03-01', channel: 'pigeon' }, events: [] }, /申请渠道/],
    [
      'an unknown event',
      { received: { date: '2021-03-01', channel: 'online' }, events: [{ type: 'lunch', date: '2021-03-02' }] },
      /未知事件类型/,
    ],
    [
      'a second 补正',
      {
        received: { date: '2021-03-01', channel: 'online' },
        events: [
          { type: 'correction_requested', date: '2021-03-02' },
          { type: 'correction_requested', date: '2021-03-03' },
        ],
      },
      /一次性告知/,
    ],
  ];
  for (const [name, input, re] of cases) {
    test(name, () => {
      assert.throws(
        () => computeClock(input as never, cal),
        (e: Error) => e instanceof ClockInputError && re.test(e.message),
      );
    });
  }
});

test('deadline status: due soon within 5 working days, overdue after', () => {
  assert.equal(deadlineStatus(cal, '2026-03-13', '2026-03-02').status, 'ok');
  assert.equal(deadlineStatus(cal, '2026-03-06', '2026-03-02').status, 'due_soon');
  assert.equal(deadlineStatus(cal, '2026-03-06', '2026-03-06').status, 'due_today');
  assert.deepEqual(deadlineStatus(cal, '2026-03-06', '2026-03-09'), {
    due: '2026-03-06',
    daysLeft: -1,
    status: 'overdue',
    overdue: true,
  });
});
