import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SecretRecord } from '../../src/core/model.js';
import { LowdbStore } from '../../src/store/lowdbStore.js';

function record(key: string, description: string): SecretRecord {
  return {
    key,
    namespace: { cloud: 'aws', account: '1', region: 'r' },
    name: key,
    resourceId: `id-${key}`,
    description,
    enabled: true,
    createdAt: 1,
    changedAt: 1,
    versions: [],
    attributes: {},
  };
}

describe('LowdbStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'polysecret-store-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one JSON file per secret and reads them back in a new instance', async () => {
    const store = new LowdbStore(dir);
    await store.loadAll();
    await store.save([record('a', 'one'), record('b', 'two')]);
    expect((await readdir(join(dir, 'secrets'))).sort()).toEqual(['a.json', 'b.json']);
    expect(JSON.parse(await readFile(join(dir, 'secrets', 'a.json'), 'utf8')).description).toBe('one');
    const reopened = new LowdbStore(dir);
    expect((await reopened.loadAll()).map((r) => r.description).sort()).toEqual(['one', 'two']);
  });

  it('lets concurrent saves share flushes, and the last state of a record wins', async () => {
    const store = new LowdbStore(dir);
    await store.loadAll();
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.save([record('same', `v${i}`)])));
    const [saved] = await new LowdbStore(dir).loadAll();
    expect(saved.description).toBe('v49');
  });

  it('removes records and drops leftover temp files of unacknowledged writes on load', async () => {
    const store = new LowdbStore(dir);
    await store.loadAll();
    await store.save([record('a', 'one'), record('b', 'two')]);
    await store.remove(['a']);
    await writeFile(join(dir, 'secrets', 'c.json.tmp'), '{"half');
    const reopened = new LowdbStore(dir);
    expect((await reopened.loadAll()).map((r) => r.key)).toEqual(['b']);
    expect(await readdir(join(dir, 'secrets'))).toEqual(['b.json']);
  });

  it('clear empties the directory', async () => {
    const store = new LowdbStore(dir);
    await store.loadAll();
    await store.save([record('a', 'one')]);
    await store.clear();
    expect(await new LowdbStore(dir).loadAll()).toEqual([]);
  });
});
