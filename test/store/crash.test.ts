/**
 * kill -9 at any point loses no acknowledged write: a child process writes continuously through the
 * compiled store (checkpointing all the time, with tiny thresholds) and reports each write once it is
 * acknowledged; it is killed with SIGKILL at random points, as a checkpoint starts writing its
 * snapshot, and as it publishes one; each restart must find every acknowledged write and nothing
 * half-written.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { watch } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SecretRecord } from '../../src/core/model.js';
import { LowdbStore } from '../../src/store/lowdbStore.js';
import { useCompiledCli } from '../helpers/compiledCli.js';

/** Every 7th change of a key removes it; the others save it with a value derived from the change's number. */
const WRITER = (storeModule: string) => `
import { LowdbStore } from ${JSON.stringify(storeModule)};
const [dataDir, prefix] = process.argv.slice(2);
const store = new LowdbStore(dataDir, { checkpointMinBytes: 16 * 1024, checkpointRatio: 0, onBackgroundError: (error) => { console.error(error); process.exit(3); } });
await store.loadAll();
const valueOf = (key, n) => (key + ':' + n + ':').padEnd(200 + ((n * 37) % 1800), 'x');
const record = (key, n) => ({ key, namespace: { cloud: 'aws', account: '1', region: 'r' }, name: key, resourceId: key, description: String(n), enabled: true, createdAt: 1, changedAt: n,
  versions: [{ id: 'v' + n, value: { type: 'string', data: valueOf(key, n) }, labels: ['AWSCURRENT'], createdAt: n }] });
process.stdout.write('ready\\n');
// Each worker owns its keys, so the changes of one key run one after another.
async function worker(w) {
  const counts = new Map();
  for (;;) {
    const key = prefix + '-' + w + '-' + Math.floor(Math.random() * 8);
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (n % 7 === 0) await store.remove([key]);
    else await store.save([record(key, n)]);
    // A pipe's writes are synchronous on Linux: once written, the line survives the kill.
    process.stdout.write(key + ' ' + n + '\\n');
  }
}
for (let w = 0; w < 16; w++) void worker(w);
`;

const valueOf = (key: string, n: number) => `${key}:${n}:`.padEnd(200 + ((n * 37) % 1800), 'x');

type KillPoint = 'random' | 'snapshot being written' | 'snapshot published';

/** Resolves once `child` has written `ready`, and collects the acknowledged changes it reports after. */
async function acknowledgements(child: ChildProcess): Promise<Map<string, number>> {
  const acked = new Map<string, number>();
  let text = '';
  let ready = false;
  child.stdout!.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
    const end = text.lastIndexOf('\n');
    for (const line of text.slice(0, end + 1).split('\n')) {
      const [key, n] = line.split(' ');
      if (line === 'ready') ready = true;
      else if (n !== undefined) acked.set(key, Math.max(acked.get(key) ?? 0, Number(n)));
    }
    text = text.slice(end + 1);
  });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the writer exited (${code}) before it was ready`)));
    const waitReady = () => (ready ? resolve() : setTimeout(waitReady, 5));
    waitReady();
  });
  return acked;
}

/** Kills `child` with SIGKILL at `point`; resolves to whether that point was reached (or a random one chosen). */
async function killAt(child: ChildProcess, journal: string, point: KillPoint): Promise<boolean> {
  let reached = point === 'random';
  // Writes run for a while first, so the kill meets them in flight too.
  await new Promise((done) => setTimeout(done, 50 + Math.random() * (point === 'random' ? 600 : 300)));
  if (point !== 'random') {
    const wanted = point === 'snapshot being written' ? /^snapshot-\d+\.jsonl\.tmp$/ : /^snapshot-\d+\.jsonl$/;
    const watcher = watch(journal);
    let timer: NodeJS.Timeout | undefined;
    reached = await Promise.race([
      new Promise<boolean>((resolve) => watcher.on('change', (_event, name) => wanted.test(String(name)) && resolve(true))),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 5_000))),
    ]);
    clearTimeout(timer);
    watcher.close();
  }
  child.kill('SIGKILL');
  // 'close', not 'exit': the acknowledgements still in the pipe must be read before they are counted.
  await once(child, 'close');
  return reached;
}

describe('kill -9 while writing and checkpointing', () => {
  const compiled = useCompiledCli('crash');

  it('loses no acknowledged write and shows nothing half-written, at any kill point', async () => {
    const dataDir = join(compiled.dir(), 'data');
    const writer = join(compiled.dir(), 'writer.mjs');
    await writeFile(writer, WRITER(pathToFileURL(join(compiled.build(), 'src/store/lowdbStore.js')).href));
    /** Each key's state as last verified: the number of its last change, and whether it is present. */
    const expected = new Map<string, SecretRecord | undefined>();
    const points: KillPoint[] = ['random', 'snapshot being written', 'snapshot published'];
    const reached: string[] = [];
    let acknowledged = 0;
    for (let round = 0; round < 9; round++) {
      const child = spawn(process.execPath, [writer, dataDir, `r${round}`], { stdio: ['ignore', 'pipe', 'inherit'] });
      const acked = await acknowledgements(child);
      if (await killAt(child, join(dataDir, 'journal'), points[round % 3])) reached.push(points[round % 3]);
      acknowledged += [...acked.values()].reduce((sum, n) => sum + n, 0);

      const store = new LowdbStore(dataDir);
      const loaded = new Map((await store.loadAll()).map((record) => [record.key, record]));
      await store.close();
      for (const [key, record] of loaded) {
        if (key.startsWith(`r${round}-`)) continue;
        expect([key, record]).toEqual([key, expected.get(key)]);
      }
      for (const key of expected.keys()) expect([key, loaded.get(key)]).toEqual([key, expected.get(key)]);
      for (const [key, last] of acked) {
        const record = loaded.get(key);
        // Present with the last acknowledged change or the one in flight when killed; absent only if one of those removed it.
        const n = record ? Number(record.description) : last % 7 === 0 ? last : last + 1;
        expect({ key, found: n, acknowledged: last, ok: n === last || n === last + 1 }).toEqual({ key, found: n, acknowledged: last, ok: true });
        expect([key, n % 7 === 0]).toEqual([key, record === undefined]);
        // Through JSON, so a value left on disk is read (toJSON) and compared by its data.
        if (record) expect([key, JSON.parse(JSON.stringify(record.versions))]).toEqual([key, [{ id: `v${n}`, value: { type: 'string', data: valueOf(key, n) }, labels: ['AWSCURRENT'], createdAt: n }]]);
      }
      for (const [key, record] of loaded) if (key.startsWith(`r${round}-`)) expect([key, acked.has(key) || record.description === '1']).toEqual([key, true]);
      for (const key of acked.keys()) expected.set(key, loaded.get(key));
      for (const [key, record] of loaded) expected.set(key, record);
    }
    expect(reached).toEqual(expect.arrayContaining(['random', 'snapshot being written', 'snapshot published']));
    // Enough changes that the kills met checkpoints of a store of some size, not an idle one.
    expect(acknowledged).toBeGreaterThan(500);
  }, 120_000);
});
