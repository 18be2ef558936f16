import type { TencentContext } from '../context.js';
import { unixSeconds } from '../render.js';
import { requireSecret } from '../secrets.js';

interface ListSecretVersionIdsInput {
  SecretName: string;
}

/** ListSecretVersionIds: every version's id and CreateTime, in creation order [inf]; any status. */
export async function ListSecretVersionIds(input: ListSecretVersionIdsInput, context: TencentContext): Promise<object> {
  const record = requireSecret(context, input.SecretName);
  return {
    SecretName: record.name,
    Versions: record.versions.map((version) => ({ VersionId: version.id, CreateTime: unixSeconds(version.createdAt) })),
  };
}
