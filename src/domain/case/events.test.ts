import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { z } from 'zod';
import { addWorkdays, buildCalendar } from '../calendar/index.ts';
import { CLOCK_EVENT_TYPES, type ClockResult, computeClock } from '../clock/index.ts';
import { AppError } from '../errors.ts';
import { caseEventInput } from './event-input.ts';
import { EFFECTS, type Effect } from './event-spec.ts';
import { clockEvents, eventLabel, eventSpec } from './event-views.ts';
import { CASE_EVENT_TYPES, CASE_EVENTS, CORRECTION_RESPONSE_WORKDAYS } from './events.ts';
import { DECIDABLE_OUTCOMES } from './outcomes.ts';

const cal = buildCalendar();
const clockOf = (events: { type: string; date: string; data: unknown }[], received = '2026-03-02') =>
  computeClock({ received: { date: received, channel: 'online' }, events: clockEvents(events) }, cal);

const unwrap = (s: z.ZodType): z.ZodType => (s instanceof z.ZodOptional ? unwrap(s.unwrap() as z.ZodType) : s);

describe('the table', () => {
  test('one row per event type, its input naming the same type', () => {
    assert.deepEqual(Object.keys(CASE_EVENTS).sort(), [...CASE_EVENT_TYPES].sort());
    for (const k of CASE_EVENT_TYPES) {
      const literal = CASE_EVENTS[k].input.shape.type;
      assert.ok(literal instanceof z.ZodLiteral);
      assert.equal(literal.value, k);
    }
  });

  test('every field of every input has its wording, and every enum value its label, in Chinese and English', () => {
    for (const k of CASE_EVENT_TYPES) {
      const spec = eventSpec(k);
      const keys = Object.keys(spec.input.shape).filter((f) => f !== 'type' && f !== 'date');
      assert.deepEqual(Object.keys(spec.fields).sort(), keys.sort(), k);
      assert.ok(spec.label.zh && spec.label.en, k);
      for (const f of keys) {
        const field = spec.fields[f]!;
        assert.ok(field.label.zh && field.label.en, `${k}.${f}`);
        const schema = unwrap(spec.input.shape[f] as z.ZodType);
        if (schema instanceof z.ZodEnum) {
          assert.deepEqual(
            Object.keys(field.options ?? {}).sort(),
            [...schema.options].map(String).sort(),
            `${k}.${f}`,
          );
          for (const o of Object.values(field.options ?? {})) assert.ok(o.zh && o.en, `${k}.${f}`);
        } else assert.equal(field.options, undefined, `${k}.${f}: options only for enums`);
      }
    }
  });

  test('every clock event comes from the case event of its name, and only from it', () => {
    const data = { party: 'agency', amount: 100, workdays: 5, until: '2026-04-30' };
    for (const k of CASE_EVENT_TYPES) {
      const mapped = CASE_EVENTS[k] as { clock?: (d: string, data: Record<string, unknown>) => { type: string } };
      if ((CLOCK_EVENT_TYPES as readonly string[]).includes(k))
        assert.equal(mapped.clock?.('2026-03-03', data).type, k);
      else assert.equal(mapped.clock, undefined, `${k} does not move the clock`);
    }
    assert.deepEqual(clockEvents([{ type: 'registered', date: '2026-03-02', data: {} }]), []);
  });

  test('an ended consultation keeps its party, so ending one of two open consultations ends that one', () => {
    const events = [
      { type: 'consultation_started', date: '2026-03-03', data: { party: 'agency', partyName: '区教育局' } },
      { type: 'consultation_started', date: '2026-03-04', data: { party: 'third_party', partyName: '某公司' } },
      { type: 'consultation_ended', date: '2026-03-05', data: { party: 'agency' } },
    ];
    assert.deepEqual(clockEvents(events.slice(2)), [
      { type: 'consultation_ended', date: '2026-03-05', party: 'agency' },
    ]);
    const clock = clockOf(events);
    assert.equal(clock.consultations.find((c) => c.party === 'agency')!.ended, '2026-03-05');
    assert.equal(clock.consultations.find((c) => c.party === 'third_party')!.ended, null);
  });

  test('each effect belongs to the one event whose input the command reads for it', () => {
    const owners: Record<Effect, string> = {
      decision: 'decided',
      reopen: 'reopened',
      extension_requested: 'extension_requested',
      extension_settled: 'extension_approved',
      extension_refused: 'extension_refused',
      fee_notice: 'fee_notice_sent',
      fee_paid: 'fee_paid',
    };
    for (const e of EFFECTS) {
      assert.deepEqual(
        CASE_EVENT_TYPES.filter((k) => eventSpec(k).effect === e),
        [owners[e]],
      );
    }
  });

  test('labels of stored events, the first one being intake’s', () => {
    assert.equal(eventLabel('decided').zh, '作出答复决定');
    assert.equal(eventLabel('registered').zh, '登记申请');
  });
});

