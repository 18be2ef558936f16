import type { SecretRecord } from '../../../src/core/model.js';
import type { AlibabaContext } from '../context.js';
import { matchesFilters, parseFilters } from '../listFilters.js';
import type { Params } from '../params.js';
import { kmsTime, tagsOf } from '../render.js';
import { secretTypeOf } from '../secretTypes.js';

const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 100;

function entryOf(record: SecretRecord, fetchTags: boolean): object {
  return {
    SecretName: record.name,
    SecretType: secretTypeOf(record),
    CreateTime: kmsTime(record.createdAt),
    UpdateTime: kmsTime(record.changedAt),
    PlannedDeleteTime: kmsTime(record.deletion?.purgeAt),
    OwingService: record.alibaba?.owingService,
    Tags: fetchTags ? tagsOf(record) : undefined,
  };
}

/**
 * ListSecrets: one page of the region's secrets, oldest first, secrets pending deletion included
 * (with PlannedDeleteTime); TotalCount counts every secret the Filters match.
 */
export async function ListSecrets(params: Params, context: AlibabaContext): Promise<object> {
  const pageNumber = params.int('PageNumber', 1, 1, Number.MAX_SAFE_INTEGER);
  const pageSize = params.int('PageSize', DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
  const fetchTags = params.bool('FetchTags', false);
  const filters = parseFilters(params);
  const page = context.secrets.listPage(context.ns, {
    // Without Filters every secret counts, and the page is found without walking the ones before it.
    where: filters.length === 0 ? undefined : (record) => matchesFilters(record, filters),
    // The filters read the record alone, so a later page resumes this page's walk and reuses its count.
    filterKey: JSON.stringify(filters.map(({ key, values }) => [key, values])),
    offset: (pageNumber - 1) * pageSize,
    limit: pageSize,
  });
  return {
    PageNumber: pageNumber,
    PageSize: pageSize,
    TotalCount: page.total,
    SecretList: { Secret: page.items.map((record) => entryOf(record, fetchTags)) },
  };
}
