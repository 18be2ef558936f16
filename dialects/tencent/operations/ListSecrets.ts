import type { SecretRecord } from '../../../src/core/model.js';
import type { TencentContext } from '../context.js';
import { formatDateTime } from '../dateTime.js';
import { describeMembers, resourceIdOf, unixSeconds } from '../render.js';
import { nextRotationAt } from '../rotation.js';
import { statusOf } from '../secrets.js';

interface TagFilter {
  TagKey: string;
  TagValue?: string[];
}

interface ListSecretsInput {
  Offset?: number;
  Limit?: number;
  OrderType?: number;
  State?: number;
  SearchSecretName?: string;
  TagFilters?: TagFilter[];
  SecretType?: number;
  ProductName?: string;
  EncryptType?: number;
  InstanceID?: string;
}

/** Page size when Limit is 0 or absent [sdk]; larger pages are not capped [inf]. */
const DEFAULT_LIMIT = 20;

/** The Status each State filter value selects (4 and 5 only occur for product secrets) [sdk]. */
const STATUS_BY_STATE: Record<number, string> = { 1: 'Enabled', 2: 'Disabled', 3: 'PendingDelete', 4: 'Creating', 5: 'Failed' };

/** A secret's entry in SecretMetadatas, in the SDK's member order. */
function secretMetadata(record: SecretRecord): Record<string, unknown> {
  const members = describeMembers(record);
  const rotationBegin = record.rotation?.anchorAt;
  const nextRotation = nextRotationAt(record);
  return {
    SecretName: members.SecretName,
    Description: members.Description,
    KmsKeyId: members.KmsKeyId,
    CreateUin: members.CreateUin,
    Status: members.Status,
    DeleteTime: members.DeleteTime,
    CreateTime: members.CreateTime,
    // DEFAULT: the key SSM creates for the account; CUSTOMER: a key the caller named [sdk].
    KmsKeyType: members.KmsKeyId === '' ? 'DEFAULT' : 'CUSTOMER',
    // ListSecrets reports rotation as 1/0 where DescribeSecret has a bool [sdk].
    RotationStatus: members.RotationStatus ? 1 : 0,
    // Unix seconds here, a string in DescribeSecret; 0 for a secret that does not rotate [inf].
    NextRotationTime: nextRotation === undefined ? 0 : unixSeconds(nextRotation),
    SecretType: members.SecretType,
    ProductName: members.ProductName,
    ResourceName: members.ResourceName,
    ProjectID: members.ProjectID,
    AssociatedInstanceIDs: members.AssociatedInstanceIDs,
    TargetUin: members.TargetUin,
    RotationFrequency: members.RotationFrequency,
    ResourceID: members.ResourceID,
    // `YYYY-MM-DD hh:mm:ss` for rotated secrets, "" otherwise [inf].
    RotationBeginTime: rotationBegin === undefined ? '' : formatDateTime(rotationBegin),
    EncryptType: members.EncryptType,
    EncryptSwitching: members.EncryptSwitching,
    CreateUinString: members.CreateUinString,
    TargetUinString: members.TargetUinString,
  };
}

/** Filters ANDed, the values of one filter ORed; a filter without values only needs the key [inf]. */
function matchesTags(record: SecretRecord, filters: TagFilter[]): boolean {
  const tags = record.tags ?? [];
  return filters.every((filter) =>
    tags.some((tag) => tag.key === filter.TagKey && (!filter.TagValue?.length || filter.TagValue.includes(tag.value))),
  );
}

/**
 * Whether a secret passes every filter of the request, read from the record as {@link secretMetadata}
 * renders it (SecretType, Status, EncryptType, ProductName, ResourceID), so no entry is rendered to filter it.
 */
function matcherOf(input: ListSecretsInput): (record: SecretRecord) => boolean {
  // Without SecretType only user-defined secrets are listed [sdk: default 0].
  const secretType = input.SecretType ?? 0;
  const status = input.State ? STATUS_BY_STATE[input.State] : undefined;
  // ProductName is a comma-separated list, honoured for cloud-product secrets (SecretType 1) only [sdk].
  const products = secretType === 1 ? (input.ProductName ?? '').split(',').map((name) => name.trim()).filter(Boolean) : [];
  return (record) => {
    const state = record.tencent;
    if ((state?.secretType ?? 0) !== secretType) return false;
    if (status !== undefined && statusOf(record) !== status) return false;
    // SearchSecretName: case-sensitive substring of the name [inf].
    if (input.SearchSecretName && !record.name.includes(input.SearchSecretName)) return false;
    if (input.TagFilters && !matchesTags(record, input.TagFilters)) return false;
    if (input.EncryptType !== undefined && (state?.encryptType ?? 0) !== input.EncryptType) return false;
    if (products.length > 0 && !products.includes(state?.productName ?? 'default')) return false;
    // A product secret's ResourceID is its product instance's id [sdk].
    if (input.InstanceID && resourceIdOf(record) !== input.InstanceID) return false;
    return true;
  };
}

/**
 * ListSecrets: the region's secrets of one SecretType, filtered, newest first (OrderType 0) or
 * oldest first (1), one page of Offset/Limit; TotalCount counts the whole filtered set.
 */
export async function ListSecrets(input: ListSecretsInput, context: TencentContext): Promise<object> {
  // Product secrets finish creating and rotate on the emulator clock; listing shows them as they now are.
  await context.secrets.settleAll(context.ns);
  const { Offset: offset, Limit: limit, OrderType: orderType, ...filters } = input;
  const page = context.secrets.listPage(context.ns, {
    // Creation order breaks ties between equal CreateTimes, reversed with the order [inf].
    order: { by: 'created', descending: orderType !== 1, descendingTies: 'reversed' },
    where: matcherOf(filters),
    // The filters read the record alone, so a later page resumes this page's walk and reuses its count.
    filterKey: JSON.stringify(filters),
    offset: offset ?? 0,
    limit: limit || DEFAULT_LIMIT,
  });
  return { TotalCount: page.total, SecretMetadatas: page.items.map(secretMetadata) };
}
