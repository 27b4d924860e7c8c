import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { enterYearNotice, setCalendarDay, setDayInput } from '../commands/calendar/set-day.ts';
import { DatabaseLockedError } from '../db/lock.ts';
import { buildCalendar, dateZh, weekdayZh } from '../domain/calendar/index.ts';
import { ClockInputError } from '../domain/clock/index.ts';
import { calendarYear } from '../queries/calendar.ts';
import { calendarForAgency, computeDeadlines } from '../queries/deadline.ts';
import { systemCtx, withDatabase } from './runtime.ts';

/** `gongkai deadline FILE [--agency CODE]`: one case or an array, printed as JSON in the same shape. */
export async function deadlineCommand(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { agency: { type: 'string' } } });
  const file = positionals[0];
  if (!file) {
    process.stderr.write('用法：gongkai deadline FILE [--agency 统一社会信用代码]（FILE 为 - 时读标准输入）\n');
    return 2;
  }
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(file === '-' ? 0 : file, 'utf8'));
  } catch (err) {
    process.stderr.write(`无法读取案件文件 ${file}：${(err as Error).message}\n`);
    return 2;
  }
  const compute = (cal: Parameters<typeof computeDeadlines>[1]) => {
    try {
      process.stdout.write(`${JSON.stringify(computeDeadlines(input, cal), null, 2)}\n`);
      return 0;
    } catch (err) {
      if (err instanceof ClockInputError) {
        process.stderr.write(`输入错误：${err.message}\n`);
        return 2;
      }
      throw err;
    }
  };
  try {
    return await withDatabase(async (database) => {
      try {
        return compute(await calendarForAgency(database.db, values.agency));
      } catch (err) {
        if (err instanceof ClockInputError) {
          process.stderr.write(`输入错误：${err.message}\n`);
          return 2;
        }
        throw err;
      }
    });
  } catch (err) {
    if (!(err instanceof DatabaseLockedError) || values.agency) throw err;
    // The server holds the embedded database: compute on the built-in official calendar, and say so.
    process.stderr.write('提示：数据库正被服务器使用，本次按内置官方日历计算（不含管理员录入的调整）。\n');
    return compute(buildCalendar());
  }
}

export async function calendarShow(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { region: { type: 'string' }, json: { type: 'boolean' } },
  });
  const year = Number(positionals[0]);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    process.stderr.write('用法：gongkai calendar show YEAR [--region CODE] [--json]\n');
    return 2;
  }
  return withDatabase(async (database) => {
    const y = await calendarYear({ db: database.db }, year, values.region ?? null);
    if (values.json) {
      process.stdout.write(`${JSON.stringify(y, null, 2)}\n`);
      return 0;
    }
    const status = y.official
      ? y.source === 'built_in'
        ? '官方数据（内置）'
        : `官方数据（已录入：${y.notice}）`
      : '尚未录入国务院节假日安排：期限按周一至周五推算，为暂定';
    const lines = [
      `${year}年工作日历${y.regionCode ? `（行政区划 ${y.regionCode}）` : ''} — ${status}`,
      `全年工作日 ${y.workdays} 天`,
    ];
    for (const d of y.days) {
      lines.push(
        `  ${d.date} ${weekdayZh(d.date)}  ${d.work ? '上班' : '放假'}  ${d.name}${d.source === 'region' ? '（地方调整）' : d.source === 'entered' ? '（录入）' : ''}`,
      );
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  });
}

export async function calendarSet(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { region: { type: 'string' }, why: { type: 'string' }, name: { type: 'string' } },
  });
  const parsed = setDayInput.safeParse({
    date: positionals[0],
    kind: positionals[1],
    regionCode: values.region ?? null,
    reason: values.why ?? '',
    name: values.name,
  });
  if (!parsed.success) {
    process.stderr.write(
      `输入错误：${parsed.error.issues[0]!.message}\n用法：gongkai calendar set DATE workday|holiday [--region CODE] --why 依据\n`,
    );
    return 2;
  }
  return withDatabase(async (database, config) => {
    const { moves } = await setCalendarDay(systemCtx(database, config), parsed.data);
    process.stdout.write(
      `已设置 ${dateZh(parsed.data.date)} 为${parsed.data.kind === 'workday' ? '工作日' : '休息日'}。重新计算的期限：${moves.length} 项\n`,
    );
    for (const m of moves)
      process.stdout.write(`  ${m.entityType} ${m.entityId} ${m.field}: ${m.from ?? '—'} → ${m.to ?? '—'}\n`);
    return 0;
  });
}

export async function calendarOfficial(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { notice: { type: 'string' } } });
  const year = Number(positionals[0]);
  if (!Number.isInteger(year) || !values.notice) {
    process.stderr.write(
      '用法：gongkai calendar official YEAR --notice "国务院办公厅关于YEAR年部分节假日安排的通知"\n',
    );
    return 2;
  }
  return withDatabase(async (database, config) => {
    const { moves } = await enterYearNotice(systemCtx(database, config), { year, notice: values.notice! });
    process.stdout.write(`已录入 ${year} 年节假日安排（${values.notice}）。重新计算的期限：${moves.length} 项\n`);
    return 0;
  });
}
