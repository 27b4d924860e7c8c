export * from './calendar.ts';
export * from './dates.ts';
export * from './workdays.ts';
