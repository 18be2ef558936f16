import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateSecretCommand, DescribeSecretCommand, GetSecretValueCommand, PutSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { awsClient, startServer } from '../helpers/server.js';

const VALUE = 'value-that-must-not-be-on-disk';
const BINARY = Buffer.from('binary-that-must-not-be-on-disk');
const TAG = 'tag-value-that-must-not-be-on-disk';

/** The text of every file under `dir`. */
async function everything(dir: string): Promise<string> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  return files.map((file) => readFileSync(join(file.parentPath, file.name), 'utf8')).join('\n');
}

describe('encryption at rest (--encryption-key-file)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'polysecret-encrypted-'));
  const hexKey = join(dir, 'key.hex');
  const base64Key = join(dir, 'key.b64');
  const wrongKey = join(dir, 'wrong.hex');
  writeFileSync(hexKey, `${randomBytes(32).toString('hex')}\n`);
  writeFileSync(base64Key, randomBytes(32).toString('base64'));
  writeFileSync(wrongKey, randomBytes(32).toString('hex'));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('keeps values and tags off the disk in clear, and reads them back with the key after a restart', async () => {
    const dataDir = join(dir, 'data');
    const first = await startServer('lowdb', { dataDir, encryptionKeyFile: hexKey });
    const client = awsClient(first.url);
    await client.send(new CreateSecretCommand({ Name: 'sealed', SecretString: VALUE, Tags: [{ Key: 'team', Value: TAG }] }));
    await client.send(new PutSecretValueCommand({ SecretId: 'sealed', SecretBinary: BINARY }));
    await first.stop();
    // A second start compacts the journal into documents: both forms are checked.
    const second = await startServer('lowdb', { dataDir, encryptionKeyFile: hexKey });
    try {
      const onDisk = await everything(dataDir);
      expect(onDisk).toContain('sealed');
      for (const secret of [VALUE, TAG, BINARY.toString('base64')]) expect(onDisk).not.toContain(secret);
      const again = awsClient(second.url);
      expect((await again.send(new GetSecretValueCommand({ SecretId: 'sealed' }))).SecretBinary).toEqual(new Uint8Array(BINARY));
      const versions = (await again.send(new DescribeSecretCommand({ SecretId: 'sealed' }))).VersionIdsToStages ?? {};
      const previous = Object.keys(versions).find((id) => versions[id].includes('AWSPREVIOUS'))!;
      expect((await again.send(new GetSecretValueCommand({ SecretId: 'sealed', VersionId: previous }))).SecretString).toBe(VALUE);
      expect((await again.send(new DescribeSecretCommand({ SecretId: 'sealed' }))).Tags).toEqual([{ Key: 'team', Value: TAG }]);
    } finally {
      await second.stop();
    }
  });

  it('refuses to start with a wrong key, without a key, or with a key file that holds no key, saying why', async () => {
    const dataDir = join(dir, 'refusals');
    const first = await startServer('lowdb', { dataDir, encryptionKeyFile: base64Key });
    await awsClient(first.url).send(new CreateSecretCommand({ Name: 'sealed', SecretString: VALUE }));
    await first.stop();
    await expect(startServer('lowdb', { dataDir, encryptionKeyFile: wrongKey })).rejects.toThrow(`the encryption key in ${wrongKey} does not open the data directory ${dataDir}`);
    await expect(startServer('lowdb', { dataDir })).rejects.toThrow(`the data directory ${dataDir} is encrypted (keys.json): pass its key with --encryption-key-file`);
    const notAKey = join(dir, 'not-a-key');
    writeFileSync(notAKey, 'correct horse battery staple');
    await expect(startServer('lowdb', { dataDir, encryptionKeyFile: notAKey })).rejects.toThrow(`the encryption key file ${notAKey} must hold a 256-bit key`);
    await expect(startServer('memory', { encryptionKeyFile: hexKey })).rejects.toThrow('--encryption-key-file needs --data-dir');
    // The right key still opens it: nothing above changed the directory.
    const reopened = await startServer('lowdb', { dataDir, encryptionKeyFile: base64Key });
    try {
      expect((await awsClient(reopened.url).send(new GetSecretValueCommand({ SecretId: 'sealed' }))).SecretString).toBe(VALUE);
    } finally {
      await reopened.stop();
    }
  });
});
