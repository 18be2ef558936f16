import type { SecretRecord, SecretValue } from '../../src/core/model.js';
import { addVersion, findVersion, versionWithLabel } from '../../src/core/versions.js';
import type { AlibabaContext } from './context.js';
import { ERRORS } from './errors.js';
import { checkExtendedConfig, MANAGED_TYPES, type Credentials, type ExtendedConfig } from './managedTypes.js';
import type { Params } from './params.js';
import { ACS_CURRENT, ACS_PREVIOUS } from './policy.js';
import { secretTypeOf } from './render.js';

/** The secret types KMS knows; all but Generic are managed (KMS generates and rotates their values). */
export const SECRET_TYPES = ['Generic', 'Rds', 'Redis', 'RAMCredentials', 'ECS', 'PolarDB'] as const;

/** What CreateSecret stores for a managed secret. */
export interface PreparedManagedSecret {
  name: string;
  value: SecretValue;
  attributes: Record<string, string | number | boolean>;
}

/** Rotation attributes: `automaticRotation` Enabled|Disabled, and when Enabled `rotationInterval` (`<n>s`) and `nextRotationAt`. */
export type RotationPolicy = Record<string, string | number>;

// RotationInterval is `<integer><d|h|m|s>` from 6 hours to 8760 hours [doc]; KMS reports it in seconds, e.g. 604800s [doc].
const INTERVAL = /^(\d+)([dhms])$/;
const UNIT_SECONDS: Record<string, number> = { d: 86_400, h: 3_600, m: 60, s: 1 };
const MIN_INTERVAL_SECONDS = 6 * 3_600;
const MAX_INTERVAL_SECONDS = 8_760 * 3_600;

/** A RotationInterval in seconds; InvalidParameter outside the form or the range. */
export function rotationSeconds(interval: string): number {
  const match = INTERVAL.exec(interval);
  const seconds = match ? Number(match[1]) * UNIT_SECONDS[match[2]] : NaN;
  if (!(seconds >= MIN_INTERVAL_SECONDS && seconds <= MAX_INTERVAL_SECONDS)) {
    throw ERRORS.invalid('RotationInterval', 'It must be <integer><d|h|m|s>, from 6h to 8760h.');
  }
  return seconds;
}

/**
 * The rotation attributes for EnableAutomaticRotation and RotationInterval. The interval is
 * required when enabling and ignored otherwise [doc]; [inf] a missing one is InvalidParameter,
 * and the first automatic rotation is one interval from now.
 */
export function rotationPolicy(enabled: boolean, interval: string | undefined, now: number): RotationPolicy {
  if (!enabled) return { automaticRotation: 'Disabled' };
  if (interval === undefined || interval === '') throw ERRORS.invalid('RotationInterval', 'It is required to enable automatic rotation.');
  const seconds = rotationSeconds(interval);
  return { automaticRotation: 'Enabled', rotationInterval: `${seconds}s`, nextRotationAt: now + seconds * 1_000 };
}

/** Replaces a secret's rotation attributes; a disabled policy drops the interval and schedule, which KMS reports only while rotation is on [doc]. */
export function applyRotationPolicy(attributes: SecretRecord['attributes'], policy: RotationPolicy): void {
  delete attributes.rotationInterval;
  delete attributes.nextRotationAt;
  Object.assign(attributes, policy);
}

function rotationMs(attributes: SecretRecord['attributes']): number | undefined {
  if (attributes.automaticRotation !== 'Enabled' || typeof attributes.rotationInterval !== 'string') return undefined;
  return Number.parseInt(attributes.rotationInterval, 10) * 1_000;
}

function text(credentials: Credentials): SecretValue {
  return { type: 'string', data: JSON.stringify(credentials) };
}

/**
 * Checks the managed-type parameters of CreateSecret (ExtendedConfig, name rule, rotation
 * settings, SecretData) and produces the secret's first value; undefined for a Generic secret.
 */
