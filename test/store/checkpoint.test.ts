import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SecretRecord } from '../../src/core/model.js';
import { storeRecord } from './records.js';
import { checkpoint as publish, dropIncluded, type CheckpointPlan } from '../../src/store/checkpoint.js';
import { LowdbStore, storedRecords } from '../../src/store/lowdbStore.js';
import { decodeRecordLine, encodeRecordLine, removalLine } from '../../src/store/recordLine.js';
import { findSnapshots, snapshotName, snapshotRecordLines, type SnapshotFile } from '../../src/store/snapshot.js';

const record = (key: string, description: string, value = 'plain'): SecretRecord =>
  storeRecord(key, { description, versions: [{ id: 'v1', value: { type: 'string', data: value }, labels: ['AWSCURRENT'], createdAt: 1 }] });

/** A record's journal line, as the store writes it. */
const lineOf = (r: SecretRecord) => encodeRecordLine(r, undefined).text;

/** Writes journal segment `sequence` holding these changes (a record, or null for a removal). */
async function segment(journal: string, sequence: number, changes: Array<[string, SecretRecord | null]>, line = lineOf): Promise<void> {
  const lines = changes.map(([key, value]) => `${value ? line(value) : removalLine(key)}\n`).join('');
  await writeFile(join(journal, `journal-${String(sequence).padStart(8, '0')}.jsonl`), lines);
}

/** A checkpoint with its clean-up, as the store runs it. */
async function checkpoint(plan: CheckpointPlan) {
  const published = await publish(plan);
  await dropIncluded(plan.journalDir, published.sequence, plan.legacyDocuments);
  return published;
}

const snapshotDescriptions = (snapshot: SnapshotFile) => [...snapshotRecordLines(snapshot)].map((line) => decodeRecordLine(line.bytes).stored.description);

const descriptions = (dir: string) => storedRecords(dir).map((r) => `${r.key}=${r.description}`).sort();

