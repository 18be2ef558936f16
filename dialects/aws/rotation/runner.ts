/**
 * Runs an AWS rotation: the function's four steps against the AWSPENDING version the rotation
 * made, then, once finishSecret has moved AWSCURRENT to it, what Secrets Manager records of a
 * completed rotation (AWSPENDING off the new version, LastRotatedDate) [rec: test_rotate_secret_with_lambda_success].
 */
import type { SecretLifecycle } from '../../../src/core/lifecycle.js';
import type { SecretRecord } from '../../../src/core/model.js';
import { generatePassword } from '../../../src/core/randomPassword.js';
import { findVersion, versionWithLabel } from '../../../src/core/versions.js';
import type { Logger } from '../../../src/dialect/logger.js';
import { AWSCURRENT, AWSPENDING } from '../policy.js';
import { functionOf, invokerFor, ROTATION_STEPS, type Invoker, type RotationEvent } from './invokers.js';

/** How a rotation ended: every step succeeded, or one failed (the function ran and reported an error). */
export type RotationOutcome = { done: true } | { done: false; step: string; error: string };

/** A new value in the shape of the old: a JSON object keeps its members with a new `password`, anything else is replaced. */
function newValueLike(current: string | undefined): string {
  const password = generatePassword({ length: 32, excludeCharacters: '/@"\'\\' })!;
  try {
    const parsed: unknown = JSON.parse(current ?? '');
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return JSON.stringify({ ...parsed, password });
  } catch {
    // Not JSON: the whole value is the password.
  }
  return password;
}

/**
 * The built-in `polysecret:generic` rotator: createSecret fills the pending version with a new
 * random value (a JSON object keeps its shape with a new `password`), finishSecret makes it current.
 */
function genericRotator(secrets: SecretLifecycle): Invoker {
  return async (event) => {
    const record = secrets.getByResourceId(event.SecretId);
    const pending = record && findVersion(record, event.ClientRequestToken);
    if (!record || !pending) return { ok: false, error: `ResourceNotFoundException: no version ${event.ClientRequestToken} of ${event.SecretId}` };
    if (event.Step === 'createSecret' && !pending.value) {
      const current = versionWithLabel(record, AWSCURRENT)?.value;
      const data = newValueLike(current?.type === 'string' ? current.data : undefined);
      await secrets.putValue(record, { versionId: pending.id, value: { type: 'string', data } });
    }
    if (event.Step === 'finishSecret' && !pending.labels.includes(AWSCURRENT)) {
      await secrets.moveLabel(record, AWSCURRENT, { to: pending.id, from: versionWithLabel(record, AWSCURRENT)?.id });
    }
    return { ok: true };
  };
}

/** Runs rotations for one server: resolves function ARNs to invokers and drives the steps. */
export class RotationRunner {
  private readonly invokers = new Map<string, Invoker>();
  private readonly generic: Invoker;

  constructor(
    private readonly secrets: SecretLifecycle,
    private readonly functions: ReadonlyMap<string, string>,
    private readonly logger: Logger,
  ) {
    this.generic = genericRotator(secrets);
  }

  /** The invoker of a function ARN, or undefined when no target is mapped to it (or to the ARN without its qualifier). */
  invokerOf(functionArn: string): Invoker | undefined {
    const fn = functionOf(functionArn);
    const unqualified = fn?.qualifier ? functionArn.slice(0, -(fn.qualifier.length + 1)) : functionArn;
    const target = this.functions.get(functionArn) ?? this.functions.get(unqualified);
    if (target === undefined) return undefined;
    let invoker = this.invokers.get(target);
    if (!invoker) this.invokers.set(target, (invoker = invokerFor(target, this.generic)));
    return invoker;
  }

  /**
   * Runs `steps` of the rotation into version `token` of the secret. Throws the invoker's
   * InvokeFailure when the function cannot be invoked at all; a step that fails stops the rotation
   * where it is, AWSPENDING left on the new version, as on AWS.
   */
  async run(record: SecretRecord, token: string, functionArn: string, steps: readonly string[] = ROTATION_STEPS): Promise<RotationOutcome> {
    const invoker = this.invokerOf(functionArn);
    if (!invoker) throw new Error(`no target for ${functionArn}`);
    for (const step of steps) {
      const event = { Step: step, SecretId: record.resourceId, ClientRequestToken: token, RotationToken: this.secrets.ids.uuid() } as RotationEvent;
      const invocation = await invoker(event, functionArn);
      if (!invocation.ok) {
        this.logger.error(`rotation of ${record.resourceId} failed at ${step}: ${invocation.error}`);
        return { done: false, step, error: invocation.error };
      }
    }
    if (steps === ROTATION_STEPS) await this.recordCompletion(record, token);
    return { done: true };
  }

  /** Once the new version is current, AWSPENDING leaves it and the rotation counts (LastRotatedDate). */
  private async recordCompletion(record: SecretRecord, token: string): Promise<void> {
    const latest = this.secrets.getByKey(record.key);
    if (!latest || !findVersion(latest, token)?.labels.includes(AWSCURRENT)) return;
    await this.secrets.update(latest, (draft, now) => {
      const version = findVersion(draft, token)!;
      version.labels = version.labels.filter((label) => label !== AWSPENDING);
      draft.rotation = { ...(draft.rotation ?? { enabled: true }), lastAt: now };
    });
  }
}