export function prepareManagedSecret(params: Params, secretType: string, name: string, context: AlibabaContext): PreparedManagedSecret | undefined {
  if (!(SECRET_TYPES as readonly string[]).includes(secretType)) throw ERRORS.invalid('SecretType');
  if (secretType === 'Generic') {
    // Automatic rotation exists only for managed types [doc].
    if (params.bool('EnableAutomaticRotation', false)) throw ERRORS.invalid('EnableAutomaticRotation');
    return undefined;
  }
  const type = MANAGED_TYPES[secretType];
  // Managed secrets must use SecretDataType text [doc].
  if ((params.get('SecretDataType') ?? 'text') !== 'text') throw ERRORS.invalid('SecretDataType', `${secretType} secrets take text data.`);
  // ExtendedConfig is required for every managed type [doc]; [inf] its absence is InvalidParameter.
  const raw = params.get('ExtendedConfig');
  if (raw === undefined) throw ERRORS.invalid('ExtendedConfig', `It is required for ${secretType} secrets.`);
  const config = checkExtendedConfig(type, secretType, params.json('ExtendedConfig'));
  const storedName = type.nameFor(name, config);
  const now = context.engine.now();
  const policy = rotationPolicy(params.bool('EnableAutomaticRotation', false), params.get('RotationInterval'), now);
  const credentials = type.initial(params.required('SecretData'), config, { now, ids: context.engine.ids, rotationMs: rotationMs(policy) });
  // ExtendedConfig is echoed as sent, spacing included [doc: DescribeSecret sample].
  return { name: storedName, value: text(credentials), attributes: { extendedConfig: raw, ...policy } };
}

function storedConfig(record: SecretRecord): ExtendedConfig {
  try {
    const parsed: unknown = JSON.parse(String(record.attributes.extendedConfig ?? '{}'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as ExtendedConfig) : {};
  } catch {
    return {};
  }
}

function credentialsAt(record: SecretRecord, label: string): Credentials | undefined {
  const data = versionWithLabel(record, label)?.value?.data;
  if (data === undefined) return undefined;
  try {
    return JSON.parse(data) as Credentials;
  } catch {
    return undefined;
  }
}

/** Writes fresh credentials as version `versionId` of a draft: it becomes ACSCurrent, the old one ACSPrevious [doc]. */
function rotateDraft(context: AlibabaContext, draft: SecretRecord, versionId: string, now: number): void {
  const type = MANAGED_TYPES[secretTypeOf(draft)];
  const interval = rotationMs(draft.attributes);
  const source = { now, ids: context.engine.ids, rotationMs: interval };
  const credentials = type.rotated(credentialsAt(draft, ACS_CURRENT) ?? {}, credentialsAt(draft, ACS_PREVIOUS), storedConfig(draft), source);
  addVersion(draft, context.engine.policyFor('alibaba'), { id: versionId, value: text(credentials), now });
  draft.attributes.lastRotationAt = now;
  // [inf] Any rotation, manual or automatic, restarts the schedule; missed periods rotate once.
  if (interval !== undefined) draft.attributes.nextRotationAt = now + interval;
  draft.changedAt = now;
}

function rotationDue(record: SecretRecord, now: number): boolean {
  const next = record.attributes.nextRotationAt;
  // [inf] A secret pending deletion is not rotated.
  return !record.deletion && record.attributes.automaticRotation === 'Enabled' && typeof next === 'number' && next <= now;
}

/**
 * Rotates a managed secret whose automatic rotation is due on the emulator's clock, and
 * returns the secret as it now is; any other secret comes back unchanged.
 */
export async function rotateIfDue(context: AlibabaContext, record: SecretRecord): Promise<SecretRecord> {
  if (secretTypeOf(record) === 'Generic' || !rotationDue(record, context.engine.now())) return record;
  const { record: rotated } = await context.engine.update(record, (draft, now) => {
    // Checked again on the latest state, so concurrent readers rotate once.
    if (rotationDue(draft, now)) rotateDraft(context, draft, context.engine.ids.uuid(), now);
  });
  return rotated;
}

/** Rotates a managed secret now into version `versionId`; a VersionId the secret has already is a no-op success [doc]. */
export async function rotateNow(context: AlibabaContext, record: SecretRecord, versionId: string): Promise<SecretRecord> {
  if (findVersion(record, versionId)) return record;
  const { record: rotated } = await context.engine.update(record, (draft, now) => {
    if (!findVersion(draft, versionId)) rotateDraft(context, draft, versionId, now);
  });
  return rotated;
}
