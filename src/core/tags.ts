/** Tags as pure changes: merging keeps first-seen order and lets a later value of a key win. */
import { CoreError } from './errors.js';
import type { Tag } from './model.js';
import type { CloudPolicy } from './policy.js';

/** `existing` with `added` merged in (a key present gets the new value), within the cloud's tag cap (`too-many-tags`). */
export function mergeTags(existing: readonly Tag[] | undefined, added: readonly Tag[], policy: CloudPolicy): Tag[] {
  const tags = (existing ?? []).map((tag) => ({ ...tag }));
  for (const tag of added) {
    const found = tags.find((t) => t.key === tag.key);
    if (found) found.value = tag.value;
    else tags.push({ ...tag });
  }
  if (tags.length > policy.tags.maxPerSecret) throw new CoreError('too-many-tags', { limit: String(policy.tags.maxPerSecret) });
  return tags;
}

/** `existing` without the tags whose keys are given, or without any with `'all'`. */
export function removeTags(existing: readonly Tag[] | undefined, keys: readonly string[] | 'all'): Tag[] {
  if (keys === 'all') return [];
  return (existing ?? []).filter((tag) => !keys.includes(tag.key)).map((tag) => ({ ...tag }));
}

/** True when two tag lists hold the same tags in the same order. */
export function sameTags(a: readonly Tag[] | undefined, b: readonly Tag[] | undefined): boolean {
  const left = a ?? [];
  const right = b ?? [];
  return left.length === right.length && left.every((tag, i) => tag.key === right[i].key && tag.value === right[i].value);
}
