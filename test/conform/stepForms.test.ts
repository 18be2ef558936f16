import { conform, validateScenario, type ConformResult } from '../../app/conform/index.js';
import { CONFORM_ROTATION_LAMBDA } from '../../app/conform/drivers/aws.js';

const CLOUDS = ['aws', 'alibaba', 'tencent'] as const;

/** Runs a one-scenario run of these steps on every cloud. */
async function run(steps: unknown[]): Promise<ConformResult['scenarios'][number]> {
  const result = await conform({ scenarios: [await validateScenario({ name: 'forms', steps })] });
  return result.scenarios[0];
}

/** One field of a step's outcome on each cloud. */
const byCloud = <K extends 'vendorCode' | 'notes' | 'value' | 'ok'>(step: ConformResult['scenarios'][number]['steps'][number], key: K) =>
  Object.fromEntries(CLOUDS.map((cloud) => [cloud, step.results[cloud]?.outcome[key]]));

describe('the drivers on the newer step forms', () => {
  it('list pageSize: each cloud pages with its own parameters and says how many pages it took', async () => {
    const creates = ['a1', 'a2', 'a3', 'a4', 'a5'].map((name) => ({ op: 'create', name, value: 'v' }));
    const scenario = await run([...creates, { op: 'list', pageSize: 2, expect: { names: ['a1', 'a2', 'a3', 'a4', 'a5'] } }]);
    const list = scenario.steps[5];
    expect(scenario.pass).toBe(true);
    expect(byCloud(list, 'notes')).toEqual({
      aws: ['3 pages: MaxResults 2, each after the first by NextToken'],
      alibaba: ['3 pages: PageSize 2, PageNumber 1 to 3'],
      tencent: ['3 pages: Limit 2, Offset 0 to 4'],
    });
    expect(list.results.aws?.exchanges.map((exchange) => JSON.parse(exchange.request.body).MaxResults)).toEqual([2, 2, 2]);
    expect(list.results.alibaba?.exchanges.every((exchange) => exchange.request.url.includes('PageSize=2'))).toBe(true);
    expect(list.results.tencent?.exchanges.map((exchange) => JSON.parse(exchange.request.body).Offset)).toEqual([0, 2, 4]);
  });

  it('rotate: AWS rotates with the conformance rotation function; Alibaba and Tencent refuse a generic secret', async () => {
    const scenario = await run([
      { op: 'create', name: 'r', value: 'original' },
      { op: 'rotate', name: 'r', as: 'rotated' },
      { op: 'read', name: 'r' },
    ]);
    const [, rotate, read] = scenario.steps;
    expect(byCloud(rotate, 'vendorCode')).toEqual({ aws: undefined, alibaba: 'InvalidParameter', tencent: 'UnsupportedOperation' });
    expect(rotate.results.aws?.outcome).toMatchObject({ ok: true, versionAlias: 'rotated', notes: [`RotationLambdaARN ${CONFORM_ROTATION_LAMBDA}, RotateImmediately`] });
    expect(rotate.results.alibaba?.outcome.notes?.[0]).toMatch(/^RotateSecret through the SDK's RPC client/);
    expect(rotate.results.alibaba?.exchanges[0].request.url).toContain('Action=RotateSecret');
    expect(rotate.results.tencent?.outcome.notes?.[0]).toMatch(/^RotateProductSecret: SSM rotates only product secrets/);
    // The built-in generic rotator writes a new random 32-character value.
    expect(read.results.aws?.outcome).toMatchObject({ ok: true, versionAlias: 'rotated' });
    expect(read.results.aws?.outcome.value).toHaveLength(32);
    expect([read.results.alibaba?.outcome.value, read.results.tencent?.outcome.value]).toEqual(['original', 'original']);
  });

  it('put reuse: the earlier version id goes again, a retry where the cloud allows one and a conflict for another value', async () => {
    const scenario = await run([
      { op: 'create', name: 'p', value: 'one', as: 'v1' },
      { op: 'put', name: 'p', value: 'one', reuse: 'v1' },
      { op: 'put', name: 'p', value: 'two', reuse: 'v1' },
    ]);
    const [, retry, conflict] = scenario.steps;
    expect(byCloud(retry, 'vendorCode')).toEqual({ aws: undefined, alibaba: undefined, tencent: 'ResourceInUse.VersionIdExists' });
    expect(retry.results.aws?.outcome.versionAlias).toBe('v1');
    expect(byCloud(conflict, 'vendorCode')).toEqual({ aws: 'ResourceExistsException', alibaba: 'Rejected.ResourceExist', tencent: 'ResourceInUse.VersionIdExists' });
  });

  it('a repeated value is written out in full', async () => {
    const scenario = await run([
      { op: 'create', name: 'long', value: { repeat: 'ab', times: 3000 } },
      { op: 'read', name: 'long', expect: { value: 'ab'.repeat(3000) } },
    ]);
    expect(scenario.pass).toBe(true);
  });
});
