import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALIBABA_KEY } from '../../helpers/alibaba.js';
import { credentialsFile, expectGatewayError, send, v1Url } from '../../helpers/alibabaAuth.js';
import { startServer } from '../../helpers/server.js';

describe('Alibaba nonces across a restart on the same data dir', () => {
  const file = credentialsFile([{ ...ALIBABA_KEY, accountId: '1234567890123456' }]);
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'polysecret-nonces-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('still refuses a nonce used before the restart, within its 15 minutes', async () => {
    const signing = { accessKeyId: ALIBABA_KEY.accessKeyId, secret: ALIBABA_KEY.accessKeySecret, time: Date.now(), nonce: 'before-restart' };
    const first = await startServer('lowdb', { auth: 'strict', credentialsFile: file, dataDir });
    const path = v1Url({ Action: 'ListSecrets' }, signing);
    expect((await send(first.url, 'GET', path)).status).toBe(200);
    await first.stop();
    expect((await stat(join(dataDir, 'nonces.json'))).mode & 0o777).toBe(0o600);

    const second = await startServer('lowdb', { auth: 'strict', credentialsFile: file, dataDir });
    try {
      const replayed = await send(second.url, 'GET', v1Url({ Action: 'ListSecrets' }, signing));
      expectGatewayError(replayed, 'SignatureNonceUsed', 400);
      expect((await send(second.url, 'GET', v1Url({ Action: 'ListSecrets' }, { ...signing, nonce: 'after-restart' }))).status).toBe(200);
    } finally {
      await second.stop();
    }
  });
});
