/**
 * Rotation of cloud-product secrets: generated database credentials, versions named
 * `SSM_Rotate_<YYYYMMDDhhmmss>`, `SSM_Current` as the alias of the newest one, and the rotation
 * schedule (RotationBeginTime + n × Frequency days), carried out lazily on the emulator's clock
 * whenever the secret is read ({@link rotateIfDue}).
 */
import type { SecretRecord, SecretValue, SecretVersion } from '../../src/core/model.js';
import { addVersion, findVersion } from '../../src/core/versions.js';
import type { TencentContext } from './context.js';
import { compactDateTime, parseDateTime } from './dateTime.js';
import { ERRORS } from './errors.js';
import { runningFlow } from './flows.js';
import { requireSecret, statusOf } from './secrets.js';

const DAY_MS = 86_400_000;

/** Rotation period of a product secret created without RotationFrequency [SDK docs: "默认为1天"]. */
export const DEFAULT_FREQUENCY_DAYS = 1;

/** SecretTypes rotated by SSM itself: 1 cloud-product (DB) credential, 3 Cloud API key pair, 4 Redis [SDK docs]. */
const ROTATED_SECRET_TYPES = new Set([1, 3, 4]);

/** True for a secret whose versions SSM generates and rotates. */
export function isRotatedSecret(record: SecretRecord): boolean {
  return ROTATED_SECRET_TYPES.has(Number(record.attributes.secretType ?? 0));
}

/** The id of a version rotated in at `now`, e.g. `SSM_Rotate_20241030162442` [docs: DescribeRotationHistory example]. */
export function rotatedVersionId(now: number): string {
  return `SSM_Rotate_${compactDateTime(now)}`;
}

/**
 * Fresh database credentials as SSM hands them out: the JSON `{"UserName","Password"}` that
 * TencentCloud/ssm-rotation-sdk-golang (lib/ssm/requester.go, DbAccount) reads from SecretString.
 * The account is the caller's UserNamePrefix plus a random suffix [guess: the real suffix is undocumented].
 */
export function newCredentials(context: TencentContext, userNamePrefix: string): SecretValue {
  const ids = context.engine.ids;
  const account = { UserName: `${userNamePrefix}_${ids.alphanumeric(8).toLowerCase()}`, Password: ids.alphanumeric(24) };
  return { type: 'string', data: JSON.stringify(account) };
}

/** The live version of a product secret, the one `SSM_Current` stands for: the newest [docs: GetSecretValue]. */
export function currentVersion(record: SecretRecord): SecretVersion | undefined {
  return record.versions.at(-1);
}

/**
 * Adds a rotated version to a draft. A product secret keeps its 10 newest versions, the oldest
 * making room [guess: DescribeRotationHistory shows "at most 10"; rotation is never refused for it].
 */
export function addRotatedVersion(draft: SecretRecord, context: TencentContext, now: number): SecretVersion {
  const policy = context.engine.policyFor('tencent');
  if (draft.versions.length >= policy.maxVersions) draft.versions = draft.versions.slice(draft.versions.length - policy.maxVersions + 1);
  const value = newCredentials(context, String(draft.attributes.userNamePrefix ?? 'ssm'));
  return addVersion(draft, policy, { id: rotatedVersionId(now), value, labels: [], now });
}

/**
 * The first rotation slot RotationBeginTime + n × period (n ≥ 0) at or after `now` (`inclusive`),
 * or strictly after it. A begin time in the past does not rotate at once for the slots missed
 * [guess: the schedule stays aligned to RotationBeginTime].
 */
export function nextSlot(beginMs: number, frequencyDays: number, now: number, inclusive: boolean): number {
  const period = frequencyDays * DAY_MS;
  const elapsed = (now - beginMs) / period;
  const n = Math.max(0, inclusive ? Math.ceil(elapsed) : Math.floor(elapsed) + 1);
  return beginMs + n * period;
}

