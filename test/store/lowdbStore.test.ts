import { existsSync } from 'node:fs';
import { appendFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SecretRecord } from '../../src/core/model.js';
import { useScratchDir } from '../helpers/scratchDir.js';
import { storeRecord } from './records.js';
import { LowdbStore, storedRecords } from '../../src/store/lowdbStore.js';
import { encodeRecordLine } from '../../src/store/recordLine.js';

const record = (key: string, description: string): SecretRecord => storeRecord(key, { description });

const descriptions = async (dir: string) => storedRecords(dir).map((r) => `${r.key}=${r.description}`).sort();

describe('LowdbStore', () => {
  const dir = useScratchDir('polysecret-store-');

  it('acknowledges a save once its journal line is on disk, and a new instance reads it back', async () => {
    const store = new LowdbStore(dir());
    await store.loadAll();
    await store.save([record('a', 'one'), record('b', 'two')]);
    const [segment] = await readdir(join(dir(), 'journal'));
    expect(segment).toBe('journal-00000001.jsonl');
    const lines = (await readFile(join(dir(), 'journal', segment), 'utf8')).trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.key, line.record.description])).toEqual([['a', 'one'], ['b', 'two']]);
    expect(await descriptions(dir())).toEqual(['a=one', 'b=two']);
    await store.close();
  });

  it('lets concurrent saves share flushes, and the last state of a record wins', async () => {
    const store = new LowdbStore(dir());
    await store.loadAll();
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.save([record('same', `v${i}`)])));
    expect(await descriptions(dir())).toEqual(['same=v49']);
    await store.close();
  });

  it('checkpoints a long journal into a snapshot and deletes the segments it includes', async () => {
    const store = new LowdbStore(dir(), { checkpointMinBytes: 1, checkpointRatio: 0 });
    await store.loadAll();
    await store.save([record('a', 'one'), record('b', 'two')]);
    await store.close();
    expect(await readdir(join(dir(), 'journal'))).toEqual(['snapshot-00000001.jsonl']);
    // One batch (changes queued in one tick), so one sealed segment holds both.
    await Promise.all([store.save([record('a', 'three')]), store.remove(['b'])]);
    await store.close();
    expect(await readdir(join(dir(), 'journal'))).toEqual(['snapshot-00000002.jsonl']);
    const lines = (await readFile(join(dir(), 'journal', 'snapshot-00000002.jsonl'), 'utf8')).trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines).toEqual([{ format: 'polysecret-snapshot/1', journalSequence: 2 }, JSON.parse(encodeRecordLine(record('a', 'three'), undefined).text), { end: true, records: 1 }]);
    expect(await descriptions(dir())).toEqual(['a=three']);
    expect(existsSync(join(dir(), 'secrets'))).toBe(false);
  });

  it('replays the journal written after the snapshot on start, and numbers new segments after both', async () => {
    const first = new LowdbStore(dir(), { checkpointMinBytes: 1, checkpointRatio: 0 });
    await first.loadAll();
    await first.save([record('a', 'in snapshot')]);
    await first.close();
    const second = new LowdbStore(dir());
    await second.loadAll();
    await second.save([record('a', 'journal only'), record('b', 'new')]);
    await second.remove(['a']);
    await second.save([record('c', 'kept')]);
    // No close: as after a crash, the journal holds changes the snapshot does not.
    expect((await readdir(join(dir(), 'journal'))).sort()).toEqual(['journal-00000002.jsonl', 'snapshot-00000001.jsonl']);
    const third = new LowdbStore(dir());
    expect((await third.loadAll()).map((r) => r.key).sort()).toEqual(['b', 'c']);
    await third.save([record('d', 'next')]);
    expect((await readdir(join(dir(), 'journal'))).sort()).toEqual(['journal-00000002.jsonl', 'journal-00000003.jsonl', 'snapshot-00000001.jsonl']);
    await third.checkpointNow();
    expect(await readdir(join(dir(), 'journal'))).toEqual(['snapshot-00000003.jsonl']);
    expect(await descriptions(dir())).toEqual(['b=new', 'c=kept', 'd=next']);
    await third.close();
    await second.close();
  });

  it('checkpointNow folds the whole journal into a snapshot', async () => {
    const store = new LowdbStore(dir());
    await store.loadAll();
    await store.save([record('a', 'one'), record('b', 'two')]);
    await store.remove(['b']);
    await store.checkpointNow();
    expect(await readdir(join(dir(), 'journal'))).toEqual(['snapshot-00000001.jsonl']);
    await store.save([record('c', 'three')]);
    expect(await descriptions(dir())).toEqual(['a=one', 'c=three']);
    await store.close();
  });

  it('loses no write that arrives while checkpoints are cut, automatic or asked for', async () => {
    const store = new LowdbStore(dir(), { checkpointMinBytes: 1, checkpointRatio: 0 });
    await store.loadAll();
    const writes: Array<Promise<void>> = [];
    for (let round = 0; round < 20; round++) {
      for (let i = 0; i < 5; i++) writes.push(store.save([record(`k${round}-${i}`, 'kept')]));
      writes.push(store.checkpointNow());
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(writes);
    await store.close();
    expect(await descriptions(dir())).toHaveLength(100);
    expect((await readdir(join(dir(), 'journal'))).filter((name) => name.startsWith('snapshot-'))).toHaveLength(1);
  });

  it('keeps the journal of a failed checkpoint, reports it, and folds it in with the next one', async () => {
    const failures: unknown[] = [];
    const store = new LowdbStore(dir(), { checkpointMinBytes: 1, checkpointRatio: 0, onBackgroundError: (error) => failures.push(error) });
    await store.loadAll();
    // A directory where the snapshot's temp file goes: the checkpoint cannot write it.
    await mkdir(join(dir(), 'journal', 'snapshot-00000001.jsonl.tmp'));
    await store.save([record('a', 'one')]);
    await store.close();
    expect(failures.length).toBeGreaterThan(0);
    expect((await readdir(join(dir(), 'journal'))).sort()).toEqual(['journal-00000001.jsonl', 'snapshot-00000001.jsonl.tmp']);
    await rm(join(dir(), 'journal', 'snapshot-00000001.jsonl.tmp'), { recursive: true });
    await store.save([record('b', 'two')]);
    await store.close();
    expect(await readdir(join(dir(), 'journal'))).toEqual(['snapshot-00000002.jsonl']);
    expect(await descriptions(dir())).toEqual(['a=one', 'b=two']);
  });

  it('after a failed append, starts a new segment so a partial line never sits between good ones', async () => {
    const store = new LowdbStore(dir());
    await store.loadAll();
    await store.save([record('a', 'one')]);
    // Break the open segment's file handle, as a failing disk would.
    await (store as unknown as { segment: { handle: { close(): Promise<void> } } }).segment.handle.close();
    await expect(store.save([record('b', 'lost')])).rejects.toThrow();
    await store.save([record('c', 'three')]);
    expect((await readdir(join(dir(), 'journal'))).sort()).toEqual(['journal-00000001.jsonl', 'journal-00000002.jsonl']);
    expect(await descriptions(dir())).toEqual(['a=one', 'c=three']);
    await store.checkpointNow();
    expect(await readdir(join(dir(), 'journal'))).toEqual(['snapshot-00000002.jsonl']);
    expect(await descriptions(dir())).toEqual(['a=one', 'c=three']);
    await store.close();
  });

  it('skips a torn last line (a batch never acknowledged) but refuses a corrupt one', async () => {
    const store = new LowdbStore(dir());
    await store.loadAll();
    await store.save([record('a', 'one')]);
    await store.close();
    const segment = join(dir(), 'journal', 'journal-00000001.jsonl');
    await appendFile(segment, '{"key":"b","record":{"key":"b","desc');
    expect(await descriptions(dir())).toEqual(['a=one']);
    await writeFile(segment, `${encodeRecordLine(record('a', 'one'), undefined).text}\n{"key":\n`);
    await expect(new LowdbStore(dir()).loadAll()).rejects.toThrow(/journal .*journal-00000001\.jsonl is corrupt at line 2/);
  });

  it('drops the temp file of an unfinished checkpoint on load', async () => {
    const store = new LowdbStore(dir(), { checkpointMinBytes: 1, checkpointRatio: 0 });
    await store.loadAll();
    await store.save([record('b', 'two')]);
    await store.close();
    await writeFile(join(dir(), 'journal', 'snapshot-00000002.jsonl.tmp'), '{"format":"polysecret-snapshot/1","journalSequence":2}\n{"key":"c","rec');
    const reopened = new LowdbStore(dir());
    expect((await reopened.loadAll()).map((r) => r.key)).toEqual(['b']);
    expect(await readdir(join(dir(), 'journal'))).toEqual(['snapshot-00000001.jsonl']);
    await reopened.close();
  });

  it('clear empties the snapshot and journal', async () => {
    const store = new LowdbStore(dir(), { checkpointMinBytes: 1, checkpointRatio: 0 });
    await store.loadAll();
    await store.save([record('a', 'one')]);
    await store.save([record('b', 'two')]);
    await store.clear();
    expect(await new LowdbStore(dir()).loadAll()).toEqual([]);
    await store.save([record('c', 'three')]);
    expect(await descriptions(dir())).toEqual(['c=three']);
    await store.close();
  });
});
