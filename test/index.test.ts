import { CreateSecretCommand, GetSecretValueCommand, ListSecretsCommand } from '@aws-sdk/client-secrets-manager';
import { randomUUID } from 'node:crypto';
import { startPolysecret, type PolysecretHandle } from '../app/index.js';
import { awsClient, rawAws } from './helpers/server.js';

describe('startPolysecret', () => {
  it('runs two instances at once, each on its own free port with its own state', async () => {
    const [one, two] = await Promise.all([startPolysecret({ logLevel: 'silent' }), startPolysecret({ logLevel: 'silent' })]);
    try {
      for (const handle of [one, two]) {
        expect(handle.url).toBe(`http://127.0.0.1:${handle.port}`);
        expect(handle.port).toBeGreaterThan(0);
      }
      expect(one.port).not.toBe(two.port);

      await awsClient(one.url).send(new CreateSecretCommand({ Name: 'app/db', SecretString: 'one' }));
      await rawAws(two.url, 'CreateSecret', { Name: 'app/db', SecretString: 'two', ClientRequestToken: randomUUID() });
      expect((await awsClient(one.url).send(new GetSecretValueCommand({ SecretId: 'app/db' }))).SecretString).toBe('one');
      expect((await rawAws(two.url, 'GetSecretValue', { SecretId: 'app/db' })).json.SecretString).toBe('two');

      await one.reset();
      expect((await awsClient(one.url).send(new ListSecretsCommand({}))).SecretList).toEqual([]);
      expect((await rawAws(two.url, 'ListSecrets', {})).json.SecretList).toHaveLength(1);

      await one.stop();
      await expect(fetch(`${one.url}/_emulator/health`)).rejects.toThrow();
      expect((await fetch(`${two.url}/_emulator/health`)).status).toBe(200);
      await one.stop(); // a second stop is harmless
    } finally {
      await Promise.all([one.stop(), two.stop()]);
    }
  });

  it('passes settings through to the server', async () => {
    const handle = await startPolysecret({ logLevel: 'silent', awsAccount: '111122223333', awsRegion: 'eu-west-1' });
    try {
      // A raw request carries no SigV4 scope or key, so account and region are the configured defaults.
      const created = await rawAws(handle.url, 'CreateSecret', { Name: 'x', SecretString: 'v', ClientRequestToken: randomUUID() });
      expect(created.json.ARN).toMatch(/^arn:aws:secretsmanager:eu-west-1:111122223333:secret:x-/);
    } finally {
      await handle.stop();
    }
  });

  it.each([
    [{ colour: 'blue' }, 'unknown option: colour'],
    [{ port: -1 }, 'invalid port: -1'],
    [{ port: 1.5 }, 'invalid port: 1.5'],
    [{ logLevel: 'loud' }, 'invalid log level: loud'],
    [{ auth: 'lax' }, 'invalid auth mode: lax'],
    [{ host: {} }, 'invalid host: expected a string, got object'],
    [{ dataDir: 42 }, 'invalid dataDir: expected a string, got number'],
    [{ awsAccount: 111122223333 }, 'invalid awsAccount: expected a string, got number'],
    [{ port: true }, 'invalid port: expected a number or a string, got boolean'],
    [{ awsAccount: 'abc' }, 'awsAccount: invalid aws account "abc": not an account id (AWS account ids are 12 digits, e.g. 000000000000)'],
    [{ awsRegion: 'mars-1' }, 'awsRegion: invalid aws region "mars-1": not a region name'],
    [{ alibabaAccount: '123' }, 'alibabaAccount: invalid alibaba account "123"'],
    [{ alibabaRegion: 'hangzhou' }, 'alibabaRegion: invalid alibaba region "hangzhou"'],
    [{ tencentAccount: 'uin-1' }, 'tencentAccount: invalid tencent account "uin-1"'],
    [{ tencentRegion: 'guangzhou' }, 'tencentRegion: invalid tencent region "guangzhou"'],
  ])('refuses %j with a clear message', async (options, message) => {
    await expect(startPolysecret(options as never)).rejects.toThrow(message);
  });

  it('rejects, without hanging, when the port is taken', async () => {
    const first: PolysecretHandle = await startPolysecret({ logLevel: 'silent' });
    try {
      await expect(startPolysecret({ logLevel: 'silent', port: first.port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.stop();
    }
  });
});
