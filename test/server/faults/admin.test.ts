import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminJson, addFault, clearFaults, hitsOf, listFaults } from '../../helpers/faults.js';
import { rawAws, startServer, useServer } from '../../helpers/server.js';

/** Which of `count` AWS calls a server throttled, as a string of x (faulted) and . (answered). */
async function pattern(url: string, count: number): Promise<string> {
  let seen = '';
  for (let i = 0; i < count; i++) seen += (await rawAws(url, 'GetSecretValue', { SecretId: 's' })).json.__type === 'ThrottlingException' ? 'x' : '.';
  return seen;
}

describe('the fault admin API', () => {
  const server = useServer('memory');
  const url = () => server().url;

  beforeEach(async () => {
    await clearFaults(url());
  });

  it('adds a rule (201, with an id), lists it with its hits and each cloud\'s errors, removes one and all', async () => {
    const added = await adminJson(url(), 'POST', '/_emulator/faults', { match: { cloud: 'aws' }, effect: { kind: 'throttle' } });
    expect(added).toEqual({ status: 201, json: { id: 'fault-1', match: { cloud: 'aws' }, effect: { kind: 'throttle' }, hits: 0 } });
    await addFault(url(), { id: 'second', effect: { kind: 'latency', ms: 1 }, times: 2 });
    const listed = await adminJson(url(), 'GET', '/_emulator/faults');
    expect(listed.json.faults).toEqual([added.json, { id: 'second', effect: { kind: 'latency', ms: 1 }, times: 2, hits: 0, remaining: 2 }]);
    expect(listed.json.errors).toEqual({
      aws: { throttling: { code: 'ThrottlingException', status: 400, message: 'Rate exceeded' }, internal: expect.objectContaining({ code: 'InternalServiceError', status: 500 }) },
      alibaba: { throttling: { code: 'Rejected.Throttling', status: 429, message: 'QPS Limit Exceeded' }, internal: expect.objectContaining({ code: 'InternalFailure', status: 500 }) },
      tencent: { throttling: expect.objectContaining({ code: 'RequestLimitExceeded', status: 200 }), internal: expect.objectContaining({ code: 'InternalError', status: 200 }) },
    });
    expect(await adminJson(url(), 'DELETE', '/_emulator/faults/fault-1')).toEqual({ status: 200, json: { removed: 1 } });
    expect(await adminJson(url(), 'DELETE', '/_emulator/faults/fault-1')).toMatchObject({ status: 404, json: { error: 'NotFound' } });
    expect((await listFaults(url())).map((rule) => rule.id)).toEqual(['second']);
    expect(await adminJson(url(), 'DELETE', '/_emulator/faults')).toEqual({ status: 200, json: { removed: 1 } });
    expect(await listFaults(url())).toEqual([]);
  });

  it('replaces a rule added again under the same id', async () => {
    await addFault(url(), { id: 'r', effect: { kind: 'throttle' } });
    await addFault(url(), { id: 'r', effect: { kind: 'internal' } });
    expect(await listFaults(url())).toEqual([{ id: 'r', effect: { kind: 'internal' }, hits: 0 }]);
  });

  it('fires on the next N matching calls only, and keeps the spent rule listed with its hits', async () => {
    await addFault(url(), { id: 'two', effect: { kind: 'throttle' }, times: 2 });
    expect(await pattern(url(), 4)).toBe('xx..');
    expect(await listFaults(url())).toEqual([expect.objectContaining({ id: 'two', hits: 2, remaining: 0 })]);
  });

  it('fires on a seeded percentage of calls: the same seed picks the same calls', async () => {
    await addFault(url(), { id: 'p', effect: { kind: 'throttle' }, percent: 40, seed: 7 });
    const first = await pattern(url(), 40);
    await addFault(url(), { id: 'p', effect: { kind: 'throttle' }, percent: 40, seed: 7 });
    expect(await pattern(url(), 40)).toBe(first);
    const hits = [...first].filter((c) => c === 'x').length;
    expect(hits).toBeGreaterThan(5);
    expect(hits).toBeLessThan(35);
    expect(await hitsOf(url(), 'p')).toBe(hits);
    // Without a seed one is chosen and listed, so a run can be replayed.
    const unseeded = await addFault(url(), { effect: { kind: 'throttle' }, percent: 50 });
    expect(unseeded.seed).toEqual(expect.any(Number));
  });

  it('refuses bad rules with 400 and the reasons, adding nothing', async () => {
    const bad: unknown[] = [
      {},
      { effect: { kind: 'explode' } },
      { effect: { kind: 'error' } },
      { effect: { kind: 'latency' } },
      { effect: { kind: 'latency', ms: -1 } },
      { effect: { kind: 'throttle', ms: 5 } },
      { effect: { kind: 'throttle' }, times: 0 },
      { effect: { kind: 'throttle' }, percent: 101 },
      { effect: { kind: 'throttle' }, match: { cloud: 'gcp' } },
      { effect: { kind: 'throttle' }, match: { colour: 'red' } },
      { effect: { kind: 'error', code: 'has spaces' } },
      { effect: { kind: 'error', code: 'X', status: 99 } },
      { id: 'no/slashes', effect: { kind: 'throttle' } },
      [],
    ];
    for (const body of bad) {
      const answer = await adminJson(url(), 'POST', '/_emulator/faults', body);
      expect(answer).toMatchObject({ status: 400, json: { error: 'InvalidFault', message: 'the fault rule was refused', problems: expect.any(Array) } });
      expect(answer.json.problems.length).toBeGreaterThan(0);
    }
    expect(await adminJson(url(), 'POST', '/_emulator/faults', '{nope')).toMatchObject({ status: 400, json: { error: 'InvalidJson' } });
    expect(await adminJson(url(), 'POST', '/_emulator/faults', '')).toMatchObject({ status: 400, json: { error: 'InvalidJson', problems: ['/: a fault rule is required'] } });
    expect((await fetch(`${url()}/_emulator/faults`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' })).status).toBe(415);
    expect(await listFaults(url())).toEqual([]);
  });

  it('takes rules from a seed document (POST /_emulator/seed), refusing the whole seed for a bad rule', async () => {
    const secrets = { aws: { '000000000000': { 'us-east-1': [{ name: 's', versions: [{ value: 'v' }] }] } } };
    const refused = await adminJson(url(), 'POST', '/_emulator/seed', { ...secrets, faults: [{ effect: { kind: 'nope' } }] });
    expect(refused).toMatchObject({ status: 400, json: { error: 'InvalidSeed', problems: [expect.stringMatching(/^\/faults\/0\/effect\/kind: /)] } });
    expect((await rawAws(url(), 'GetSecretValue', { SecretId: 's' })).json.__type).toBe('ResourceNotFoundException');
    const seeded = await adminJson(url(), 'POST', '/_emulator/seed', { ...secrets, faults: [{ id: 'seeded', match: { secretName: 's' }, effect: { kind: 'internal' }, times: 1 }] });
    expect(seeded).toMatchObject({ status: 200, json: { secrets: 1 } });
    expect((await rawAws(url(), 'GetSecretValue', { SecretId: 's' })).status).toBe(500);
    expect((await rawAws(url(), 'GetSecretValue', { SecretId: 's' })).json.SecretString).toBe('v');
  });
});

describe('fault rules at start and across servers', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'polysecret-faults-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads the seed file\'s faults before the server is ready; a second server in the process has none', async () => {
    const seedFile = join(dir, 'seed.yaml');
    await writeFile(seedFile, 'faults:\n  - id: from-file\n    match: { cloud: aws }\n    effect: { kind: throttle }\n');
    const seeded = await startServer('memory', { seedFile });
    const plain = await startServer('memory');
    try {
      expect((await rawAws(seeded.url, 'GetSecretValue', { SecretId: 'x' })).json.__type).toBe('ThrottlingException');
      expect(await hitsOf(seeded.url, 'from-file')).toBe(1);
      expect((await rawAws(plain.url, 'GetSecretValue', { SecretId: 'x' })).json.__type).toBe('ResourceNotFoundException');
      expect(await listFaults(plain.url)).toEqual([]);
    } finally {
      await seeded.stop();
      await plain.stop();
    }
  });

  it('refuses to start with a bad rule in the seed file', async () => {
    const seedFile = join(dir, 'bad.json');
    await writeFile(seedFile, JSON.stringify({ faults: [{ effect: { kind: 'latency', ms: 'slow' } }] }));
    await expect(startServer('memory', { seedFile })).rejects.toThrow(/seed file .*bad\.json: \/faults\/0\/effect\/ms: must be integer/);
  });

  it('in strict mode, needs the admin token like every admin route', async () => {
    const token = 'a-long-admin-token-1234';
    const strict = await startServer('memory', { auth: 'strict', adminToken: token });
    try {
      const rule = { effect: { kind: 'throttle' } };
      expect((await adminJson(strict.url, 'GET', '/_emulator/faults')).status).toBe(401);
      expect((await adminJson(strict.url, 'POST', '/_emulator/faults', rule)).status).toBe(401);
      expect((await adminJson(strict.url, 'DELETE', '/_emulator/faults')).status).toBe(401);
      const auth = { authorization: `Bearer ${token}` };
      expect((await adminJson(strict.url, 'POST', '/_emulator/faults', rule, auth)).status).toBe(201);
      expect((await adminJson(strict.url, 'POST', '/_emulator/faults', rule, { ...auth, origin: 'http://evil.example' })).status).toBe(403);
      expect((await adminJson(strict.url, 'GET', '/_emulator/faults', undefined, auth)).json.faults).toHaveLength(1);
      expect((await adminJson(strict.url, 'DELETE', '/_emulator/faults/fault-1', undefined, auth)).status).toBe(200);
    } finally {
      await strict.stop();
    }
  });
});
