import type { SecretRecord } from '../../../src/core/model.js';
import { versionWithLabel } from '../../../src/core/versions.js';
import type { AwsContext } from '../context.js';
import { AwsError } from '../envelope.js';
import { MESSAGES } from '../messages.js';
import { AWSCURRENT, AWSPENDING } from '../policy.js';
import { InvokeFailure } from '../rotation/invokers.js';
import { nextRotationStart, scheduleOf, type RotationRules } from '../rotation/schedule.js';
import { requireWritableSecret } from '../secrets.js';

interface RotateSecretInput {
  SecretId: string;
  ClientRequestToken?: string;
  RotationLambdaARN?: string;
  RotationRules?: RotationRules;
  RotateImmediately?: boolean;
}

/** The rotation settings a request leaves on the secret: what it names, else what was stored [obs: localstack#12144]. */
function settingsOf(input: RotateSecretInput, record: SecretRecord): { functionArn: string; rules?: RotationRules } {
  const functionArn = input.RotationLambdaARN || record.aws?.rotationLambdaArn;
  if (!functionArn) throw new AwsError('InvalidRequestException', MESSAGES.noRotationLambda);
  const rules = input.RotationRules && Object.keys(input.RotationRules).length > 0 ? input.RotationRules : record.aws?.rotationRules;
  if (rules) scheduleOf(rules);
  return { functionArn, rules };
}

/** Writes the settings and turns rotation on, in the draft of the write that makes the pending version. */
function configure(draft: SecretRecord, settings: { functionArn: string; rules?: RotationRules }, now: number): void {
  draft.aws = { ...draft.aws, rotationLambdaArn: settings.functionArn, rotationRules: settings.rules };
  draft.rotation = { ...draft.rotation, enabled: true };
  draft.rotation.nextAt = nextRotationStart(draft, now);
}

/**
 * RotateSecret: stores the function and schedule, makes the AWSPENDING version under the
 * request's token and runs the function's four steps (createSecret, setSecret, testSecret,
 * finishSecret) before answering, so a client reads the rotated value next. With RotateImmediately
 * false only testSecret runs, on a pending version removed afterwards [doc]. A function that cannot
 * be invoked is AccessDeniedException and nothing is saved [rec]; one that fails a step leaves
 * AWSPENDING where it stopped, and the next RotateSecret is refused until it is cleared [obs].
 */
export async function RotateSecret(input: RotateSecretInput, context: AwsContext): Promise<object> {
  // RotateSecret refuses a missing token with another code than the other writes [rec].
  if (input.ClientRequestToken === undefined) throw new AwsError('InvalidParameterException', MESSAGES.tokenRequired);
  const token = input.ClientRequestToken;
  const record = requireWritableSecret(context, input.SecretId);
  const settings = settingsOf(input, record);
  if (!context.rotation.invokerOf(settings.functionArn)) throw new AwsError('AccessDeniedException', MESSAGES.cannotInvokeLambda);
  const pending = versionWithLabel(record, AWSPENDING);
  if (pending && !pending.labels.includes(AWSCURRENT)) throw new AwsError('InvalidRequestException', MESSAGES.rotationInProgress);
  const { record: rotating } = await context.secrets.rotate(record, { versionId: token, alsoChange: (draft, now) => configure(draft, settings, now) });
  const immediately = input.RotateImmediately !== false;
  try {
    await context.rotation.run(rotating, token, settings.functionArn, immediately ? undefined : ['testSecret']);
  } catch (error) {
    if (!(error instanceof InvokeFailure)) throw error;
    // Nothing is saved when the function cannot be invoked: the secret goes back to what it was.
    await context.secrets.update(rotating, (draft) => Object.assign(draft, { versions: record.versions, aws: record.aws, rotation: record.rotation }));
    throw new AwsError('AccessDeniedException', MESSAGES.cannotInvokeLambda);
  }
  if (!immediately) await dropPending(context, rotating, token);
  return { ARN: rotating.resourceId, Name: rotating.name, VersionId: token };
}

/** The pending version a schedule-only RotateSecret tested with goes again [doc]. */
async function dropPending(context: AwsContext, record: SecretRecord, token: string): Promise<void> {
  const latest = context.secrets.getByKey(record.key) ?? record;
  await context.secrets.update(latest, (draft) => {
    draft.versions = draft.versions.filter((version) => version.id !== token || version.labels.includes(AWSCURRENT));
  });
}
