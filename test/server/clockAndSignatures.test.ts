import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateSecretCommand, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { ALIBABA_KEY, alibabaClient } from '../helpers/alibaba.js';
import { awsClient, useServer } from '../helpers/server.js';
import { TENCENT_KEY, tencentClient } from '../helpers/tencent.js';

const ADMIN_TOKEN = 'clock-test-admin-token';
const AWS_KEY = { accessKeyId: 'AKIACLOCKTEST000001', secretAccessKey: 'clock-test-secret' };

/** A credentials file knowing one key per cloud, removed after the suite. */
function credentialsForAllClouds(): string {
  const dir = mkdtempSync(join(tmpdir(), 'polysecret-clock-keys-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'credentials.json');
  writeFileSync(
    path,
    JSON.stringify({
      aws: [{ ...AWS_KEY, accountId: '111122223333' }],
      alibaba: [{ ...ALIBABA_KEY, accountId: '1111222233334444' }],
      tencent: [{ ...TENCENT_KEY, uin: '100000000077' }],
      admin: { token: ADMIN_TOKEN },
    }),
  );
  return path;
}

describe('strict mode after the emulator clock moves', () => {
  const server = useServer('memory', { auth: 'strict', credentialsFile: credentialsForAllClouds() });

  it('checks signature times against the real clock, so signed clients keep working after a 30-day advance', async () => {
    const advanced = await fetch(`${server().url}/_emulator/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ advanceSeconds: 30 * 86400 }),
    });
    expect(advanced.status).toBe(200);
    const { epochMs } = (await advanced.json()) as { epochMs: number };
    expect(epochMs - Date.now()).toBeGreaterThan(29 * 86400_000);

    const aws = awsClient(server().url, AWS_KEY);
    await aws.send(new CreateSecretCommand({ Name: 'after-advance', SecretString: 'aws' }));
    expect((await aws.send(new GetSecretValueCommand({ SecretId: 'after-advance' }))).SecretString).toBe('aws');

    const alibaba = alibabaClient(server().url, 'kms20160120');
    await alibaba('CreateSecret', { SecretName: 'after-advance', VersionId: 'v1', SecretData: 'alibaba' });
    expect((await alibaba('GetSecretValue', { SecretName: 'after-advance' })).SecretData).toBe('alibaba');

    const tencent = tencentClient(server().url);
    await tencent.CreateSecret({ SecretName: 'after-advance', VersionId: 'v1', SecretString: 'tencent' });
    expect((await tencent.GetSecretValue({ SecretName: 'after-advance', VersionId: 'v1' })).SecretString).toBe('tencent');
  });
});
