import { addWorkdays, type Calendar, type ISODate } from '../calendar/index.ts';
import type { TraceStep } from './types.ts';

export const DISCLOSURE_WORKDAYS = 20; // 条例第二十六条

/** 条例第二十六条: proactive disclosure within 20 working days of the information being formed or changed. */
export function disclosureDue(cal: Calendar, formedOrChanged: ISODate) {
  const r = addWorkdays(cal, formedOrChanged, DISCLOSURE_WORKDAYS);
  const trace: TraceStep[] = [
    { date: formedOrChanged, article: '第二十六条', text: `信息形成或变更 ${formedOrChanged}` },
    {
      date: r.date,
      article: '第二十六条',
      text: `应公开期限 ${r.date}（第二十六条：自该政府信息形成或者变更之日起20个工作日内）`,
    },
  ];
  return { due: r.date, provisional: r.provisional, trace };
}
