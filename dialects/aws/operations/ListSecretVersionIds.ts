import type { AwsContext } from '../context.js';
import { paginate } from '../paging.js';
import { accessDay, epochSeconds } from '../render.js';
import { requireSecret } from '../secrets.js';

interface ListSecretVersionIdsInput {
  SecretId: string;
  MaxResults?: number;
  NextToken?: string;
  IncludeDeprecated?: boolean;
}

/** ListSecretVersionIds: labelled versions, and with IncludeDeprecated the unlabelled ones too (without VersionStages) [rec]. */
export async function ListSecretVersionIds(input: ListSecretVersionIdsInput, context: AwsContext): Promise<object> {
  const record = requireSecret(context, input.SecretId);
  const versions = record.versions.filter((version) => input.IncludeDeprecated || version.labels.length > 0);
  const page = paginate(versions, input.MaxResults, input.NextToken, 100);
  return {
    Versions: page.items.map((version) => ({
      VersionId: version.id,
      VersionStages: version.labels.length ? [...version.labels] : undefined,
      LastAccessedDate: accessDay(version.lastAccessedAt),
      CreatedDate: epochSeconds(version.createdAt),
      // The default key is reported by this placeholder name [rec].
      KmsKeyIds: [record.kmsKeyId ?? 'DefaultEncryptionKey'],
    })),
    NextToken: page.nextToken,
    ARN: record.resourceId,
    Name: record.name,
  };
}
