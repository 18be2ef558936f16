/**
 * RotationRules as AWS reads them: `AutomaticallyAfterDays`, or a `rate()` / `cron()`
 * ScheduleExpression, with an optional `Duration` window. A window starts at a slot and closes
 * `Duration` later, by default at the end of the UTC day (day schedules) or after an hour (hour
 * schedules) [doc: "Rotation schedules"]; polysecret rotates at the start of the first window the
 * emulator clock reaches, and reports the window's end as NextRotationDate [inf].
 */
import type { SecretRecord } from '../../../src/core/model.js';
import { DAY_MS } from '../../../src/core/runtime.js';
import { AwsError } from '../envelope.js';
import { MESSAGES } from '../messages.js';

const HOUR_MS = 3_600_000;

/** The RotationRules members of a request, as they are stored and described. */
export interface RotationRules {
  AutomaticallyAfterDays?: number;
  Duration?: string;
  ScheduleExpression?: string;
}

/** A parsed schedule: the first window start after a time, and how long a window stays open. */
export interface Schedule {
  nextStart(after: number): number;
  windowMs: number;
}

const invalid = (why: string) => new AwsError('InvalidParameterException', MESSAGES.invalidRotationRules(why));

const startOfDay = (at: number) => Math.floor(at / DAY_MS) * DAY_MS;

/** A `Duration` of 1h to 24h [doc]. */
function durationMs(duration: string | undefined): number | undefined {
  if (duration === undefined) return undefined;
  const hours = /^(\d{1,2})h$/.exec(duration)?.[1];
  if (hours === undefined || Number(hours) < 1 || Number(hours) > 24) throw invalid(`Duration ${duration} is not from 1h to 24h`);
  return Number(hours) * HOUR_MS;
}

/** Windows every `days` days, each starting at midnight UTC, counted from the day of `after` [doc]. */
function everyDays(days: number, window: number | undefined): Schedule {
  return { nextStart: (after) => startOfDay(after) + days * DAY_MS, windowMs: window ?? DAY_MS };
}

/** Windows every `hours` hours from midnight UTC; at least four hours apart [doc]. */
function everyHours(hours: number, window: number | undefined): Schedule {
  if (hours < 4 || hours > 23) throw invalid('a rate in hours must be from 4 to 23 hours');
  const period = hours * HOUR_MS;
  return { nextStart: (after) => startOfDay(after) + (Math.floor((after - startOfDay(after)) / period) + 1) * period, windowMs: window ?? HOUR_MS };
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** The values a cron field allows: `*`, `?`, numbers or names, ranges, lists and `/` steps. */
function cronField(text: string, min: number, max: number, names: string[] = [], nameBase = min): Set<number> {
  const value = (part: string) => {
    const named = names.indexOf(part.toUpperCase());
    const number = named >= 0 ? named + nameBase : Number(part);
    if (!Number.isInteger(number) || number < min || number > max) throw invalid(`the cron field ${text} is not supported`);
    return number;
  };
  const allowed = new Set<number>();
  for (const item of text.split(',')) {
    const [range, stepText] = item.split('/');
    const step = stepText === undefined ? 1 : value(stepText);
    const [from, to] = range === '*' || range === '?' ? [min, max] : range.includes('-') ? range.split('-').map(value) : [value(range), stepText ? max : value(range)];
    for (let v = from; v <= to; v += Math.max(step, 1)) allowed.add(v);
  }
  return allowed;
}

/**
 * `cron(minutes hours day-of-month month day-of-week year)` in UTC [doc: EventBridge cron syntax];
 * `L`, `W` and `#` are not supported. Day-of-month and day-of-week: one of them is `?`.
 */
function cronSchedule(expression: string, window: number | undefined): Schedule {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 6) throw invalid('a cron expression has six fields');
  if (/[LW#]/i.test(fields.slice(2, 5).join(' ').replace(/[A-Z]{3}/gi, ''))) throw invalid('L, W and # are not supported');
  const [minutes, hours, days, months, weekdays, years] = [
    cronField(fields[0], 0, 59),
    cronField(fields[1], 0, 23),
    cronField(fields[2], 1, 31),
    cronField(fields[3], 1, 12, MONTHS),
    cronField(fields[4], 1, 7, WEEKDAYS, 1),
    cronField(fields[5], 1970, 2199),
  ];
  const dayMatters = fields[2] !== '?' && fields[2] !== '*';
  const weekdayMatters = fields[4] !== '?' && fields[4] !== '*';
  const matchesDay = (date: Date) =>
    years.has(date.getUTCFullYear()) &&
    months.has(date.getUTCMonth() + 1) &&
    (!dayMatters || days.has(date.getUTCDate())) &&
    (!weekdayMatters || weekdays.has(date.getUTCDay() + 1));
  const times = [...hours].sort((a, b) => a - b).flatMap((hour) => [...minutes].sort((a, b) => a - b).map((minute) => (hour * 60 + minute) * 60_000));
  return {
    nextStart(after) {
      // Ten years of days at most: a schedule that never fires again is refused when it is set.
      for (let day = startOfDay(after); day < after + 3_660 * DAY_MS; day += DAY_MS) {
        if (!matchesDay(new Date(day))) continue;
        const time = times.find((offset) => day + offset > after);
        if (time !== undefined) return day + time;
      }
      throw invalid(`${expression} never comes due`);
    },
    windowMs: window ?? (hours.size > 1 ? HOUR_MS : DAY_MS - (Math.min(...hours) * 60 + Math.min(...minutes)) * 60_000),
  };
}

/** Reads RotationRules, or throws AWS's InvalidParameterException for rules it would refuse. */
export function scheduleOf(rules: RotationRules): Schedule {
  const window = durationMs(rules.Duration);
  if (rules.AutomaticallyAfterDays !== undefined && rules.ScheduleExpression !== undefined) throw invalid('use AutomaticallyAfterDays or ScheduleExpression, not both');
  if (rules.AutomaticallyAfterDays !== undefined) return everyDays(rules.AutomaticallyAfterDays, window);
  const expression = rules.ScheduleExpression;
  if (expression === undefined) throw invalid('RotationRules needs AutomaticallyAfterDays or ScheduleExpression');
  const rate = /^rate\(\s*(\d+)\s+(days?|hours?)\s*\)$/.exec(expression);
  if (rate) return rate[2].startsWith('day') ? everyDays(Number(rate[1]), window) : everyHours(Number(rate[1]), window);
  const cron = /^cron\((.*)\)$/.exec(expression);
  if (cron) return cronSchedule(cron[1], window);
  throw invalid(`${expression} is neither rate() nor cron()`);
}

/** When the next rotation window after `at` opens, by the secret's stored rules; undefined without rules. */
export function nextRotationStart(record: SecretRecord, at: number): number | undefined {
  const rules = record.aws?.rotationRules;
  if (!rules) return undefined;
  try {
    return scheduleOf(rules).nextStart(at);
  } catch {
    // Rules were checked when set; a cron that has run out of dates has no next window.
    return undefined;
  }
}

/** The end of the window that opens at `start` (what DescribeSecret reports as NextRotationDate) [inf]. */
export function windowEnd(record: SecretRecord, start: number): number {
  const rules = record.aws?.rotationRules;
  return start + (rules ? scheduleOf(rules).windowMs : 0);
}
