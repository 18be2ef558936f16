import type { AlibabaContext } from '../context.js';
import { rotateIfDue } from '../managed.js';
import type { Params } from '../params.js';
import { kmsTime, managedMembers, secretTypeOf, tagsOf } from '../render.js';
import { requireSecret } from '../secrets.js';

/** DescribeSecret: a secret's metadata (Tags only with FetchTags=true); works on secrets pending deletion. */
export async function DescribeSecret(params: Params, context: AlibabaContext): Promise<object> {
  const fetchTags = params.bool('FetchTags', false);
  const record = await rotateIfDue(context, requireSecret(context, params.required('SecretName')));
  const attributes = record.attributes;
  return {
    Arn: record.resourceId,
    SecretName: record.name,
    SecretType: secretTypeOf(record),
    Description: record.description,
    CreateTime: kmsTime(record.createdAt),
    UpdateTime: kmsTime(record.changedAt),
    EncryptionKeyId: record.kmsKeyId,
    PlannedDeleteTime: kmsTime(record.deletion?.purgeAt),
    DKMSInstanceId: attributes.dkmsInstanceId,
    OwingService: attributes.owingService,
    ...managedMembers(record),
    Tags: fetchTags ? tagsOf(record) : undefined,
  };
}
