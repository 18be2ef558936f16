import { randomUUID } from 'node:crypto';
import type { Driver, Outcome } from '../outcome.js';
import { refused } from '../outcome.js';
import { valueText } from '../scenario.js';
import type { DriverTarget } from '../targets.js';
import { VersionBook } from './versions.js';

/**
 * The rotation function a `rotate` step names. No such Lambda exists: the in-process polysecret a
 * run starts maps this ARN to its built-in generic rotator (README "Rotation (AWS)"); any other
 * target must map it likewise, or RotateSecret is refused (AccessDeniedException).
 */
export const CONFORM_ROTATION_LAMBDA = 'arn:aws:lambda:us-east-1:000000000000:function:polysecret-conform-rotator';

/**
 * The AWS driver: Secrets Manager through `@aws-sdk/client-secrets-manager`, imported only when a
 * conformance run starts, so installs without the SDK (the container image) still load this module.
 * Versions are named by the ClientRequestToken the driver sends (a UUID, as the SDK would make).
 */
export async function awsDriver(target: DriverTarget): Promise<Driver> {
  const sdk = await import('@aws-sdk/client-secrets-manager');
  const { endpoint, region, credentials } = target;
  const client = new sdk.SecretsManagerClient({
    // One attempt: a report shows each call the step made, not the SDK's retries.
    maxAttempts: 1,
    ...(endpoint ? { endpoint } : {}),
    ...(region ? { region } : {}),
    ...(credentials ? { credentials: { accessKeyId: credentials.id, secretAccessKey: credentials.secret, sessionToken: credentials.token } } : {}),
  });
  const book = new VersionBook();
  const quietly = (sent: Promise<unknown>) => sent.then(() => undefined, () => undefined);

  return {
    cloud: 'aws',
    async remove(name) {
      // A secret in its recovery window must come back before a forced delete may remove it.
      await quietly(client.send(new sdk.RestoreSecretCommand({ SecretId: name })));
      await quietly(client.send(new sdk.DeleteSecretCommand({ SecretId: name, ForceDeleteWithoutRecovery: true })));
    },
    async perform(step): Promise<Outcome> {
      try {
        switch (step.op) {
          case 'create': {
            const token = randomUUID();
            const Tags = step.tags && Object.entries(step.tags).map(([Key, Value]) => ({ Key, Value }));
            await client.send(new sdk.CreateSecretCommand({ Name: step.name, SecretString: valueText(step.value), ClientRequestToken: token, Tags }));
            book.forget(step.name);
            book.add(step.name, token, step.as);
            return { ok: true, versionAlias: step.as };
          }
          case 'put': {
            const token = book.idFor(step.name, step.reuse);
            await client.send(new sdk.PutSecretValueCommand({ SecretId: step.name, SecretString: valueText(step.value), ClientRequestToken: token }));
            return { ok: true, versionAlias: book.wrote(step.name, token, step) };
          }
          case 'read': {
            const version = step.version ?? 'current';
            const which =
              version === 'current' ? { VersionStage: 'AWSCURRENT' } : version === 'previous' ? { VersionStage: 'AWSPREVIOUS' } : { VersionId: book.idOf(step.name, version) };
            const read = await client.send(new sdk.GetSecretValueCommand({ SecretId: step.name, ...which }));
            return { ok: true, value: read.SecretString, versionAlias: book.aliasOf(step.name, read.VersionId) };
          }
          case 'describe': {
            const secret = await client.send(new sdk.DescribeSecretCommand({ SecretId: step.name }));
            const current = Object.entries(secret.VersionIdsToStages ?? {}).find(([, stages]) => stages.includes('AWSCURRENT'))?.[0];
            const tags = Object.fromEntries((secret.Tags ?? []).map((tag) => [tag.Key ?? '', tag.Value ?? '']));
            return { ok: true, versionAlias: book.aliasOf(step.name, current), tags };
          }
          case 'list': {
            const names: string[] = [];
            const pageSize = step.pageSize ?? 100;
            let pages = 0;
            for await (const page of sdk.paginateListSecrets({ client, pageSize }, {})) {
              pages++;
              names.push(...(page.SecretList ?? []).map((secret) => secret.Name ?? ''));
            }
            return { ok: true, names, ...(pages > 1 ? { notes: [`${pages} pages: MaxResults ${pageSize}, each after the first by NextToken`] } : {}) };
          }
          case 'tag':
            await client.send(new sdk.TagResourceCommand({ SecretId: step.name, Tags: Object.entries(step.tags).map(([Key, Value]) => ({ Key, Value })) }));
            return { ok: true };
          case 'untag':
            await client.send(new sdk.UntagResourceCommand({ SecretId: step.name, TagKeys: step.keys }));
            return { ok: true };
          case 'delete':
            await client.send(
              new sdk.DeleteSecretCommand(
                step.force ? { SecretId: step.name, ForceDeleteWithoutRecovery: true } : { SecretId: step.name, RecoveryWindowInDays: step.windowDays },
              ),
            );
            if (step.force) book.forget(step.name);
            return { ok: true };
          case 'restore':
            await client.send(new sdk.RestoreSecretCommand({ SecretId: step.name }));
            return { ok: true };
          case 'rotate': {
            const token = randomUUID();
            await client.send(
              new sdk.RotateSecretCommand({ SecretId: step.name, ClientRequestToken: token, RotationLambdaARN: CONFORM_ROTATION_LAMBDA, RotateImmediately: true }),
            );
            book.add(step.name, token, step.as);
            return { ok: true, versionAlias: step.as, notes: [`RotationLambdaARN ${CONFORM_ROTATION_LAMBDA}, RotateImmediately`] };
          }
        }
      } catch (error) {
        // The SDK names a service error after its code; anything else (a network failure) has no code.
        const { name, $metadata } = error as { name: string; $metadata?: unknown };
        if ($metadata === undefined) throw error;
        return refused('aws', name, step.op);
      }
    },
  };
}
