import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateSecretCommand, DeleteSecretCommand, DescribeSecretCommand } from '@aws-sdk/client-secrets-manager';
import { ManualClock } from '../../src/core/runtime.js';
import { MemoryStore } from '../../src/store/memoryStore.js';
import { awsClient, sdkError, startServer } from '../helpers/server.js';

const START = Date.UTC(2025, 0, 1);
const DAY_MS = 24 * 60 * 60 * 1000;

const advance = (url: string, seconds: number) =>
  fetch(`${url}/_emulator/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceSeconds: seconds }) });
const emulatorTime = async (url: string) => ((await (await fetch(`${url}/_emulator/clock`)).json()) as { epochMs: number }).epochMs;

describe('the emulator clock across a restart', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'polysecret-clock-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('stays advanced on the same data dir, and recovery windows keep counting from it', async () => {
    const first = await startServer('lowdb', { dataDir, clock: new ManualClock(START) });
    try {
      await awsClient(first.url).send(new CreateSecretCommand({ Name: 'doomed', SecretString: 'v' }));
      await awsClient(first.url).send(new DeleteSecretCommand({ SecretId: 'doomed', RecoveryWindowInDays: 7 }));
      expect((await advance(first.url, 5 * 24 * 3600)).status).toBe(200);
      // Durable before the 200: the file already holds the offset.
      expect(JSON.parse(await readFile(join(dataDir, 'clock.json'), 'utf8'))).toEqual({ offsetMs: 5 * DAY_MS });
    } finally {
      await first.stop();
    }

    const second = await startServer('lowdb', { dataDir, clock: new ManualClock(START) });
    try {
      expect(await emulatorTime(second.url)).toBe(START + 5 * DAY_MS);
      const health = (await (await fetch(`${second.url}/_emulator/health`)).json()) as Record<string, unknown>;
      expect(health).toMatchObject({ clockOffsetMs: 5 * DAY_MS, time: new Date(START + 5 * DAY_MS).toISOString() });
      // Still within its window (5 of 7 days), then gone 3 days later.
      expect((await awsClient(second.url).send(new DescribeSecretCommand({ SecretId: 'doomed' }))).DeletedDate).toEqual(new Date(START));
      expect((await advance(second.url, 3 * 24 * 3600)).status).toBe(200);
      expect((await sdkError(awsClient(second.url).send(new DescribeSecretCommand({ SecretId: 'doomed' })))).name).toBe('ResourceNotFoundException');
    } finally {
      await second.stop();
    }
  });

  it('starts at the wall clock on a data dir whose clock was never moved', async () => {
    const server = await startServer('lowdb', { dataDir, clock: new ManualClock(START) });
    try {
      expect(await emulatorTime(server.url)).toBe(START);
    } finally {
      await server.stop();
    }
  });

  it('is kept by the memory store too, for a second server on the same store', async () => {
    const store = new MemoryStore();
    const first = await startServer('memory', { store, clock: new ManualClock(START) });
    try {
      expect((await advance(first.url, 60)).status).toBe(200);
    } finally {
      await first.stop();
    }
    const second = await startServer('memory', { store, clock: new ManualClock(START) });
    try {
      expect(await emulatorTime(second.url)).toBe(START + 60_000);
    } finally {
      await second.stop();
    }
  });
});
