import { z } from 'zod';
import { setDayInput, yearNoticeInput } from '../../domain/calendar/calendar-input.ts';
import { CHANNELS, CLOCK_EVENT_TYPES } from '../../domain/clock/index.ts';
import { clockResult } from './case-views.ts';
import { defineRoute, isoDate, regionCode, year } from './common.ts';

/** 工作日历与法定期限: the deadline calculator, a year's calendar, and its adjustments. */

/**
 * One case for the calculator: the receipt and the events that move the clock. The clock checks the dates and
 * their order itself (src/domain/clock), with messages that say which rule a date breaks.
 */
const day = z.string().meta({ format: 'date', description: 'YYYY-MM-DD' });
const clockCase = z.looseObject({
  received: z.object({ date: day, channel: z.enum(CHANNELS) }),
  events: z
    .array(z.looseObject({ type: z.enum(CLOCK_EVENT_TYPES as [string, ...string[]]), date: day }))
    .max(200)
    .optional(),
});

const moves = z.object({
  moves: z
    .array(
      z.object({
        entityType: z.string(),
        entityId: z.string(),
        field: z.string(),
        from: z.string().nullable(),
        to: z.string().nullable(),
      }),
    )
    .meta({ description: '因此改变的未结期限' }),
});

export const computeDeadline = defineRoute({
  method: 'POST',
  path: '/api/v1/deadline',
  operationId: 'computeDeadline',
  summary: '计算法定期限（一个案件、案件数组，或 { agency, cases } 按机关所在地的日历）',
  description: '条例第三十条至第三十五条；节假日依国务院办公厅通知，地方调整按机关所在行政区划。',
  tag: 'calendar',
  auth: 'public',
  body: z.union(
    [
      z.array(clockCase).max(1000),
      z.object({
        agency: z.string().optional().meta({ description: '机关的统一社会信用代码' }),
        cases: z.union([clockCase, z.array(clockCase).max(1000)]),
      }),
      clockCase.extend({ agency: z.string().optional() }),
    ],
    // Neither an object nor an array: say what to send (a closer miss names its field, by the message map).
    { error: (i) => (typeof i.input !== 'object' || i.input === null ? '请提交案件（JSON 对象或数组）' : undefined) },
  ),
  responses: { 200: z.union([z.array(clockResult), clockResult]) },
});

export const calendarYear = defineRoute({
  method: 'GET',
  path: '/api/v1/calendar/:year',
  operationId: 'calendarYear',
  summary: '某年的工作日历（节假日、调休、地方调整）',
  tag: 'calendar',
  auth: 'public',
  params: z.object({ year: year(2000) }),
  query: z.object({ region: regionCode().optional() }),
  responses: {
    200: z.object({
      year: z.number().int(),
      regionCode: z.string().nullable(),
      official: z.boolean(),
      source: z.enum(['built_in', 'entered', 'none']),
      notice: z.string().nullable(),
      workdays: z.number().int(),
      days: z.array(
        z.object({
          date: z.string(),
          work: z.boolean(),
          name: z.string(),
          source: z.enum(['official', 'entered', 'region', 'weekday']),
        }),
      ),
    }),
  },
});

export const setCalendarDay = defineRoute({
  method: 'PUT',
  path: '/api/v1/calendar/days/:date',
  operationId: 'setCalendarDay',
  summary: '调整某日为工作日或休息日（全国或某地区；重算所有未结期限）',
  tag: 'calendar',
  auth: 'login',
  params: z.object({ date: isoDate() }),
  body: setDayInput.omit({ date: true }),
  responses: { 200: moves },
});

export const enterYearNotice = defineRoute({
  method: 'POST',
  path: '/api/v1/calendar/years',
  operationId: 'enterYearNotice',
  summary: '登记某年的国务院办公厅节假日安排通知',
  tag: 'calendar',
  auth: 'login',
  body: yearNoticeInput,
  responses: { 201: moves },
});

export const calendarContract = [computeDeadline, calendarYear, setCalendarDay, enterYearNotice] as const;
