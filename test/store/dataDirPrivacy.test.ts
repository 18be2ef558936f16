import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateSecretCommand, PutSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { awsClient, startServer } from '../helpers/server.js';

/** Every directory and file under `root` with its permission bits. */
async function modes(root: string): Promise<Array<[string, string]>> {
  const entries = await readdir(root, { recursive: true });
  const all = await Promise.all(['.', ...entries].map(async (entry) => [entry, ((await stat(join(root, entry))).mode & 0o777).toString(8)] as [string, string]));
  return all.sort(([a], [b]) => a.localeCompare(b));
}

describe('the data directory is private', () => {
  const parent = mkdtempSync(join(tmpdir(), 'polysecret-private-'));
  afterAll(() => rm(parent, { recursive: true, force: true }));

  it('is created 0700 with 0600 files, even under a umask of 0', async () => {
    const dataDir = join(parent, 'fresh', 'data');
    const previous = process.umask(0);
    try {
      const first = await startServer('lowdb', { dataDir });
      const client = awsClient(first.url);
      await client.send(new CreateSecretCommand({ Name: 'private', SecretString: 'one' }));
      await client.send(new PutSecretValueCommand({ SecretId: 'private', SecretString: 'two' }));
      await fetch(`${first.url}/_emulator/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"advanceSeconds":60}' });
      await first.stop();
      // A second start reads the journal back (snapshots' modes are checked in checkpoint.test.ts).
      const second = await startServer('lowdb', { dataDir });
      await second.stop();
    } finally {
      process.umask(previous);
    }
    const found = await modes(dataDir);
    expect(found.filter(([entry]) => entry.startsWith('journal/')).length).toBeGreaterThan(0);
    for (const [entry, mode] of found) {
      const isDir = (await stat(join(dataDir, entry))).isDirectory();
      expect([entry, mode]).toEqual([entry, isDir ? '700' : '600']);
    }
  });

  it('stops the start naming a corrupt document of an earlier version, never starting without it', async () => {
    const dataDir = join(parent, 'corrupt');
    // An earlier version kept one document per secret in secrets/.
    await mkdir(join(dataDir, 'secrets'), { recursive: true });
    const document = join(dataDir, 'secrets', 'doomed.json');
    await writeFile(document, '{"key": "truncated');
    await expect(startServer('lowdb', { dataDir })).rejects.toThrow(`polysecret: document ${document} is corrupt: `);
  });
});
