import type { SecretVersion } from '../../../src/core/model.js';
import type { TencentContext } from '../context.js';
import { formatDateTime } from '../dateTime.js';
import { requireRotatedSecret } from '../rotation.js';

interface DescribeRotationHistoryInput {
  SecretName: string;
}

/** Most versions the history shows [sdk: "上限为10个"]. */
const MAX_SHOWN = 10;

/** The database account a version's credentials name, "" for a value that is not SSM's credentials JSON. */
function accountNameOf(version: SecretVersion): string {
  try {
    const account = JSON.parse(version.value?.type === 'string' ? version.value.data : '') as { UserName?: unknown };
    return typeof account.UserName === 'string' ? account.UserName : '';
  } catch {
    return '';
  }
}

/**
 * DescribeRotationHistory: the ids of a product secret's versions, oldest first [inf: order
 * undocumented], at most 10, with TotalCount, and AccountInfoList (newer SDKs [sdk]) giving each
 * version's account, hosts and time. Version holds the version id [inf: documented only as
 * "account state"].
 */
export async function DescribeRotationHistory(input: DescribeRotationHistoryInput, context: TencentContext): Promise<object> {
  const record = await requireRotatedSecret(context, input.SecretName);
  const versions = record.versions.slice(-MAX_SHOWN);
  const hosts = record.tencent?.domains ?? [];
  return {
    VersionIDs: versions.map((version) => version.id),
    TotalCount: versions.length,
    AccountInfoList: versions.map((version) => ({
      AccountName: accountNameOf(version),
      Host: hosts,
      Version: version.id,
      RotatedTime: formatDateTime(version.createdAt),
    })),
  };
}
