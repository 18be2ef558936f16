import type { SecretRecord } from '../../../src/core/model.js';
import type { AwsContext } from '../context.js';
import { secretMatches, toFilters } from '../listFilters.js';
import { paginate } from '../paging.js';
import { secretMetadata, versionsToStages } from '../render.js';

interface ListSecretsInput {
  IncludePlannedDeletion?: boolean;
  MaxResults?: number;
  NextToken?: string;
  Filters?: Array<{ Key?: string; Values?: string[] }>;
  SortOrder?: 'asc' | 'desc';
  SortBy?: 'created-date' | 'last-accessed-date' | 'last-changed-date' | 'name';
}

const SORT_KEYS: Record<NonNullable<ListSecretsInput['SortBy']>, (record: SecretRecord) => number | string> = {
  'created-date': (record) => record.createdAt,
  'last-accessed-date': (record) => record.accessedAt ?? 0,
  'last-changed-date': (record) => record.changedAt,
  name: (record) => record.name,
};

/** ListSecrets: the caller's secrets, oldest first unless sorted otherwise, filtered and paged. */
export async function ListSecrets(input: ListSecretsInput, context: AwsContext): Promise<object> {
  const filters = toFilters(input.Filters);
  const sortKey = SORT_KEYS[input.SortBy ?? 'created-date'];
  const direction = input.SortOrder === 'desc' ? -1 : 1;
  const secrets = context.secrets
    .list(context.ns)
    .filter((record) => (input.IncludePlannedDeletion || !record.deletion) && (filters.length === 0 || secretMatches(record, filters)))
    // The engine lists in creation order, so the default sort is one linear pass of the (Tim)sort.
    .sort((a, b) => {
      const [x, y] = [sortKey(a), sortKey(b)];
      return x < y ? -direction : x > y ? direction : 0;
    });
  const page = paginate(secrets, input.MaxResults, input.NextToken, 100);
  return {
    SecretList: page.items.map((record) => ({ ...secretMetadata(record), SecretVersionsToStages: versionsToStages(record) })),
    NextToken: page.nextToken,
  };
}
