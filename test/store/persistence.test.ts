import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetResourcePolicyCommand,
  GetSecretValueCommand,
  ListSecretVersionIdsCommand,
  PutResourcePolicyCommand,
  PutSecretValueCommand,
  TagResourceCommand,
} from '@aws-sdk/client-secrets-manager';
import { storedRecords } from '../../src/store/lowdbStore.js';
import { awsClient, startServer } from '../helpers/server.js';
import { useScratchDir } from '../helpers/scratchDir.js';

describe('persistence with a data directory', () => {
  const dataDir = useScratchDir('polysecret-persist-');

  it('has every acknowledged change on disk before answering, and a restart brings all of it back', async () => {
    const first = await startServer('lowdb', { dataDir: dataDir() });
    const client = awsClient(first.url);
    const created = await client.send(new CreateSecretCommand({ Name: 'app/db', SecretString: 'v1', Description: 'kept' }));
    const second = await client.send(new PutSecretValueCommand({ SecretId: 'app/db', SecretString: 'v2' }));
    await client.send(new TagResourceCommand({ SecretId: 'app/db', Tags: [{ Key: 'team', Value: 'core' }] }));
    await client.send(new PutResourcePolicyCommand({ SecretId: 'app/db', ResourcePolicy: '{"Version":"2012-10-17","Statement":[]}' }));
    await client.send(new CreateSecretCommand({ Name: 'doomed', SecretBinary: Buffer.from([0, 1, 255]) }));
    await client.send(new DeleteSecretCommand({ SecretId: 'doomed', RecoveryWindowInDays: 7 }));

    // Read back from disk by a second store while the server still runs: no shutdown flush can help.
    const onDisk = storedRecords(dataDir());
    expect(onDisk).toHaveLength(2);
    const db = onDisk.find((record) => record.name === 'app/db')!;
    expect(db.versions.map((v) => v.id)).toEqual([created.VersionId, second.VersionId]);
    expect(db.tags).toEqual([{ key: 'team', value: 'core' }]);
    await first.stop();

    const restarted = await startServer('lowdb', { dataDir: dataDir() });
    try {
      const again = awsClient(restarted.url);
      expect((await again.send(new GetSecretValueCommand({ SecretId: created.ARN }))).SecretString).toBe('v2');
      const previous = await again.send(new GetSecretValueCommand({ SecretId: 'app/db', VersionStage: 'AWSPREVIOUS' }));
      expect(previous.SecretString).toBe('v1');
      const described = await again.send(new DescribeSecretCommand({ SecretId: 'app/db' }));
      expect(described).toMatchObject({ Description: 'kept', Tags: [{ Key: 'team', Value: 'core' }], ARN: created.ARN });
      expect((await again.send(new GetResourcePolicyCommand({ SecretId: 'app/db' }))).ResourcePolicy).toContain('2012-10-17');
      const versions = await again.send(new ListSecretVersionIdsCommand({ SecretId: 'app/db' }));
      expect(versions.Versions).toHaveLength(2);
      const doomed = await again.send(new DescribeSecretCommand({ SecretId: 'doomed' }));
      expect(doomed.DeletedDate).toBeInstanceOf(Date);
    } finally {
      await restarted.stop();
    }
  });

  it('keeps every one of many concurrent writes', async () => {
    const server = await startServer('lowdb', { dataDir: dataDir() });
    const client = awsClient(server.url);
    await Promise.all(Array.from({ length: 40 }, (_, i) => client.send(new CreateSecretCommand({ Name: `s${i}`, SecretString: `v${i}` }))));
    await server.stop();
    const restarted = await startServer('lowdb', { dataDir: dataDir() });
    try {
      const again = awsClient(restarted.url);
      const values = await Promise.all(
        Array.from({ length: 40 }, async (_, i) => (await again.send(new GetSecretValueCommand({ SecretId: `s${i}` }))).SecretString),
      );
      expect(values).toEqual(Array.from({ length: 40 }, (_, i) => `v${i}`));
    } finally {
      await restarted.stop();
    }
  });
});

describe('concurrent changes to one secret', () => {
  it.each(['memory', 'lowdb'] as const)('lose none of them (%s store)', async (kind) => {
    const server = await startServer(kind);
    try {
      const client = awsClient(server.url);
      await client.send(new CreateSecretCommand({ Name: 'busy', SecretString: 'v0' }));
      const puts = await Promise.all(
        Array.from({ length: 20 }, (_, i) => client.send(new PutSecretValueCommand({ SecretId: 'busy', SecretString: `v${i + 1}` }))),
      );
      const versions = await client.send(new ListSecretVersionIdsCommand({ SecretId: 'busy', IncludeDeprecated: true }));
      expect(versions.Versions).toHaveLength(21);
      const current = versions.Versions!.filter((v) => v.VersionStages?.includes('AWSCURRENT'));
      expect(current).toHaveLength(1);
      expect(puts.map((p) => p.VersionId)).toContain(current[0].VersionId);
    } finally {
      await server.stop();
    }
  });
});
