import type { SecretRecord } from '../../src/core/model.js';
import { ERRORS } from './errors.js';
import type { Params } from './params.js';
import { secretTypeOf } from './secretTypes.js';

/** Most values one filter key may carry [doc]. */
export const MAX_FILTER_VALUES = 10;
/** Longest filter value (the documented Description filter bound, applied to every key) [doc]. */
const MAX_VALUE_LENGTH = 256;

/** A secret's attributes one Filters key compares against. */
type Attribute = (record: SecretRecord) => Array<string | undefined>;

// A Map, not an object literal, so a Key such as "constructor" cannot reach Object.prototype.
const ATTRIBUTES = new Map<string, Attribute>([
  ['SecretName', (record) => [record.name]],
  ['Description', (record) => [record.description]],
  ['TagKey', (record) => (record.tags ?? []).map((tag) => tag.key)],
  ['TagValue', (record) => (record.tags ?? []).map((tag) => tag.value)],
  ['DKMSInstanceId', (record) => [record.alibaba?.dkmsInstanceId]],
  ['SecretType', (record) => [secretTypeOf(record)]],
  // [inf] Creator: the service that owns a product-managed secret, else the account that created it.
  ['Creator', (record) => [record.alibaba?.owingService ?? record.namespace.account]],
]);

/** One parsed Filters entry: what to look at and the values any of which may match. */
export interface SecretFilter {
  key: string;
  attribute: Attribute;
  values: string[];
}

function parseFilter(item: unknown): SecretFilter {
  const { Key, Values } = (typeof item === 'object' && item !== null ? item : {}) as { Key?: unknown; Values?: unknown };
  const attribute = typeof Key === 'string' ? ATTRIBUTES.get(Key) : undefined;
  if (!attribute) throw ERRORS.invalid('Filters', `Unknown filter key ${JSON.stringify(Key)}.`);
  const valid =
    Array.isArray(Values) &&
    Values.length >= 1 &&
    Values.length <= MAX_FILTER_VALUES &&
    Values.every((value) => typeof value === 'string' && value.length <= MAX_VALUE_LENGTH);
  if (!valid) throw ERRORS.invalid('Filters', `Each filter needs 1 to ${MAX_FILTER_VALUES} string Values.`);
  return { key: Key as string, attribute, values: Values as string[] };
}

/** Reads the Filters parameter, a JSON string `[{"Key":…,"Values":[…]}]`; no filters when absent. */
export function parseFilters(params: Params): SecretFilter[] {
  const raw = params.json('Filters');
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw ERRORS.invalid('Filters', 'It must be a JSON array.');
  return raw.map(parseFilter);
}

/** [inf] Exact matches: any value within a filter (OR), every filter (AND). */
export function matchesFilters(record: SecretRecord, filters: readonly SecretFilter[]): boolean {
  return filters.every(({ attribute, values }) => attribute(record).some((actual) => actual !== undefined && values.includes(actual)));
}
