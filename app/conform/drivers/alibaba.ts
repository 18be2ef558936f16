import { randomUUID } from 'node:crypto';
import type { Driver, Outcome } from '../outcome.js';
import { refused } from '../outcome.js';
import { valueText } from '../scenario.js';
import type { DriverTarget } from '../targets.js';
import { VersionBook } from './versions.js';

/** The class a CommonJS package exports, however deep ESM interop nests it under `default`. */
function classOf(module: unknown): any {
  let candidate = module as { default?: unknown };
  while (typeof candidate !== 'function' && candidate?.default) candidate = candidate.default as { default?: unknown };
  return candidate;
}

/** Alibaba's tag list as its requests carry it: a JSON text of TagKey/TagValue pairs. */
const tagText = (tags: Record<string, string>) => JSON.stringify(Object.entries(tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue })));

/** RotateSecret is in the KMS API but not in this SDK's models (@alicloud/kms20160120 1.x). */
const ROTATE_NOTE = "RotateSecret through the SDK's RPC client (doRequest): @alicloud/kms20160120 1.x has no model for it";

/**
 * The Alibaba driver: KMS secrets through `@alicloud/kms20160120`, imported only when a conformance
 * run starts. Every write names its version with a VersionId the driver makes (the API requires one).
 */
export async function alibabaDriver(target: DriverTarget): Promise<Driver> {
  const module = await import('@alicloud/kms20160120');
  const models = module as unknown as Record<string, new (fields: object) => object>;
  const Kms = classOf(module);
  const endpoint = new URL(target.endpoint as string);
  const kms = new Kms({
    endpoint: endpoint.host,
    protocol: endpoint.protocol.slice(0, -1),
    regionId: target.region,
    accessKeyId: target.credentials?.id,
    accessKeySecret: target.credentials?.secret,
    securityToken: target.credentials?.token,
  });
  const call = (method: string, model: string, fields: object): Promise<any> => kms[method](new models[model](fields));
  // The RPC client every model method ends in, for an action the models lack; `{}`: default runtime options.
  const action = (name: string, query: Record<string, string>): Promise<any> => kms.doRequest(name, 'HTTPS', 'POST', '2016-01-20', 'AK', query, null, {});
  const quietly = (method: string, model: string, fields: object) => call(method, model, fields).then(() => undefined, () => undefined);
  const book = new VersionBook();

  /** The id holding ACSCurrent, from the version list (DescribeSecret does not carry it). */
  async function currentId(secretName: string): Promise<string | undefined> {
    const listed = await call('listSecretVersionIds', 'ListSecretVersionIdsRequest', { secretName, pageSize: 100 });
    const versions: Array<{ versionId: string; versionStages?: { versionStage?: string[] } }> = listed.versionIds?.versionId ?? [];
    return versions.find((version) => version.versionStages?.versionStage?.includes('ACSCurrent'))?.versionId;
  }

  return {
    cloud: 'alibaba',
    async remove(secretName) {
      // A secret in its recovery window must come back before a forced delete may remove it.
      await quietly('restoreSecret', 'RestoreSecretRequest', { secretName });
      await quietly('deleteSecret', 'DeleteSecretRequest', { secretName, forceDeleteWithoutRecovery: 'true' });
    },
    async perform(step): Promise<Outcome> {
      const notes: string[] = [];
      try {
        switch (step.op) {
          case 'create': {
            const versionId = randomUUID();
            const tags = step.tags ? tagText(step.tags) : undefined;
            await call('createSecret', 'CreateSecretRequest', { secretName: step.name, versionId, secretData: valueText(step.value), tags });
            book.forget(step.name);
            book.add(step.name, versionId, step.as);
            return { ok: true, versionAlias: step.as };
          }
          case 'put': {
            const versionId = book.idFor(step.name, step.reuse);
            await call('putSecretValue', 'PutSecretValueRequest', { secretName: step.name, versionId, secretData: valueText(step.value) });
            return { ok: true, versionAlias: book.wrote(step.name, versionId, step) };
          }
          case 'read': {
            const version = step.version ?? 'current';
            const which =
              version === 'current' ? { versionStage: 'ACSCurrent' } : version === 'previous' ? { versionStage: 'ACSPrevious' } : { versionId: book.idOf(step.name, version) };
            const read = await call('getSecretValue', 'GetSecretValueRequest', { secretName: step.name, ...which });
            return { ok: true, value: read.secretData, versionAlias: book.aliasOf(step.name, read.versionId) };
          }
          case 'describe': {
            const secret = await call('describeSecret', 'DescribeSecretRequest', { secretName: step.name, fetchTags: 'true' });
            const pairs: Array<{ tagKey: string; tagValue: string }> = secret.tags?.tag ?? [];
            const tags = Object.fromEntries(pairs.map((tag) => [tag.tagKey, tag.tagValue]));
            return { ok: true, versionAlias: book.aliasOf(step.name, await currentId(step.name)), tags, notes: ['current version read from ListSecretVersionIds'] };
          }
          case 'list': {
            const names: string[] = [];
            const pageSize = step.pageSize ?? 100;
            for (let pageNumber = 1; ; pageNumber++) {
              const page = await call('listSecrets', 'ListSecretsRequest', { pageNumber, pageSize });
              const secrets: Array<{ secretName: string }> = page.secretList?.secret ?? [];
              names.push(...secrets.map((secret) => secret.secretName));
              if (secrets.length > 0 && names.length < page.totalCount) continue;
              return { ok: true, names, ...(pageNumber > 1 ? { notes: [`${pageNumber} pages: PageSize ${pageSize}, PageNumber 1 to ${pageNumber}`] } : {}) };
            }
          }
          case 'tag':
            await call('tagResource', 'TagResourceRequest', { secretName: step.name, tags: tagText(step.tags) });
            return { ok: true };
          case 'untag':
            await call('untagResource', 'UntagResourceRequest', { secretName: step.name, tagKeys: JSON.stringify(step.keys) });
            return { ok: true };
          case 'delete':
            await call(
              'deleteSecret',
              'DeleteSecretRequest',
              step.force ? { secretName: step.name, forceDeleteWithoutRecovery: 'true' } : { secretName: step.name, recoveryWindowInDays: String(step.windowDays) },
            );
            if (step.force) book.forget(step.name);
            return { ok: true };
          case 'restore':
            await call('restoreSecret', 'RestoreSecretRequest', { secretName: step.name });
            return { ok: true };
          case 'rotate': {
            const versionId = randomUUID();
            notes.push(ROTATE_NOTE);
            await action('RotateSecret', { SecretName: step.name, VersionId: versionId });
            book.add(step.name, versionId, step.as);
            return { ok: true, versionAlias: step.as, notes };
          }
        }
      } catch (error) {
        // A KMS answer carries its body in `data`; the SDK decorates `code`, so the body's Code is the one to use.
        const { data, code } = error as { data?: { Code?: string }; code?: string };
        if (!data) throw error;
        return refused('alibaba', String(data.Code ?? code), step.op, notes);
      }
    },
  };
}