describe('checkpoints', () => {
  let dir: string;
  let journal: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'polysecret-checkpoint-'));
    journal = join(dir, 'journal');
    await mkdir(journal);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('fold the segments up to the cut into a snapshot, copy unchanged lines as they are, and delete what it includes', async () => {
    await segment(journal, 1, [['a', record('a', 'one')], ['b', record('b', 'two')], ['c', record('c', 'three')]]);
    const first = await checkpoint({ journalDir: journal, base: undefined, legacyDocuments: undefined, sequence: 1 });
    expect(first).toMatchObject({ sequence: 1, path: join(journal, snapshotName(1)) });
    await segment(journal, 2, [['b', null], ['a', record('a', 'four')]]);
    await segment(journal, 3, [['d', record('d', 'after the cut')]]);
    const second = await checkpoint({ journalDir: journal, base: first, legacyDocuments: undefined, sequence: 2 });
    // Segment 3 came after the cut: it stays, for replay over snapshot 2.
    expect((await readdir(journal)).sort()).toEqual(['journal-00000003.jsonl', 'snapshot-00000002.jsonl']);
    const text = await readFile(second.path, 'utf8');
    expect(second.bytes).toBe(Buffer.byteLength(text));
    expect(text.split('\n')).toEqual([
      '{"format":"polysecret-snapshot/1","journalSequence":2}',
      lineOf(record('c', 'three')),
      lineOf(record('a', 'four')),
      '{"end":true,"records":2}',
      '',
    ]);
    expect(snapshotDescriptions(second)).toEqual(['three', 'four']);
    expect(descriptions(dir)).toEqual(['a=four', 'c=three', 'd=after the cut']);
  });

  it('find the keys of lines with quotes, backslashes and non-ASCII characters, copied or changed', async () => {
    const odd = ['q"uote', 'back\\slash\\', 'é/日本/\\"', 'plain'];
    await segment(journal, 1, odd.map((key) => [key, record(key, 'one')]));
    const first = await checkpoint({ journalDir: journal, base: undefined, legacyDocuments: undefined, sequence: 1 });
    await segment(journal, 2, [[odd[0], record(odd[0], 'two')], [odd[2], null]]);
    await checkpoint({ journalDir: journal, base: first, legacyDocuments: undefined, sequence: 2 });
    expect(descriptions(dir)).toEqual([`${odd[1]}=one`, `${odd[3]}=one`, `${odd[0]}=two`].sort());
  });

  it('are written owner-only, whatever the umask', async () => {
    await segment(journal, 1, [['a', record('a', 'one')]]);
    const previous = process.umask(0);
    try {
      const written = await checkpoint({ journalDir: journal, base: undefined, legacyDocuments: undefined, sequence: 1 });
      expect(((await stat(written.path)).mode & 0o777).toString(8)).toBe('600');
    } finally {
      process.umask(previous);
    }
  });

  it('refuse a snapshot in an unknown format, or one cut short, naming it', async () => {
    const path = join(journal, snapshotName(4));
    await writeFile(path, '{"format":"polysecret-snapshot/9","journalSequence":4}\n{"end":true,"records":0}\n');
    expect(() => storedRecords(dir)).toThrow(`polysecret: snapshot ${path} is in format "polysecret-snapshot/9"; this version reads polysecret-snapshot/1`);
    await writeFile(path, `{"format":"polysecret-snapshot/1","journalSequence":4}\n${lineOf(record('a', 'one'))}\n`);
    expect(() => storedRecords(dir)).toThrow(`polysecret: snapshot ${path} is incomplete (no trailer)`);
    await writeFile(path, '{"format":"polysecret-snapshot/1","journalSequence":4}\n{"end":true,"records":3}\n');
    expect(() => storedRecords(dir)).toThrow(`polysecret: snapshot ${path} holds 0 records, its trailer says 3`);
  });

  it('leave nothing a crash after publishing could replay: older snapshots and included segments are ignored and dropped on load', async () => {
    await segment(journal, 1, [['a', record('a', 'one')], ['gone', record('gone', 'stale')]]);
    await copyFile(join(journal, 'journal-00000001.jsonl'), join(dir, 'segment-1'));
    const first = await checkpoint({ journalDir: journal, base: undefined, legacyDocuments: undefined, sequence: 1 });
    await copyFile(first.path, join(dir, 'snapshot-1'));
    await segment(journal, 2, [['gone', null], ['a', record('a', 'two')]]);
    await checkpoint({ journalDir: journal, base: first, legacyDocuments: undefined, sequence: 2 });
    // As if the crash came before step 4 of the checkpoint: what snapshot 2 includes is back.
    await copyFile(join(dir, 'segment-1'), join(journal, 'journal-00000001.jsonl'));
    await copyFile(join(dir, 'snapshot-1'), first.path);
    expect(descriptions(dir)).toEqual(['a=two']);
    const store = new LowdbStore(dir);
    expect((await store.loadAll()).map((r) => r.description)).toEqual(['two']);
    expect(await readdir(journal)).toEqual(['snapshot-00000002.jsonl']);
    await store.close();
  });

  it('migrate the per-secret documents of an earlier version on the first checkpoint', async () => {
    const documents = join(dir, 'secrets');
    await mkdir(documents);
    for (const r of [record('a', 'document'), record('b', 'document'), record('c', 'document')]) await writeFile(join(documents, `${r.key}.json`), JSON.stringify(r));
    await segment(journal, 7, [['b', record('b', 'journal')], ['c', null]]);
    const store = new LowdbStore(dir);
    expect((await store.loadAll()).map((r) => `${r.key}=${r.description}`).sort()).toEqual(['a=document', 'b=journal']);
    await store.save([record('d', 'new')]);
    // The migration starts with the load and runs beside the writes.
    await store.close();
    expect(await readdir(dir)).not.toContain('secrets');
    expect(findSnapshots(journal).map((s) => s.sequence)).toEqual([7]);
    expect(await readdir(journal)).toContain('journal-00000008.jsonl');
    expect(descriptions(dir)).toEqual(['a=document', 'b=journal', 'd=new']);
  });

  it('ignore documents left beside a snapshot by a migration cut short, and drop them', async () => {
    await segment(journal, 1, [['a', record('a', 'snapshot')]]);
    await checkpoint({ journalDir: journal, base: undefined, legacyDocuments: undefined, sequence: 1 });
    await mkdir(join(dir, 'secrets'));
    await writeFile(join(dir, 'secrets', 'removed.json'), JSON.stringify(record('removed', 'document')));
    const store = new LowdbStore(dir);
    expect((await store.loadAll()).map((r) => r.key)).toEqual(['a']);
    expect(await readdir(dir)).not.toContain('secrets');
    await store.close();
  });

  it('keep values and tags sealed when encryption at rest is on', async () => {
    const keyFile = join(dir, 'key');
    await writeFile(keyFile, randomBytes(32).toString('hex'));
    const store = new LowdbStore(join(dir, 'data'), { encryptionKeyFile: keyFile });
    await store.loadAll();
    await store.save([{ ...record('a', 'one', 'value-never-on-disk'), tags: [{ key: 'team', value: 'tag-never-on-disk' }] }]);
    await store.checkpointNow();
    await store.close();
    const [snapshot] = findSnapshots(join(dir, 'data', 'journal'));
    const text = await readFile(snapshot.path, 'utf8');
    expect(text).toContain('"description":"one"');
    expect(text).not.toContain('never-on-disk');
    const reopened = new LowdbStore(join(dir, 'data'), { encryptionKeyFile: keyFile });
    const [loaded] = await reopened.loadAll();
    expect([loaded.versions[0].value?.data, loaded.tags]).toEqual(['value-never-on-disk', [{ key: 'team', value: 'tag-never-on-disk' }]]);
    await reopened.close();
  });
});
