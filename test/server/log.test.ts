import { createLogger, isoTimeFormatter } from '../../src/server/log.js';

describe('isoTimeFormatter', () => {
  it('formats each millisecond as toISOString does, again after the time moves on and back', () => {
    const isoTime = isoTimeFormatter();
    for (const ms of [0, 1_700_000_000_000, 1_700_000_000_000, 1_700_000_000_001, 0, -62_198_755_200_000, 253_402_300_800_000]) {
      expect(isoTime(ms)).toBe(new Date(ms).toISOString());
    }
  });
});

describe('createLogger', () => {
  it('writes pretty lines as time, message and the defined fields in their order, non-strings as JSON', () => {
    const lines: string[] = [];
    const logger = createLogger('info', 'pretty', { out: (line) => lines.push(line), err: (line) => lines.push(line) });
    logger.info('request', { cloud: 'aws', skipped: undefined, status: 200, durationMs: 0.5, flag: true, nested: { a: 1 } });
    logger.info('bare');
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z request cloud=aws status=200 durationMs=0.5 flag=true nested=\{"a":1\}$/);
    expect(lines[1]).toMatch(/^\S+Z bare$/);
  });
});