/** The rotation settings UpdateRotationStatus and CreateProductSecret store. */
export interface RotationSettings {
  enabled: boolean;
  frequencyDays: number;
  /** `YYYY-MM-DD hh:mm:ss`, already validated. */
  beginTime?: string;
}

/**
 * Stores rotation settings in a new secret's attributes or a draft's: `rotationEnabled`,
 * `rotationFrequency` (days), `rotationBeginTime` (string) and, while enabled, `nextRotationTime`
 * (unix seconds, as ListSecrets reports it).
 */
export function applyRotationSettings(attributes: SecretRecord['attributes'], settings: RotationSettings, now: number): void {
  attributes.rotationEnabled = settings.enabled;
  attributes.rotationFrequency = settings.frequencyDays;
  if (settings.beginTime !== undefined) attributes.rotationBeginTime = settings.beginTime;
  const beginMs = parseDateTime(String(attributes.rotationBeginTime ?? ''));
  if (settings.enabled && beginMs !== undefined) {
    attributes.nextRotationTime = Math.floor(nextSlot(beginMs, settings.frequencyDays, now, true) / 1000);
  } else {
    delete attributes.nextRotationTime;
  }
}

/** When the next scheduled rotation is due (epoch ms), if rotation is on. */
export function nextRotationAt(record: SecretRecord): number | undefined {
  const next = record.attributes.nextRotationTime;
  return record.attributes.rotationEnabled === true && typeof next === 'number' ? next * 1000 : undefined;
}

/** A product secret still `Creating` whose creation flow has finished. */
function creationFinished(record: SecretRecord, now: number): boolean {
  return record.attributes.status === 'Creating' && !runningFlow(record, 'create', now);
}

/** An Enabled rotated secret whose next rotation time has come [guess: Disabled secrets wait until re-enabled]. */
function rotationDue(record: SecretRecord, now: number): boolean {
  const next = nextRotationAt(record);
  return isRotatedSecret(record) && next !== undefined && next <= now && statusOf(record) === 'Enabled';
}

/** Finishes the creation and performs a due scheduled rotation on a draft. */
function settle(draft: SecretRecord, context: TencentContext, now: number): void {
  if (creationFinished(draft, now)) draft.attributes.status = 'Enabled';
  if (!rotationDue(draft, now)) return;
  // A manual rotation in the same second already made this version.
  if (!findVersion(draft, rotatedVersionId(now))) addRotatedVersion(draft, context, now);
  const frequencyDays = Number(draft.attributes.rotationFrequency ?? DEFAULT_FREQUENCY_DAYS);
  const beginMs = parseDateTime(String(draft.attributes.rotationBeginTime ?? '')) ?? nextRotationAt(draft)!;
  // Idle through several periods, the secret rotates once, then waits for the next slot [guess].
  draft.attributes.nextRotationTime = Math.floor(nextSlot(beginMs, frequencyDays, now, false) / 1000);
  draft.changedAt = now;
}

/**
 * Brings a secret up to date with the emulator's clock before it is read: a product secret whose
 * creation flow has run its course becomes Enabled, and one whose next rotation time has passed
 * is rotated (a new `SSM_Rotate_…` version with fresh credentials). Returns the current record;
 * secrets with nothing due are returned as they are, without a write.
 */
export async function rotateIfDue(context: TencentContext, record: SecretRecord): Promise<SecretRecord> {
  const now = context.engine.now();
  if (!creationFinished(record, now) && !rotationDue(record, now)) return record;
  const { record: updated } = await context.engine.update(record, (draft, at) => settle(draft, context, at));
  return updated;
}

/**
 * The product secret with this name, brought up to date by {@link rotateIfDue}: ResourceNotFound
 * if there is none, UnsupportedOperation for secrets SSM does not rotate ("only applicable to
 * Tencent Cloud service credentials" [docs]).
 */
export async function requireRotatedSecret(context: TencentContext, name: string): Promise<SecretRecord> {
  const record = requireSecret(context, name);
  if (!isRotatedSecret(record)) throw ERRORS.notProductSecret();
  return rotateIfDue(context, record);
}
