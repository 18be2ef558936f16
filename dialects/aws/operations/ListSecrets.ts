import type { ListOrder } from '../../../src/core/lifecycle.js';
import type { AwsContext } from '../context.js';
import { secretMatches, toFilters } from '../listFilters.js';
import { offsetOf, tokenOf } from '../paging.js';
import { secretMetadata, versionsToStages } from '../render.js';

interface ListSecretsInput {
  IncludePlannedDeletion?: boolean;
  MaxResults?: number;
  NextToken?: string;
  Filters?: Array<{ Key?: string; Values?: string[] }>;
  SortOrder?: 'asc' | 'desc';
  SortBy?: 'created-date' | 'last-accessed-date' | 'last-changed-date' | 'name';
}

/** The record field each SortBy sorts on (a secret never read sorts as read at time 0) [inf]. */
const SORT_FIELDS: Record<NonNullable<ListSecretsInput['SortBy']>, ListOrder['by']> = {
  'created-date': 'created',
  'last-accessed-date': 'accessed',
  'last-changed-date': 'changed',
  name: 'name',
};

/** ListSecrets: the caller's secrets, oldest first unless sorted otherwise, filtered and paged. */
export async function ListSecrets(input: ListSecretsInput, context: AwsContext): Promise<object> {
  const filters = toFilters(input.Filters);
  const offset = offsetOf(input.NextToken);
  // Equal keys keep creation order in both directions, as a stable sort of the creation-ordered list leaves them.
  const order: ListOrder = { by: SORT_FIELDS[input.SortBy ?? 'created-date'], descending: input.SortOrder === 'desc', descendingTies: 'insertion' };
  const page = context.secrets.listSlice(context.ns, {
    order,
    withoutPendingDeletion: !input.IncludePlannedDeletion,
    where: filters.length === 0 ? undefined : (record) => secretMatches(record, filters),
    // The filters read the record alone, so the next page resumes this page's walk.
    filterKey: JSON.stringify(filters),
    offset,
    limit: input.MaxResults ?? 100,
  });
  return {
    SecretList: page.items.map((record) => ({ ...secretMetadata(record), SecretVersionsToStages: versionsToStages(record) })),
    NextToken: tokenOf(page.nextOffset),
  };
}
