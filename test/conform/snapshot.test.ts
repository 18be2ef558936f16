import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { conform, parseScenario } from '../../app/conform/index.js';
import { compareSnapshots, renderDivergences, snapshotsOf, writeSnapshots } from '../../app/conform/snapshot.js';

const versions = () =>
  parseScenario(
    JSON.stringify({
      name: 'versions',
      steps: [
        { op: 'create', name: 'db', value: 'one', as: 'v1' },
        { op: 'put', name: 'db', value: 'two', as: 'v2' },
        { op: 'read', name: 'db', version: 'v1', expect: { value: 'one' } },
        { op: 'describe', name: 'db', expect: { current: 'v2' } },
        { op: 'read', name: 'gone', expect: { error: 'not-found' } },
      ],
    }),
    'json',
  );

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'polysecret-snapshots-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('conformance snapshots', () => {
  it('mask what differs between runs: the run prefix, ids (numbered by first sight), dates, ARNs, request ids', async () => {
    const result = await conform({ scenarios: [await versions()], clouds: ['aws'] });
    const [snapshot] = snapshotsOf(result);
    expect(snapshot).toMatchObject({ format: 'polysecret-conform-snapshot/1', scenario: 'versions', cloud: 'aws', target: 'polysecret' });
    const [create, , readV1, describe] = snapshot.steps;
    expect(create.calls).toEqual([
      { operation: 'CreateSecret', status: 200, contentType: 'application/x-amz-json-1.1', body: { ARN: '<resource-name>', Name: 'db', VersionId: '<id-1>' } },
    ]);
    expect(readV1.calls?.[0].body).toEqual({
      ARN: '<resource-name>',
      Name: 'db',
      VersionId: '<id-1>',
      SecretString: 'one',
      VersionStages: ['AWSPREVIOUS'],
      CreatedDate: '<volatile>',
    });
    // The version ids are keys here: masked by the same numbers as where they first appeared.
    expect((describe.calls?.[0].body as { VersionIdsToStages: object }).VersionIdsToStages).toEqual({ '<id-1>': ['AWSPREVIOUS'], '<id-2>': ['AWSCURRENT'] });
    expect(JSON.stringify(snapshot.steps)).not.toMatch(/conform-[0-9a-f]{6}|[0-9a-f]{8}-[0-9a-f]{4}-|\d{4}-\d\d-\d\dT|arn:aws/);
  });

  it('mask a value the cloud made (a rotation\'s) as generated, and resource names inside messages', async () => {
    const scenario = await parseScenario(
      JSON.stringify({
        name: 'made',
        clouds: ['aws'],
        steps: [
          { op: 'create', name: 'db', value: 'mine', as: 'v1' },
          { op: 'rotate', name: 'db', as: 'rotated' },
          { op: 'read', name: 'db', expect: { current: 'rotated' } },
          { op: 'read', name: 'db', version: 'previous', expect: { value: 'mine' } },
          { op: 'put', name: 'db', value: 'other', reuse: 'v1', expect: { error: 'exists' } },
        ],
      }),
      'json',
    );
    const [snapshot] = snapshotsOf(await conform({ scenarios: [scenario] }));
    const [, , current, previous, reused] = snapshot.steps;
    expect(current.outcome).toEqual({ ok: true, value: '<generated>', versionAlias: 'rotated' });
    expect(previous.outcome).toEqual({ ok: true, value: 'mine', versionAlias: 'v1' });
    expect((reused.calls?.[0].body as { Message: string }).Message).toMatch(/ of secret <resource-name>\.$/);
  });

  it('are written per scenario and cloud, and a later run compares with them without a divergence', async () => {
    const first = await conform({ scenarios: [await versions()] });
    const paths = await writeSnapshots(first, dir);
    expect(paths.map((path) => path.slice(dir.length + 1)).sort()).toEqual(['versions/alibaba.json', 'versions/aws.json', 'versions/tencent.json']);
    const second = await conform({ scenarios: [await versions()] });
    const comparison = await compareSnapshots(second, dir);
    expect(comparison).toEqual({ divergences: [], unrecorded: [] });
    expect(renderDivergences(comparison)).toBe('0 divergences from the snapshots\n');
  });

  it('list every divergence from a recording, with its step and path, and the pairs never recorded', async () => {
    const result = await conform({ scenarios: [await versions()], clouds: ['aws', 'alibaba'] });
    await writeSnapshots(result, dir);
    // Stand-in for a recording made elsewhere: another code for the missing secret, another member.
    const file = join(dir, 'versions', 'aws.json');
    const recorded = JSON.parse(await readFile(file, 'utf8'));
    recorded.steps[4].outcome.vendorCode = 'ValidationException';
    recorded.steps[0].calls[0].body.ReplicationStatus = [];
    await writeFile(file, JSON.stringify(recorded));
    await rm(join(dir, 'versions', 'alibaba.json'));
    const comparison = await compareSnapshots(result, dir);
    expect(comparison.divergences).toEqual([
      { scenario: 'versions', cloud: 'aws', step: 1, path: 'calls[0].body.ReplicationStatus', recorded: [], now: undefined },
      { scenario: 'versions', cloud: 'aws', step: 5, path: 'outcome.vendorCode', recorded: 'ValidationException', now: 'ResourceNotFoundException' },
    ]);
    expect(comparison.unrecorded).toEqual(['versions/alibaba']);
    expect(renderDivergences(comparison).split('\n')).toEqual([
      'versions aws step 1 calls[0].body.ReplicationStatus: recorded [], now undefined',
      'versions aws step 5 outcome.vendorCode: recorded "ValidationException", now "ResourceNotFoundException"',
      'versions/alibaba: no snapshot to compare with',
      '2 divergences from the snapshots',
      '',
    ]);
    expect(await readdir(join(dir, 'versions'))).toEqual(['aws.json']);
  });
});
