import { randomBytes } from 'node:crypto';
import { readdir, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SecretRecord, SecretVersion } from '../../src/core/model.js';
import { LowdbStore, type LowdbStoreOptions } from '../../src/store/lowdbStore.js';
import { INLINE_VALUE_BYTES, StoredValue } from '../../src/store/valueFiles.js';
import { useScratchDir } from '../helpers/scratchDir.js';
import { storeRecord } from './records.js';

/** A value long enough to be left on disk, different for each key and version. */
const largeValue = (key: string, n: number) => `${key}:${n}:é"\\${'x'.repeat(INLINE_VALUE_BYTES + (n % 50))}`;

const record = (key: string, values: string[]): SecretRecord =>
  storeRecord(key, { versions: values.map((data, i): SecretVersion => ({ id: `v${i}`, value: { type: i % 2 ? 'binary' : 'string', data }, labels: [], createdAt: 1 })) });

const dataOf = (r: SecretRecord) => r.versions.map((version) => version.value?.data);

describe('values left on disk', () => {
  const dir = useScratchDir('polysecret-values-');

  it('are read back from the journal and from snapshots, while small ones stay in memory', async () => {
    const store = new LowdbStore(dir());
    await store.loadAll();
    const saved = record('a', ['small', largeValue('a', 1)]);
    await store.save([saved]);
    // Once durable, the saved record's large value is read from its journal line.
    expect(saved.versions.map((version) => version.value instanceof StoredValue)).toEqual([false, true]);
    expect(dataOf(saved)).toEqual(['small', largeValue('a', 1)]);
    await store.checkpointNow();
    expect(await readdir(join(dir(), 'journal'))).toEqual(['snapshot-00000001.jsonl']);
    expect(dataOf(saved)).toEqual(['small', largeValue('a', 1)]);
    await store.close();
    const reopened = new LowdbStore(dir(), { valueCacheChars: 0 });
    const [loaded] = await reopened.loadAll();
    expect(loaded.versions.map((version) => version.value instanceof StoredValue)).toEqual([false, true]);
    expect(dataOf(loaded)).toEqual(['small', largeValue('a', 1)]);
    expect(loaded.versions[1].value?.type).toBe('binary');
    expect(JSON.parse(JSON.stringify(loaded.versions[1].value))).toEqual({ type: 'binary', data: largeValue('a', 1) });
    await reopened.close();
  });

  it('move their cached data to the rewritten record, so a write leaves no duplicate to push other values out', async () => {
    const values = (key: string) => [1, 2, 3].map((n) => largeValue(key, n));
    // Room for the values of two records of three versions, and no more.
    const store = new LowdbStore(dir(), { valueCacheChars: [...values('a'), ...values('b')].join('').length });
    await store.loadAll();
    const [a, b] = [record('a', values('a')), record('b', values('b'))];
    await store.save([a]);
    await store.save([b]);
    // A's next record keeps its versions, values and all, as an engine draft does.
    const rewritten = { ...a, versions: [...a.versions] };
    await store.save([rewritten]);
    // Read from the cache only: the journal no longer holds them.
    const [segment] = await readdir(join(dir(), 'journal'));
    await truncate(join(dir(), 'journal', segment), 0);
    expect([dataOf(rewritten), dataOf(b)]).toEqual([values('a'), values('b')]);
    await store.close();
  });

  it.each<[string, LowdbStoreOptions]>([
    ['plain', {}],
    ['sealed', { encryptionKeyFile: 'key' }],
  ])('follow their lines through writes, removals and checkpoints, and a restart (%s)', async (_, options) => {
    if (options.encryptionKeyFile) await writeFile((options.encryptionKeyFile = join(dir(), 'key')), randomBytes(32).toString('hex'));
    const data = join(dir(), 'data');
    // Checkpoints after nearly every batch, and a cache too small to hide a wrong place on disk.
    const settings = { ...options, checkpointMinBytes: 1, checkpointRatio: 0, valueCacheChars: 300 };
    let store = new LowdbStore(data, settings);
    await store.loadAll();
    const expected = new Map<string, string[]>();
    const held = new Map<string, SecretRecord>();
    let random = 7;
    const next = (n: number) => {
      random = (random * 1103515245 + 12345) % 2 ** 31;
      return Math.floor((random / 2 ** 31) * n);
    };
    for (let step = 0; step < 300; step++) {
      const key = `k${next(12)}`;
      if (next(10) === 0) {
        await store.remove([key]);
        expected.delete(key);
        held.delete(key);
      } else {
        // A new record each time, keeping the values the previous one had (as engine drafts do).
        const previous = held.get(key);
        const kept = previous ? previous.versions.slice(-2).map((version) => version.value!.data) : [];
        const changed = { ...record(key, [...kept, largeValue(key, step)]) };
        if (previous) changed.versions = [...previous.versions.slice(-2), ...changed.versions.slice(-1)];
        await store.save([changed]);
        expected.set(key, [...kept, largeValue(key, step)]);
        held.set(key, changed);
      }
      if (step % 50 === 49) {
        await store.close();
        store = new LowdbStore(data, settings);
        held.clear();
        for (const loaded of await store.loadAll()) held.set(loaded.key, loaded);
      }
      for (const [heldKey, heldRecord] of held) expect([heldKey, dataOf(heldRecord)]).toEqual([heldKey, expected.get(heldKey)]);
    }
    await store.close();
  });
});
