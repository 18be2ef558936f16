import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateSecretCommand, GetSecretValueCommand, RotateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { readConfig } from '../../src/server/config.js';
import { awsClient, startServer } from '../helpers/server.js';

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:rotate';
const OTHER = 'arn:aws:lambda:eu-west-1:123456789012:function:other:live';

describe('where rotation functions run: --rotation-lambda, its environment twin and the seed file', () => {
  it('adds up repeated flags, and reads the comma-separated environment list when no flag is given', () => {
    expect(readConfig(['--rotation-lambda', `${ARN}=polysecret:generic`, `--rotation-lambda=${OTHER}=http://localhost:3001`], {}).rotationLambdas).toEqual({
      [ARN]: 'polysecret:generic',
      [OTHER]: 'http://localhost:3001',
    });
    expect(readConfig([], { POLYSECRET_ROTATION_LAMBDAS: `${ARN}=file:./rotate.mjs#handler, ${OTHER}=https://lambda.local:443` }).rotationLambdas).toEqual({
      [ARN]: 'file:./rotate.mjs#handler',
      [OTHER]: 'https://lambda.local:443',
    });
    expect(readConfig([], {}).rotationLambdas).toBeUndefined();
  });

  it('refuses what is not a Lambda function ARN or a target it knows', () => {
    expect(() => readConfig(['--rotation-lambda', 'rotate=polysecret:generic'], {})).toThrow('--rotation-lambda: rotate=polysecret:generic: rotate is not a Lambda function ARN');
    expect(() => readConfig(['--rotation-lambda', `${ARN}=ftp://x`], {})).toThrow('ftp://x is not http(s)://host:port, file:PATH#EXPORT or polysecret:generic');
    expect(() => readConfig([], { POLYSECRET_ROTATION_LAMBDAS: ARN })).toThrow('POLYSECRET_ROTATION_LAMBDAS');
  });

  describe('a seed file', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'polysecret-rotation-seed-'));
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it('maps functions with rotationLambdas, which RotateSecret then invokes', async () => {
      const seedFile = join(dir, 'seed.json');
      await writeFile(seedFile, JSON.stringify({ rotationLambdas: { [ARN]: 'polysecret:generic' }, aws: { '000000000000': { 'us-east-1': [{ name: 'seeded', versions: [{ value: 'old' }] }] } } }));
      const server = await startServer('memory', { seedFile });
      try {
        const client = awsClient(server.url);
        await client.send(new RotateSecretCommand({ SecretId: 'seeded', ClientRequestToken: randomUUID(), RotationLambdaARN: ARN }));
        expect((await client.send(new GetSecretValueCommand({ SecretId: 'seeded' }))).SecretString).not.toBe('old');
      } finally {
        await server.stop();
      }
    });

    it('is refused whole, naming the entry, when a mapping is not valid', async () => {
      const response = async (body: unknown) => {
        const server = await startServer('memory');
        try {
          await awsClient(server.url).send(new CreateSecretCommand({ Name: 'kept', SecretString: 'v' }));
          const answer = await fetch(`${server.url}/_emulator/seed`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
          return { status: answer.status, json: (await answer.json()) as { problems?: string[] } };
        } finally {
          await server.stop();
        }
      };
      const refused = await response({ rotationLambdas: { [ARN]: 'gopher://x' } });
      expect(refused.status).toBe(400);
      expect(refused.json.problems).toEqual([`/rotationLambdas/${ARN}: gopher://x is not http(s)://host:port, file:PATH#EXPORT or polysecret:generic`]);
    });
  });
});
