import { scheduleOf } from '../../../dialects/aws/rotation/schedule.js';

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

describe('AWS rotation schedules', () => {
  const now = at('2026-12-03T10:30:00Z');

  it('AutomaticallyAfterDays and rate(N days): windows open at midnight UTC, N days on, and close at the end of that day', () => {
    for (const rules of [{ AutomaticallyAfterDays: 3 }, { ScheduleExpression: 'rate(3 days)' }]) {
      const schedule = scheduleOf(rules);
      expect(new Date(schedule.nextStart(now)).toISOString()).toBe('2026-12-06T00:00:00.000Z');
      expect(schedule.windowMs).toBe(24 * HOUR);
    }
    expect(scheduleOf({ AutomaticallyAfterDays: 1, Duration: '3h' }).windowMs).toBe(3 * HOUR);
  });

  it('rate(N hours): windows every N hours from midnight UTC, an hour long by default', () => {
    const schedule = scheduleOf({ ScheduleExpression: 'rate(4 hours)' });
    expect(new Date(schedule.nextStart(now)).toISOString()).toBe('2026-12-03T12:00:00.000Z');
    expect(new Date(schedule.nextStart(at('2026-12-03T23:59:00Z'))).toISOString()).toBe('2026-12-04T00:00:00.000Z');
    expect(schedule.windowMs).toBe(HOUR);
  });

  it('cron(): the next matching minute in UTC, the window running to the end of the day unless Duration says', () => {
    const daily = scheduleOf({ ScheduleExpression: 'cron(0 16 * * ? *)' });
    expect(new Date(daily.nextStart(now)).toISOString()).toBe('2026-12-03T16:00:00.000Z');
    expect(new Date(daily.nextStart(at('2026-12-03T16:00:00Z'))).toISOString()).toBe('2026-12-04T16:00:00.000Z');
    expect(daily.windowMs).toBe(8 * HOUR);
    const mondays = scheduleOf({ ScheduleExpression: 'cron(30 2 ? * MON *)', Duration: '2h' });
    expect(new Date(mondays.nextStart(now)).toISOString()).toBe('2026-12-07T02:30:00.000Z');
    expect(mondays.windowMs).toBe(2 * HOUR);
    const quarterly = scheduleOf({ ScheduleExpression: 'cron(0 0 1 1,4,7,10 ? 2027)' });
    expect(new Date(quarterly.nextStart(now)).toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(new Date(quarterly.nextStart(at('2027-01-01T00:00:00Z'))).toISOString()).toBe('2027-04-01T00:00:00.000Z');
  });

  it.each([
    [{ AutomaticallyAfterDays: 1, ScheduleExpression: 'rate(1 days)' }, 'not both'],
    [{}, 'needs AutomaticallyAfterDays or ScheduleExpression'],
    [{ ScheduleExpression: 'rate(2 hours)' }, 'from 4 to 23 hours'],
    [{ ScheduleExpression: 'cron(0 12 L * ? *)' }, 'L, W and # are not supported'],
    [{ ScheduleExpression: 'cron(0 12 * *)' }, 'six fields'],
    [{ ScheduleExpression: 'cron(0 25 * * ? *)' }, 'cron field 25'],
    [{ ScheduleExpression: 'weekly' }, 'neither rate() nor cron()'],
    [{ AutomaticallyAfterDays: 1, Duration: '0h' }, 'from 1h to 24h'],
  ])('refuses %j with InvalidParameterException', (rules, why) => {
    expect(() => scheduleOf(rules)).toThrow(expect.objectContaining({ code: 'InvalidParameterException', message: expect.stringContaining(why) }));
  });
});
