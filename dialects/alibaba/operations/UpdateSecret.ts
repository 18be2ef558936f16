import type { AlibabaContext } from '../context.js';
import { ERRORS } from '../errors.js';
import type { Params } from '../params.js';
import { secretTypeOf } from '../secretTypes.js';
import { requireLiveSecret } from '../secrets.js';

const CUSTOM_DATA = 'ExtendedConfig.CustomData';
/** ExtendedConfig is at most 1024 characters [doc]. */
const MAX_EXTENDED_CONFIG = 1024;

/**
 * The CustomData a request carries, in either wire form: TS/Java send `ExtendedConfig.CustomData=<json>`,
 * Go flattens the map into `ExtendedConfig.CustomData.<k>=<v>` (the rest of the name is the key, verbatim).
 */
function customDataOf(params: Params): Record<string, unknown> | undefined {
  const json = params.json(CUSTOM_DATA);
  if (json !== undefined && (typeof json !== 'object' || json === null || Array.isArray(json))) {
    throw ERRORS.invalid(CUSTOM_DATA, 'It must be a JSON object.');
  }
  const flattened = Object.entries(params.toObject()).filter(([name]) => name.startsWith(`${CUSTOM_DATA}.`));
  if (json === undefined && flattened.length === 0) return undefined;
  const customData: Record<string, unknown> = { ...(json as Record<string, unknown> | undefined) };
  for (const [name, value] of flattened) customData[name.slice(CUSTOM_DATA.length + 1)] = value;
  return customData;
}

/** The stored ExtendedConfig JSON object with its CustomData replaced. */
function withCustomData(extendedConfig: unknown, customData: Record<string, unknown>): string {
  let config: Record<string, unknown> = {};
  try {
    const parsed: unknown = typeof extendedConfig === 'string' ? JSON.parse(extendedConfig) : {};
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) config = parsed as Record<string, unknown>;
  } catch {
    // A stored config that is not JSON is replaced rather than failing every update.
  }
  const updated = JSON.stringify({ ...config, CustomData: customData });
  if (updated.length > MAX_EXTENDED_CONFIG) throw ERRORS.invalid(CUSTOM_DATA, `ExtendedConfig must be at most ${MAX_EXTENDED_CONFIG} characters.`);
  return updated;
}

/** UpdateSecret: a new Description (empty clears it) and, for managed secrets, a new ExtendedConfig CustomData. */
export async function UpdateSecret(params: Params, context: AlibabaContext): Promise<object> {
  const description = params.get('Description');
  const customData = customDataOf(params);
  const record = requireLiveSecret(context, params.required('SecretName'));
  // CustomData belongs to the ExtendedConfig that only managed secrets have [doc].
  if (customData && secretTypeOf(record) === 'Generic') throw ERRORS.invalid(CUSTOM_DATA, 'Generic secrets have no ExtendedConfig.');
  if (description === undefined && customData === undefined) return { SecretName: record.name };
  const { record: updated } = await context.secrets.update(record, (draft, now) => {
    // [inf] An empty Description clears the description rather than storing an empty one.
    if (description === '') delete draft.description;
    else if (description !== undefined) draft.description = description;
    if (customData && draft.alibaba) draft.alibaba.extendedConfig = withCustomData(draft.alibaba.extendedConfig, customData);
    draft.changedAt = now;
  });
  return { SecretName: updated.name };
}
