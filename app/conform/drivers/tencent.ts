import { randomUUID } from 'node:crypto';
import type { Driver, Outcome } from '../outcome.js';
import { refused } from '../outcome.js';
import { valueText } from '../scenario.js';
import type { DriverTarget } from '../targets.js';
import { VersionBook } from './versions.js';

/** Where a Tencent step differs from its canonical meaning, said in the step's outcome. */
const NOTES = {
  disable: 'DisableSecret first: SSM deletes only a disabled secret',
  enable: 'EnableSecret after RestoreSecret: SSM restores a secret disabled',
  force: 'RecoveryWindowInDays 0: SSM has no force flag, a window of 0 deletes at once',
  tracked: 'SSM has no labels: the driver reads the version it wrote last (current) or before it (previous)',
  tags: 'SSM has no tag operations (tags live in the separate Tag API) and DescribeSecret carries none',
  rotate: 'RotateProductSecret: SSM rotates only product secrets, and names the rotated version itself (SSM_Rotate_<time>), so "as" names none',
};

/**
 * The Tencent driver: SSM through `tencentcloud-sdk-nodejs-ssm`, imported only when a conformance
 * run starts. SSM has no stage labels and GetSecretValue requires a VersionId, so the driver keeps
 * the order of the versions it wrote and reads "current" as the newest of them.
 */
export async function tencentDriver(target: DriverTarget): Promise<Driver> {
  const module = await import('tencentcloud-sdk-nodejs-ssm');
  type Sdk = Omit<typeof module, 'default'>;
  const sdk: Sdk = (module as unknown as { default?: Sdk }).default ?? module;
  const endpoint = new URL(target.endpoint as string);
  const client = new sdk.ssm.v20190923.Client({
    credential: { secretId: target.credentials?.id, secretKey: target.credentials?.secret, token: target.credentials?.token },
    region: target.region,
    profile: { httpProfile: { endpoint: endpoint.host, protocol: `${endpoint.protocol}//` } },
  });
  const quietly = (call: () => Promise<unknown>) => call().then(() => undefined, () => undefined);
  const book = new VersionBook();
  const unsupported = (op: string): Outcome => ({ ok: false, errorClass: 'other', vendorCode: '(no such operation)', notes: [`${op}: ${NOTES.tags}`] });

  return {
    cloud: 'tencent',
    async remove(SecretName) {
      // SSM deletes only a disabled secret, and one in its recovery window must come back first.
      await quietly(() => client.RestoreSecret({ SecretName }));
      await quietly(() => client.DisableSecret({ SecretName }));
      await quietly(() => client.DeleteSecret({ SecretName, RecoveryWindowInDays: 0 }));
    },
    async perform(step): Promise<Outcome> {
      const notes: string[] = [];
      try {
        switch (step.op) {
          case 'create': {
            const VersionId = randomUUID();
            const Tags = step.tags && Object.entries(step.tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue }));
            await client.CreateSecret({ SecretName: step.name, VersionId, SecretString: valueText(step.value), Tags });
            book.forget(step.name);
            book.add(step.name, VersionId, step.as);
            return { ok: true, versionAlias: step.as };
          }
          case 'put': {
            const VersionId = book.idFor(step.name, step.reuse);
            await client.PutSecretValue({ SecretName: step.name, VersionId, SecretString: valueText(step.value) });
            return { ok: true, versionAlias: book.wrote(step.name, VersionId, step) };
          }
          case 'read': {
            const version = step.version ?? 'current';
            const labelled = version === 'current' || version === 'previous';
            const VersionId = labelled ? book.recent(step.name, version === 'current' ? 0 : 1) : book.idOf(step.name, version);
            if (labelled) notes.push(NOTES.tracked);
            // A secret this driver never wrote has no id to ask for; SSM's own default id names none either.
            const read = await client.GetSecretValue({ SecretName: step.name, VersionId: VersionId ?? 'SSM_Current' });
            return { ok: true, value: read.SecretString, versionAlias: book.aliasOf(step.name, read.VersionId), ...(labelled ? { notes } : {}) };
          }
          case 'describe':
            await client.DescribeSecret({ SecretName: step.name });
            return { ok: true, versionAlias: book.aliasOf(step.name, book.recent(step.name, 0)), notes: [NOTES.tracked, NOTES.tags] };
          case 'list': {
            const names: string[] = [];
            const Limit = step.pageSize ?? 100;
            for (let Offset = 0; ; Offset += Limit) {
              const page = await client.ListSecrets({ Offset, Limit });
              const secrets = page.SecretMetadatas ?? [];
              names.push(...secrets.map((secret) => secret.SecretName ?? ''));
              if (secrets.length === Limit && names.length < (page.TotalCount ?? Infinity)) continue;
              return { ok: true, names, ...(Offset > 0 ? { notes: [`${Offset / Limit + 1} pages: Limit ${Limit}, Offset 0 to ${Offset}`] } : {}) };
            }
          }
          case 'tag':
          case 'untag':
            return unsupported(step.op);
          case 'delete':
            notes.push(NOTES.disable);
            await client.DisableSecret({ SecretName: step.name });
            if (step.force) notes.push(NOTES.force);
            await client.DeleteSecret({ SecretName: step.name, RecoveryWindowInDays: step.force ? 0 : step.windowDays });
            if (step.force) book.forget(step.name);
            return { ok: true, notes };
          case 'restore':
            await client.RestoreSecret({ SecretName: step.name });
            notes.push(NOTES.enable);
            await client.EnableSecret({ SecretName: step.name });
            return { ok: true, notes };
          case 'rotate':
            notes.push(NOTES.rotate);
            await client.RotateProductSecret({ SecretName: step.name });
            return { ok: true, notes };
        }
      } catch (error) {
        // The SDK's service errors carry the SSM code and a request id; a network failure has no request id.
        const { code, requestId } = error as { code?: string; requestId?: string };
        if (!code || !requestId) throw error;
        return refused('tencent', code, step.op, notes);
      }
    },
  };
}