describe('the input', () => {
  test('the union of the table’s inputs parses each event and names a wrong type in Chinese', () => {
    const ok = caseEventInput.parse({ type: 'decided', date: '2026-03-20', outcome: 'granted' });
    assert.equal(ok.type, 'decided');
    const bad = caseEventInput.safeParse({ type: 'teleported', date: '2026-03-20' });
    assert.equal(bad.success, false);
    assert.match(bad.error!.issues[0]!.message, /事件类型 type 不正确/);
    const tooLong = caseEventInput.safeParse({ type: 'extension_approved', date: '2026-03-20', workdays: 21 });
    assert.match(tooLong.error!.issues[0]!.message, /第三十三条/);
    assert.equal(caseEventInput.safeParse({ type: 'fee_paid', date: '2026-02-30' }).success, false);
  });

  test('a decision may record every decidable outcome and no other', () => {
    for (const o of DECIDABLE_OUTCOMES)
      assert.ok(caseEventInput.safeParse({ type: 'decided', date: '2026-03-20', outcome: o }).success, o);
    assert.equal(
      caseEventInput.safeParse({ type: 'decided', date: '2026-03-20', outcome: 'other_unpaid_fee' }).success,
      false,
    );
  });
});

describe('preconditions and letters', () => {
  const conflict = (f: () => unknown, re: RegExp) =>
    assert.throws(f, (e) => e instanceof AppError && e.kind === 'conflict' && re.test(e.message));
  const invalid = (f: () => unknown, re: RegExp) =>
    assert.throws(f, (e) => e instanceof AppError && e.kind === 'invalid' && re.test(e.message));

  test('条例第三十条: deemed abandoned only after the correction period', () => {
    const clock = clockOf([{ type: 'correction_requested', date: '2026-03-03', data: {} }]);
    const limit = addWorkdays(cal, '2026-03-03', CORRECTION_RESPONSE_WORKDAYS).date;
    const check = (date: string) =>
      CASE_EVENTS.correction_expired.precondition!({ type: 'correction_expired', date }, { clock, cal });
    conflict(() => check(limit), /尚未届满/);
    assert.equal(check(addWorkdays(cal, limit, 1).date), undefined);
  });

  test('a reply other than full disclosure needs its reasons (条例第三十六条)', () => {
    const clock = clockOf([]);
    const check = (outcome: 'granted' | 'withheld_state_secret', reasons?: string) =>
      CASE_EVENTS.decided.precondition!({ type: 'decided', date: '2026-03-10', outcome, reasons }, { clock, cal });
    assert.equal(check('granted'), undefined);
    invalid(() => check('withheld_state_secret'), /答复理由/);
    assert.equal(check('withheld_state_secret', '属于国家秘密'), undefined);
  });

  test('a fee notice states the standard’s amount, or is refused', () => {
    const clock = clockOf([]);
    const fee = { amount: 200, nthInMonth: null, text: '按量计收，共50页' };
    const notice = (amount?: number, date = '2026-03-10') =>
      CASE_EVENTS.fee_notice_sent.precondition!(
        { type: 'fee_notice_sent', date, mode: 'per_volume', pages: 50, amount },
        { clock, cal, fee },
      );
    assert.deepEqual(notice(), { amount: 200, nthInMonth: null, feeText: fee.text });
    invalid(() => notice(100), /应为 200 元/);
    invalid(() => notice(undefined, '2020-12-31'), /2021年1月1日/);
  });

  test('an extension is approved only within the reply period (第三十三条)', () => {
    const clock: ClockResult = clockOf([]);
    const approve = (date: string) =>
      CASE_EVENTS.extension_approved.precondition!({ type: 'extension_approved', date, workdays: 10 }, { clock, cal });
    assert.equal(approve(clock.replyDue!), undefined);
    conflict(() => approve(addWorkdays(cal, clock.replyDue!, 1).date), /已届满/);
  });

  test('letters: the reply by its outcome; a consultation of another agency issues none', () => {
    const clock = clockOf([]);
    const reply = CASE_EVENTS.decided.letter!(
      { type: 'decided', date: '2026-03-10', outcome: 'withheld_third_party', reasons: '商业秘密' },
      { clock, extra: {}, events: [] },
    );
    assert.equal(reply?.kind, 'reply.withheld_third_party');
    assert.match(reply!.vars.basis!, /第十五条/);
    const withAgency = [{ type: 'consultation_started', date: '2026-03-03', data: { party: 'agency' } }];
    assert.equal(
      CASE_EVENTS.consultation_started.letter!(
        { type: 'consultation_started', date: '2026-03-03', party: 'agency', partyName: '区教育局' },
        { clock: clockOf(withAgency), extra: {}, events: [] },
      ),
      null,
    );
  });

  test('letters quote the step they report: the operator’s reason for an extension, the notice a case lapsed on', () => {
    const clock = clockOf([]);
    const asked = [
      { type: 'extension_requested', date: '2026-03-04', data: { reason: '需调取档案' } },
      { type: 'fee_notice_sent', date: '2026-03-05', data: { amount: 200 } },
    ];
    const ext = CASE_EVENTS.extension_approved.letter!(
      { type: 'extension_approved', date: '2026-03-06', workdays: 10, reason: '同意延期。' },
      { clock, extra: {}, events: asked },
    );
    assert.deepEqual(ext?.vars, { extensionDays: '10', reasons: '需调取档案' });
    const unpaid = CASE_EVENTS.fee_expired.letter!(
      { type: 'fee_expired', date: '2026-04-10' },
      { clock, extra: {}, events: asked },
    );
    assert.equal(unpaid?.kind, 'reply.other_unpaid_fee');
    assert.equal(unpaid?.vars.noticeDate, '2026年3月5日');
    assert.match(unpaid!.vars.basis!, /国办函〔2020〕109号/);
    const lapsed = CASE_EVENTS.correction_expired.letter!(
      { type: 'correction_expired', date: '2026-03-30' },
      { clock: clockOf([{ type: 'correction_requested', date: '2026-03-03', data: {} }]), extra: {}, events: [] },
    );
    assert.equal(lapsed?.kind, 'reply.other_no_correction');
    assert.deepEqual(lapsed?.vars, { basis: '《中华人民共和国政府信息公开条例》第三十条', noticeDate: '2026年3月3日' });
  });

  test('a partial disclosure names the ground of the part withheld; 其他处理 its basis', () => {
    const clock = clockOf([]);
    const decide = (ev: Record<string, unknown>) =>
      CASE_EVENTS.decided.precondition!({ type: 'decided', date: '2026-03-10', reasons: '理由', ...ev } as never, {
        clock,
        cal,
      });
    invalid(() => decide({ outcome: 'partially_granted' }), /不予公开部分的依据/);
    assert.equal(decide({ outcome: 'partially_granted', withheld: 'withheld_process_info' }), undefined);
    invalid(() => decide({ outcome: 'other_misc' }), /处理依据/);
    const l = CASE_EVENTS.decided.letter!(
      {
        type: 'decided',
        date: '2026-03-10',
        outcome: 'partially_granted',
        withheld: 'withheld_process_info',
        reasons: '理由',
      },
      { clock, extra: {}, events: [] },
    );
    assert.match(l!.vars.basis!, /第十六条第二款、第三十七条$/);
    assert.match(l!.vars.withheld!, /过程性信息/);
  });
});
