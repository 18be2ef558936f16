import type { AlibabaContext } from '../context.js';
import type { Params } from '../params.js';
import { kmsTime, managedMembers, tagsOf } from '../render.js';
import { secretTypeOf } from '../secretTypes.js';
import { requireSecret } from '../secrets.js';

/** DescribeSecret: a secret's metadata (Tags only with FetchTags=true); works on secrets pending deletion. */
export async function DescribeSecret(params: Params, context: AlibabaContext): Promise<object> {
  const fetchTags = params.bool('FetchTags', false);
  const record = await context.secrets.settled(requireSecret(context, params.required('SecretName')));
  return {
    Arn: record.resourceId,
    SecretName: record.name,
    SecretType: secretTypeOf(record),
    Description: record.description,
    CreateTime: kmsTime(record.createdAt),
    UpdateTime: kmsTime(record.changedAt),
    EncryptionKeyId: record.kmsKeyId,
    PlannedDeleteTime: kmsTime(record.deletion?.purgeAt),
    DKMSInstanceId: record.alibaba?.dkmsInstanceId,
    OwingService: record.alibaba?.owingService,
    ...managedMembers(record),
    Tags: fetchTags ? tagsOf(record) : undefined,
  };
}
