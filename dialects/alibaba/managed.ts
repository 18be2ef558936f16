import type { AlibabaState } from '../../src/core/vendorState.js';
import type { RotationSchedule, SecretRecord, SecretValue } from '../../src/core/model.js';
import type { IdSource } from '../../src/core/runtime.js';
import { findVersion, versionWithLabel } from '../../src/core/versions.js';
import type { AlibabaContext } from './context.js';
import { ERRORS } from './errors.js';
import { checkExtendedConfig, MANAGED_TYPES, type Credentials, type ExtendedConfig } from './managedTypes.js';
import type { Params } from './params.js';
import { ACS_CURRENT, ACS_PREVIOUS, SECRET_TYPES, secretTypeOf } from './secretTypes.js';

/** What CreateSecret stores for a managed secret. */
export interface PreparedManagedSecret {
  name: string;
  value: SecretValue;
  extendedConfig: string;
  rotation: RotationSchedule;
}

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
 * The rotation schedule for EnableAutomaticRotation and RotationInterval. The interval is
 * required when enabling and ignored otherwise [doc]; [inf] a missing one is InvalidParameter,
 * and the first automatic rotation is one interval from now. A disabled schedule has no interval
 * or next time, which KMS reports only while rotation is on [doc].
 */
export function rotationPolicy(enabled: boolean, interval: string | undefined, now: number): RotationSchedule {
  if (!enabled) return { enabled: false };
  if (interval === undefined || interval === '') throw ERRORS.invalid('RotationInterval', 'It is required to enable automatic rotation.');
  const intervalMs = rotationSeconds(interval) * 1_000;
  return { enabled: true, intervalMs, nextAt: now + intervalMs };
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
  const now = context.secrets.now();
  const policy = rotationPolicy(params.bool('EnableAutomaticRotation', false), params.get('RotationInterval'), now);
  const credentials = type.initial(params.required('SecretData'), config, { now, ids: context.secrets.ids, rotationMs: policy.intervalMs });
  // ExtendedConfig is echoed as sent, spacing included [doc: DescribeSecret sample].
  return { name: storedName, value: text(credentials), extendedConfig: raw, rotation: policy };
}

function storedConfig(record: SecretRecord): ExtendedConfig {
  try {
    const parsed: unknown = JSON.parse(record.alibaba?.extendedConfig ?? '{}');
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

/** Fresh credentials for a managed secret's rotation, from its current and previous ones and its ExtendedConfig [doc]. */
export function rotatedValue(record: SecretRecord, now: number, ids: IdSource): SecretValue {
  const type = MANAGED_TYPES[secretTypeOf(record)];
  const source = { now, ids, rotationMs: record.rotation?.enabled ? record.rotation.intervalMs : undefined };
  return text(type.rotated(credentialsAt(record, ACS_CURRENT) ?? {}, credentialsAt(record, ACS_PREVIOUS), storedConfig(record), source));
}

/** Rotates a managed secret now into version `versionId`; a VersionId the secret has already is a no-op success [doc]. */
export async function rotateNow(context: AlibabaContext, record: SecretRecord, versionId: string): Promise<SecretRecord> {
  if (findVersion(record, versionId)) return record;
  return (await context.secrets.rotate(record, { versionId })).record;
}

/** The typed state of a record saved with `attributes` (before typed vendor state). */
export function legacyState(attributes: Record<string, unknown>): Pick<SecretRecord, 'alibaba' | 'rotation'> {
  const { secretType, dkmsInstanceId, owingService, extendedConfig, automaticRotation, rotationInterval, nextRotationAt, lastRotationAt } = attributes;
  const alibaba = { secretType: String(secretType ?? 'Generic') } as AlibabaState;
  if (typeof dkmsInstanceId === 'string') alibaba.dkmsInstanceId = dkmsInstanceId;
  if (typeof owingService === 'string') alibaba.owingService = owingService;
  if (typeof extendedConfig === 'string') alibaba.extendedConfig = extendedConfig;
  if (automaticRotation === undefined) return { alibaba };
  const rotation: RotationSchedule = { enabled: automaticRotation === 'Enabled' };
  if (typeof rotationInterval === 'string') rotation.intervalMs = Number.parseInt(rotationInterval, 10) * 1_000;
  if (typeof nextRotationAt === 'number') rotation.nextAt = nextRotationAt;
  if (typeof lastRotationAt === 'number') rotation.lastAt = lastRotationAt;
  return { alibaba, rotation };
}
