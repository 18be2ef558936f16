import type { RotationSchedule, SecretRecord } from '../../src/core/model.js';
import type { TencentFlow, TencentState } from '../../src/core/vendorState.js';
import { parseDateTime } from './dateTime.js';
import { DAY_MS } from '../../src/core/runtime.js';


function parsedList<T>(text: unknown): T[] | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? (parsed as T[]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The typed state of a record saved with `attributes` (before typed vendor state): the same
 * fields, lists parsed from their JSON text, and the rotation settings as a schedule in ms.
 */
export function legacyState(attributes: Record<string, unknown>): Pick<SecretRecord, 'tencent' | 'rotation'> {
  const a = attributes;
  const tencent: TencentState = { secretType: Number(a.secretType ?? 0) };
  for (const key of ['status', 'productName', 'additionalConfig', 'resourceSuffix', 'userNamePrefix', 'instanceId', 'sshKeyId', 'resourceName', 'accountRemark', 'accountType'] as const) {
    if (typeof a[key] === 'string') tencent[key] = a[key] as string;
  }
  if (typeof a.encryptType === 'number') tencent.encryptType = a.encryptType;
  if (typeof a.projectId === 'number') tencent.projectId = a.projectId;
  const domains = parsedList<string>(a.domains);
  if (domains) tencent.domains = domains;
  const privileges = parsedList<unknown>(a.privileges);
  if (privileges) tencent.privileges = privileges;
  const flows = parsedList<TencentFlow>(a.flows);
  if (flows) tencent.flows = flows;
  if (a.rotationEnabled === undefined) return { tencent };
  const rotation: RotationSchedule = { enabled: a.rotationEnabled === true, intervalMs: Number(a.rotationFrequency ?? 1) * DAY_MS };
  const anchorAt = typeof a.rotationBeginTime === 'string' ? parseDateTime(a.rotationBeginTime) : undefined;
  if (anchorAt !== undefined) rotation.anchorAt = anchorAt;
  if (typeof a.nextRotationTime === 'number') rotation.nextAt = a.nextRotationTime * 1000;
  return { tencent, rotation };
}
