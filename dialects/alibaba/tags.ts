import type { Tag } from '../../src/core/model.js';
import { ERRORS } from './errors.js';
import type { Params } from './params.js';

/** Most tags a secret may carry [doc]. */
export const MAX_TAGS = 20;

function validTag(key: unknown, value: unknown): key is string {
  return (
    typeof key === 'string' &&
    typeof value === 'string' &&
    key.length >= 1 &&
    key.length <= 128 &&
    value.length <= 128 &&
    // Keys starting with aliyun or acs: are reserved for the platform [doc].
    !/^(aliyun|acs:)/i.test(key)
  );
}

/** Reads tags given as a JSON string `[{"TagKey":…,"TagValue":…}]`; undefined when absent. */
export function jsonTags(params: Params, name: string): Tag[] | undefined {
  const raw = params.json(name);
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw) || raw.length > MAX_TAGS) throw ERRORS.invalid(name);
  return raw.map((item: { TagKey?: unknown; TagValue?: unknown }) => {
    if (typeof item !== 'object' || item === null || !validTag(item.TagKey, item.TagValue ?? '')) throw ERRORS.invalid(name);
    return { key: item.TagKey as string, value: (item.TagValue ?? '') as string };
  });
}

/** Adds or overwrites tags, keeping first-seen order, and enforces the per-secret cap. */
export function mergeTags(existing: Tag[] | undefined, added: Tag[]): Tag[] {
  const tags = (existing ?? []).map((tag) => ({ ...tag }));
  for (const tag of added) {
    const found = tags.find((t) => t.key === tag.key);
    if (found) found.value = tag.value;
    else tags.push({ ...tag });
  }
  if (tags.length > MAX_TAGS) throw ERRORS.limitExceeded();
  return tags;
}
