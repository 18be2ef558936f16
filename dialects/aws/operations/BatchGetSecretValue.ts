import type { SecretRecord } from '../../../src/core/model.js';
import type { AwsContext } from '../context.js';
import { recordAccess, selectVersion } from '../access.js';
import { isCoreError } from '../../../src/core/errors.js';
import { AWS_CORE_ERRORS } from '../coreErrors.js';
import { AwsError } from '../envelope.js';
import { MESSAGES } from '../messages.js';
import { paginate } from '../paging.js';
import { secretValueOf } from '../render.js';
import { assertNotDeleted, requireSecret } from '../secrets.js';
import { secretMatches, toFilters } from '../listFilters.js';

interface BatchGetSecretValueInput {
  SecretIdList?: string[];
  Filters?: Array<{ Key?: string; Values?: string[] }>;
  MaxResults?: number;
  NextToken?: string;
}

type Outcome = { value: object } | { error: object };

/**
 * One secret's current value, or its failure as an Errors entry: the exception GetSecretValue would
 * raise for it, code and text [inf: the entry carries an ErrorCode and Message, and AWS describes it as
 * the errors met "while attempting to retrieve" each secret]. A secret pending deletion is thus
 * InvalidRequestException with the marked-for-deletion text GetSecretValue gives
 * [obs: external-secrets/external-secrets#4560].
 */
async function currentValue(context: AwsContext, secretId: string, find: () => SecretRecord): Promise<Outcome> {
  try {
    const record = await context.secrets.settled(find());
    assertNotDeleted(record);
    const version = selectVersion(context, record);
    recordAccess(context, record, version);
    return { value: secretValueOf(record, version) };
  } catch (thrown) {
    const error = isCoreError(thrown) ? AWS_CORE_ERRORS[thrown.reason](thrown) : thrown;
    if (!(error instanceof AwsError) || error.status >= 500) throw error;
    return { error: { SecretId: secretId, ErrorCode: error.code, Message: error.message } };
  }
}

/** BatchGetSecretValue: current values by id list or by filters; per-secret failures land in Errors, not in the call's status. */
export async function BatchGetSecretValue(input: BatchGetSecretValueInput, context: AwsContext): Promise<object> {
  const byList = input.SecretIdList !== undefined;
  if (byList === (input.Filters !== undefined)) throw new AwsError('InvalidParameterException', MESSAGES.batchListOrFilters);
  if (byList && input.MaxResults !== undefined) throw new AwsError('InvalidParameterException', MESSAGES.batchMaxResultsNeedsFilters);
  let outcomes: Outcome[];
  let nextToken: string | undefined;
  if (byList) {
    outcomes = [];
    for (const id of input.SecretIdList!) outcomes.push(await currentValue(context, id, () => requireSecret(context, id)));
  } else {
    const filters = toFilters(input.Filters);
    // Filters pick secrets as ListSecrets does (they need secretsmanager:ListSecrets too [doc: BatchGetSecretValue]),
    // which leaves out secrets pending deletion, so those are skipped rather than reported in Errors [inf].
    const matching = context.secrets.list(context.ns).filter((record) => !record.deletion && secretMatches(record, filters));
    const page = paginate(matching, input.MaxResults, input.NextToken, 20);
    nextToken = page.nextToken;
    outcomes = [];
    for (const record of page.items) outcomes.push(await currentValue(context, record.name, () => record));
  }
  return {
    SecretValues: outcomes.flatMap((o) => ('value' in o ? [o.value] : [])),
    Errors: outcomes.flatMap((o) => ('error' in o ? [o.error] : [])),
    NextToken: nextToken,
  };
}
