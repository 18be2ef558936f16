/**
 * Rotation of cloud-product secrets: generated database credentials, versions named
 * `SSM_Rotate_<YYYYMMDDhhmmss>`, `SSM_Current` as the alias of the newest one, and the rotation
 * schedule (RotationBeginTime + n × Frequency days). The core carries scheduled rotations out on
 * the emulator's clock when a secret is next used; this module is what a rotation means for SSM.
 */
import type { RotationSchedule, SecretRecord, SecretValue, SecretVersion } from '../../src/core/model.js';
import type { IdSource } from '../../src/core/runtime.js';
import type { TencentContext } from './context.js';
import { compactDateTime, parseDateTime } from './dateTime.js';
import { ERRORS } from './errors.js';
import { requireSecret, statusOf } from './secrets.js';
import { DAY_MS } from '../../src/core/runtime.js';


/** Rotation period of a product secret created without RotationFrequency [sdk: "默认为1天"]. */
export const DEFAULT_FREQUENCY_DAYS = 1;

/** SecretTypes rotated by SSM itself: 1 cloud-product (DB) credential, 3 Cloud API key pair, 4 Redis [sdk]. */
const ROTATED_SECRET_TYPES = new Set([1, 3, 4]);

/** True for a secret whose versions SSM generates and rotates. */
export function isRotatedSecret(record: SecretRecord): boolean {
  return ROTATED_SECRET_TYPES.has(record.tencent?.secretType ?? 0);
}

/** An Enabled rotated secret rotates on schedule [inf: Disabled secrets wait until re-enabled]. */
export function rotatesOnSchedule(record: SecretRecord): boolean {
  return isRotatedSecret(record) && statusOf(record) === 'Enabled';
}

/** The id of a version rotated in at `now`, e.g. `SSM_Rotate_20241030162442` [doc: DescribeRotationHistory example]. */
export function rotatedVersionId(now: number): string {
  return `SSM_Rotate_${compactDateTime(now)}`;
}

/**
 * Fresh database credentials as SSM hands them out: the JSON `{"UserName","Password"}` that
 * TencentCloud/ssm-rotation-sdk-golang (lib/ssm/requester.go, DbAccount) reads from SecretString.
 * The account is the caller's UserNamePrefix plus a random suffix [inf: the real suffix is undocumented].
 */
export function newCredentials(ids: IdSource, userNamePrefix: string): SecretValue {
  const account = { UserName: `${userNamePrefix}_${ids.alphanumeric(8).toLowerCase()}`, Password: ids.alphanumeric(24) };
  return { type: 'string', data: JSON.stringify(account) };
}

/** The version a rotation at `now` writes: fresh credentials under the time's version id. */
export function rotatedVersion(record: SecretRecord, now: number, ids: IdSource): { value: SecretValue; id: string } {
  return { value: newCredentials(ids, record.tencent?.userNamePrefix ?? 'ssm'), id: rotatedVersionId(now) };
}

/** The live version of a product secret, the one `SSM_Current` stands for: the newest [doc: GetSecretValue]. */
export function currentVersion(record: SecretRecord): SecretVersion | undefined {
  return record.versions.at(-1);
}

/**
 * The first rotation slot RotationBeginTime + n × period (n ≥ 0) at or after `now` (`inclusive`),
 * or strictly after it. A begin time in the past does not rotate at once for the slots missed
 * [inf: the schedule stays aligned to RotationBeginTime].
 */
export function nextSlot(beginMs: number, frequencyDays: number, now: number, inclusive: boolean): number {
  const period = frequencyDays * DAY_MS;
  const elapsed = (now - beginMs) / period;
  const n = Math.max(0, inclusive ? Math.ceil(elapsed) : Math.floor(elapsed) + 1);
  return beginMs + n * period;
}

/** After a scheduled rotation, the next slot; idle through several periods, the secret rotated once [inf]. */
export function nextAfter(schedule: RotationSchedule, at: number): number {
  return nextSlot(schedule.anchorAt ?? schedule.nextAt ?? at, frequencyDaysOf(schedule), at, false);
}

/** The rotation period in days (a product secret keeps its period while rotation is off). */
export function frequencyDaysOf(schedule: RotationSchedule | undefined): number {
  return schedule?.intervalMs === undefined ? DEFAULT_FREQUENCY_DAYS : schedule.intervalMs / DAY_MS;
}

/** The rotation settings UpdateRotationStatus and CreateProductSecret store. */
export interface RotationSettings {
  enabled: boolean;
  frequencyDays: number;
  /** `YYYY-MM-DD hh:mm:ss`, already validated. */
  beginTime?: string;
}

/**
 * The schedule for new rotation settings: its period, begin time (kept from `previous` when none
 * is given) and, while enabled, the first slot at or after now.
 */
export function rotationSchedule(settings: RotationSettings, previous: RotationSchedule | undefined, now: number): RotationSchedule {
  const schedule: RotationSchedule = { enabled: settings.enabled, intervalMs: settings.frequencyDays * DAY_MS };
  const anchorAt = settings.beginTime === undefined ? previous?.anchorAt : parseDateTime(settings.beginTime);
  if (anchorAt !== undefined) schedule.anchorAt = anchorAt;
  if (previous?.lastAt !== undefined) schedule.lastAt = previous.lastAt;
  if (settings.enabled && anchorAt !== undefined) schedule.nextAt = nextSlot(anchorAt, settings.frequencyDays, now, true);
  return schedule;
}

/** When the next scheduled rotation is due (epoch ms), if rotation is on. */
export function nextRotationAt(record: SecretRecord): number | undefined {
  return record.rotation?.enabled ? record.rotation.nextAt : undefined;
}

/**
 * The product secret with this name, brought up to the emulator's clock (a creation that has run
 * its course, a rotation that is due): ResourceNotFound if there is none, UnsupportedOperation for
 * secrets SSM does not rotate ("only applicable to Tencent Cloud service credentials" [doc]).
 */
export async function requireRotatedSecret(context: TencentContext, name: string): Promise<SecretRecord> {
  const record = requireSecret(context, name);
  if (!isRotatedSecret(record)) throw ERRORS.notProductSecret();
  return context.secrets.settled(record);
}
