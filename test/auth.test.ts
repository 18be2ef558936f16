import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCredentials } from '../src/auth/credentials.js';
import { NonceCache } from '../src/auth/nonces.js';

const EXAMPLE = new URL('../examples/credentials.json', import.meta.url).pathname;

describe('credentials file', () => {
  it('maps each cloud’s own field names to keys with their accounts', () => {
    const credentials = loadCredentials(EXAMPLE);
    expect(credentials.aws.find('AKIAPOLYSECRETEXAMPLE')).toEqual({
      accessKeyId: 'AKIAPOLYSECRETEXAMPLE',
      secret: 'polysecret-aws-example-secret',
      account: '111122223333',
      sessionToken: undefined,
    });
    expect(credentials.aws.find('ASIAPOLYSECRETTEMPORARY')?.sessionToken).toBe('polysecret-aws-session-token');
    expect(credentials.alibaba.find('testAccessKeyId')).toMatchObject({ secret: 'testAccessKeySecret', account: '1234567890123456' });
    expect(credentials.tencent.find('AKIDexample000000000000000000000000')).toMatchObject({
      secret: 'exampleSecretKey0000000000000000',
      account: '100000000001',
      appId: '1250000000',
    });
    expect(credentials.aws.find('unknown')).toBeUndefined();
  });

  it('means no listed keys when there is no file', () => {
    expect(loadCredentials(undefined).aws.find('AKIAPOLYSECRETEXAMPLE')).toBeUndefined();
  });

  it('refuses a malformed or misshapen file, naming the problem', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'polysecret-credentials-'));
    try {
      const broken = join(dir, 'broken.json');
      await writeFile(broken, '{"aws": [');
      expect(() => loadCredentials(broken)).toThrow(/credentials file .*broken\.json/);
      const misshapen = join(dir, 'misshapen.json');
      await writeFile(misshapen, JSON.stringify({ aws: [{ accessKeyId: 'a', secretAccessKey: 's', accountId: '12' }] }));
      expect(() => loadCredentials(misshapen)).toThrow(/\/aws\/0\/accountId must match pattern/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('NonceCache', () => {
  it('refuses a nonce seen within the window and accepts it again after', () => {
    const nonces = new NonceCache(1000, 10);
    expect(nonces.remember('a', 0)).toBe(true);
    expect(nonces.remember('a', 999)).toBe(false);
    expect(nonces.remember('a', 1000)).toBe(true);
  });

  it('stays bounded, dropping the oldest entries first', () => {
    const nonces = new NonceCache(60_000, 3);
    for (const nonce of ['a', 'b', 'c', 'd']) expect(nonces.remember(nonce, 0)).toBe(true);
    expect(nonces.remember('d', 1)).toBe(false);
    expect(nonces.remember('a', 1)).toBe(true);
  });
});
