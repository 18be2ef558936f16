/**
 * SSM's wall-clock strings: `YYYY-MM-DD hh:mm:ss` (RotationBeginTime, LatestRotateTime, …) and
 * the compact `YYYYMMDDhhmmss` of rotated version ids (`SSM_Rotate_20241030162442` [doc]).
 * Both are read and written in Beijing time, UTC+8 without daylight saving [inf: the zone of
 * Tencent Cloud's console; no source states the zone of these strings].
 */

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The shape SSM documents for its date-time parameters: `2006-01-02 15:04:05` [sdk]. */
export const DATE_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

function beijingParts(ms: number): string[] {
  const iso = new Date(ms + BEIJING_OFFSET_MS).toISOString();
  return [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10), iso.slice(11, 13), iso.slice(14, 16), iso.slice(17, 19)];
}

/** `YYYY-MM-DD hh:mm:ss` of an epoch-milliseconds time. */
export function formatDateTime(ms: number): string {
  const [year, month, day, hour, minute, second] = beijingParts(ms);
  return `${year}-${month}-${day} ${hour}:${minute}:${second}`;
}

/** `YYYYMMDDhhmmss` of an epoch-milliseconds time. */
export function compactDateTime(ms: number): string {
  return beijingParts(ms).join('');
}

/** Epoch milliseconds of a `YYYY-MM-DD hh:mm:ss` string, or undefined when it is no real date and time. */
export function parseDateTime(text: string): number | undefined {
  const match = DATE_TIME_PATTERN.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  const ms = Date.UTC(year, month - 1, day, hour, minute, second) - BEIJING_OFFSET_MS;
  // Date.UTC rolls 2025-02-30 over into March; a round trip catches such dates.
  return formatDateTime(ms) === text ? ms : undefined;
}
