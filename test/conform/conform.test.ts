import { builtinScenarios, conform, parseScenario, renderTable, type ConformResult } from '../../app/conform/index.js';
import { useServer } from '../helpers/server.js';

/** Every failing step-on-cloud of a run, as "scenario step cloud: actual; expected" lines. */
function failures(result: ConformResult): string[] {
  return result.scenarios.flatMap((scenario) =>
    scenario.steps.flatMap((step) =>
      Object.entries(step.results)
        .filter(([, cell]) => !cell.pass)
        .map(([cloud, cell]) => `${scenario.scenario} ${step.index + 1} ${cloud}: ${cell.actual}; expected ${cell.expected}`),
    ),
  );
}

describe('conform()', () => {
  it('passes every built-in scenario on every cloud it names', async () => {
    const result = await conform({ scenarios: await builtinScenarios() });
    expect(failures(result)).toEqual([]);
    expect(result.pass).toBe(true);
    expect(result.scenarios.map((scenario) => [scenario.scenario, scenario.clouds])).toEqual([
      ['deletion', ['aws', 'alibaba', 'tencent']],
      ['everywhere', ['aws', 'alibaba', 'tencent']],
      ['lifecycle', ['aws', 'alibaba', 'tencent']],
      ['limits', ['aws', 'alibaba', 'tencent']],
      ['listing', ['aws', 'alibaba', 'tencent']],
      ['rotation', ['aws', 'alibaba', 'tencent']],
      ['tags', ['aws', 'alibaba']],
      ['versions', ['aws', 'alibaba', 'tencent']],
    ]);
    expect(result.passed).toBeGreaterThan(300);
    expect(renderTable(result)).toMatch(/\n\d+ passed, 0 failed\n$/);
  });

  it('says how each cloud reached the canonical step, with the vendor code of every refusal', async () => {
    const lifecycle = (await builtinScenarios()).find((scenario) => scenario.name === 'lifecycle')!;
    const result = await conform({ scenarios: [lifecycle] });
    const [, , , , , , , , deleted, readDeleted] = result.scenarios[0].steps;
    expect(deleted.results.tencent?.outcome.notes).toEqual(['DisableSecret first: SSM deletes only a disabled secret']);
    expect(Object.fromEntries(Object.entries(readDeleted.results).map(([cloud, cell]) => [cloud, cell.outcome.vendorCode]))).toEqual({
      aws: 'InvalidRequestException',
      alibaba: 'Rejected.ResourceInDeleteWindow',
      tencent: 'ResourceUnavailable.ResourcePendingDeleted',
    });
  });

  it('reports a wrong expectation as a failure with the vendor code, and runs the steps after it', async () => {
    const scenario = await parseScenario(
      [
        'name: wrong',
        'steps:',
        '  - { op: create, name: app-x, value: one }',
        '  - { op: read, name: app-x, expect: { error: not-found }, note: deliberately wrong }',
        '  - { op: read, name: nothing-here, expect: { value: one }, note: deliberately wrong too }',
        '  - { op: read, name: app-x, expect: { value: one } }',
      ].join('\n'),
      'yaml',
    );
    const result = await conform({ scenarios: [scenario], clouds: ['aws', 'tencent'] });
    expect(result.pass).toBe(false);
    expect([result.passed, result.failed]).toEqual([4, 4]);
    expect(failures(result)).toEqual([
      'wrong 2 aws: value "one"; expected error not-found',
      'wrong 2 tencent: value "one"; expected error not-found',
      'wrong 3 aws: error not-found (ResourceNotFoundException); expected value "one"',
      'wrong 3 tencent: error not-found (ResourceNotFound); expected value "one"',
    ]);
    const table = renderTable(result);
    expect(table).toContain('FAIL wrong');
    expect(table).toContain('FAIL error not-found (ResourceNotFoundException); expected value "one"');
    expect(table).not.toContain('alibaba');
  });

  it('reports a step on a cloud without the operation as a failure, not a crash', async () => {
    const scenario = await parseScenario(
      JSON.stringify({ name: 'tencent-tags', clouds: ['tencent'], steps: [{ op: 'create', name: 'app-t', value: 'v' }, { op: 'tag', name: 'app-t', tags: { a: 'b' } }] }),
      'json',
    );
    const result = await conform({ scenarios: [scenario] });
    const cell = result.scenarios[0].steps[1].results.tencent;
    expect([cell?.pass, cell?.outcome.errorClass]).toEqual([false, 'other']);
    expect(cell?.outcome.notes?.[0]).toMatch(/^tag: SSM has no tag operations/);
  });

  describe('against a polysecret the test runs (--target)', () => {
    const server = useServer('memory');
    const targets = () => ({ aws: { kind: 'polysecret', url: server().url }, alibaba: { kind: 'polysecret', url: server().url }, tencent: { kind: 'polysecret', url: server().url } }) as const;

    it('runs each step on every cloud before the next: a clock shared by three clouds moves once', async () => {
      const before = await (await fetch(`${server().url}/_emulator/health`)).json();
      const scenario = await parseScenario(JSON.stringify({ name: 'clock', steps: [{ op: 'advanceClock', seconds: 3600 }] }), 'json');
      const result = await conform({ scenarios: [scenario], targets: targets() });
      expect(result.pass).toBe(true);
      const after = await (await fetch(`${server().url}/_emulator/health`)).json();
      expect(after.clockOffsetMs - before.clockOffsetMs).toBe(3_600_000);
    });

    it('seeds one logical secret into all three clouds with one multiCloud entry, and removes it after the scenario', async () => {
      const scenario = await parseScenario(
        JSON.stringify({
          name: 'seeded',
          steps: [
            { op: 'seed', name: 'shared', value: 'same-everywhere' },
            { op: 'read', name: 'shared', expect: { value: 'same-everywhere' } },
          ],
        }),
        'json',
      );
      const result = await conform({ scenarios: [scenario], targets: targets() });
      expect(failures(result)).toEqual([]);
      const notes = Object.values(result.scenarios[0].steps[0].results).map((cell) => cell.outcome.notes);
      expect(notes).toEqual(Array(3).fill(['POST /_emulator/seed: one multiCloud entry for aws, alibaba, tencent']));
      expect(server().polysecret.engine.all()).toEqual([]);
    });
  });
});
