import type { SecretRecord, Tag } from '../../../src/core/model.js';
import type { AlibabaContext } from '../context.js';
import { ERRORS } from '../errors.js';
import type { Params } from '../params.js';
import { findSecret } from '../secrets.js';
import { resourceIds, structTags } from '../tags.js';

/** Rows per page: KMS returns 200 by default and takes no page-size parameter [doc]. */
const PAGE_SIZE = 200;

/** One row of the answer: a tag of a secret. */
interface TagResourceRow {
  ResourceId: string;
  ResourceType: 'secret';
  TagKey: string;
  TagValue: string;
}

// [inf] NextToken is opaque to clients; polysecret's is the base64url offset of the next row.
function offsetOf(token: string | undefined): number {
  if (token === undefined || token === '') return 0;
  const text = Buffer.from(token, 'base64url').toString('utf8');
  if (!/^\d+$/.test(text) || Buffer.from(text).toString('base64url') !== token) throw ERRORS.invalid('NextToken');
  return Number(text);
}

function tokenAt(offset: number): string {
  return Buffer.from(String(offset)).toString('base64url');
}

/** The secrets in scope: those `ResourceId.N` names in the order given (unknown ones skipped [inf]), else every secret of the region, oldest first. */
function secretsInScope(params: Params, context: AlibabaContext): SecretRecord[] {
  const ids = resourceIds(params);
  if (ids.length === 0) return context.secrets.list(context.ns);
  const found = new Map<string, SecretRecord>();
  for (const id of ids) {
    const record = findSecret(context, id);
    if (record) found.set(record.key, record);
  }
  return [...found.values()];
}

/**
 * The tags of a secret that answer the `Tag.N` filter: with no filter, all of them; with one,
 * the matching tags of a secret carrying every filter tag (an absent Value matches any) [inf].
 */
function matchingTags(tags: Tag[], filter: Array<{ key: string; value?: string }>): Tag[] {
  if (filter.length === 0) return tags;
  const fits = (f: { key: string; value?: string }, tag: Tag) => f.key === tag.key && (f.value === undefined || f.value === tag.value);
  const hasAll = filter.every((f) => tags.some((tag) => fits(f, tag)));
  return hasAll ? tags.filter((tag) => filter.some((f) => fits(f, tag))) : [];
}

/** ListTagResources: one row per (secret, tag), filtered by `ResourceId.N` and/or `Tag.N`, 200 rows a page. */
export async function ListTagResources(params: Params, context: AlibabaContext): Promise<object> {
  const filter = structTags(params, 'Tag');
  const offset = offsetOf(params.get('NextToken'));
  const rows: TagResourceRow[] = secretsInScope(params, context).flatMap((record) =>
    matchingTags(record.tags ?? [], filter).map((tag) => ({ ResourceId: record.name, ResourceType: 'secret' as const, TagKey: tag.key, TagValue: tag.value })),
  );
  const end = offset + PAGE_SIZE;
  return {
    // An empty NextToken means there is no further page [doc].
    NextToken: end < rows.length ? tokenAt(end) : '',
    TagResources: { TagResource: rows.slice(offset, end) },
  };
}
