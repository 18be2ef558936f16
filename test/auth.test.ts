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
    const nonces = new NonceCache(1000);
    expect(nonces.remember('a', 0)).toBe(true);
    expect(nonces.remember('a', 999)).toBe(false);
    expect(nonces.remember('a', 1000)).toBe(true);
  });

  it('refuses a nonce for its whole window however many other requests came after it', () => {
    const nonces = new NonceCache(60_000);
    expect(nonces.remember('first', 0)).toBe(true);
    for (let i = 0; i < 200_000; i++) nonces.remember(`other-${i}`, 1 + Math.floor(i / 1000));
    expect(nonces.remember('first', 59_999)).toBe(false);
  });

  it('forgets entries once their window is over, and hands on only live ones', () => {
    const nonces = new NonceCache(1000);
    nonces.remember('old', 0);
    nonces.remember('new', 500);
    expect(nonces.entries(1200)).toEqual([['new', 1500]]);
    const next = new NonceCache(1000);
    next.restore([['old', 1000], ['new', 1500]], 1200);
    expect(next.remember('new', 1300)).toBe(false);
    expect(next.remember('old', 1300)).toBe(true);
  });
});
