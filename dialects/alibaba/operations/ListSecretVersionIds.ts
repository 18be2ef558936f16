import type { AlibabaContext } from '../context.js';
import { pageOf } from '../../../src/core/paging.js';
import type { Params } from '../params.js';
import { kmsTime, stagesOf } from '../render.js';
import { requireSecret } from '../secrets.js';

/** Default and largest page sizes: 20 by default [doc: 2026 SDK models]; the upper bound is undocumented [inf: 100]. */
const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

/**
 * ListSecretVersionIds: the secret's versions, oldest first [inf], one page at a time; versions
 * without stages only with IncludeDeprecated=true [doc]. Like DescribeSecret it also answers for
 * a secret pending deletion, since it shows no data [inf].
 */
export async function ListSecretVersionIds(params: Params, context: AlibabaContext): Promise<object> {
  const includeDeprecated = params.bool('IncludeDeprecated', false);
  const pageNumber = params.int('PageNumber', 1, 1, Number.MAX_SAFE_INTEGER);
  const pageSize = params.int('PageSize', DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
  const record = await context.secrets.settled(requireSecret(context, params.required('SecretName')));
  const versions = record.versions.filter((version) => includeDeprecated || version.labels.length > 0);
  const page = pageOf(versions, (pageNumber - 1) * pageSize, pageSize).items;
  return {
    SecretName: record.name,
    PageNumber: pageNumber,
    PageSize: pageSize,
    TotalCount: versions.length,
    VersionIds: {
      VersionId: page.map((version) => ({ VersionId: version.id, CreateTime: kmsTime(version.createdAt), VersionStages: stagesOf(version) })),
    },
  };
}
