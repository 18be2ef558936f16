import { builtinScenarios, listBuiltinScenarios, parseScenario, ScenarioError, validateScenario, valueText } from '../../app/conform/scenario.js';
import { loadValidators as awsSchemas } from '../../dialects/aws/validation.js';

/** The problems a document is refused with. */
async function problems(document: unknown): Promise<string[]> {
  try {
    await validateScenario(document, 'test');
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as ScenarioError).problems;
  }
  throw new Error('expected the scenario to be refused');
}

describe('the scenario format (schemas/conform/scenario.json)', () => {
  it('accepts the built-in scenarios, JSON and YAML alike', async () => {
    const scenarios = await builtinScenarios();
    expect(scenarios.map((scenario) => scenario.name)).toEqual(['deletion', 'everywhere', 'lifecycle', 'limits', 'listing', 'rotation', 'tags', 'versions']);
  });

  it('lists every built-in scenario with its clouds, a description and its step count', async () => {
    const listed = await listBuiltinScenarios();
    expect(listed.map(({ name, clouds, file }) => [name, clouds.length, file])).toEqual([
      ['deletion', 3, 'deletion.yaml'],
      ['everywhere', 3, 'everywhere.json'],
      ['lifecycle', 3, 'lifecycle.json'],
      ['limits', 3, 'limits.json'],
      ['listing', 3, 'listing.json'],
      ['rotation', 3, 'rotation.json'],
      ['tags', 2, 'tags.json'],
      ['versions', 3, 'versions.json'],
    ]);
    for (const summary of listed) {
      expect(summary.description.length).toBeGreaterThan(40);
      expect(summary.steps).toBeGreaterThan(5);
    }
  });

  it('reads YAML and JSON to the same scenario', async () => {
    const yaml = await parseScenario('name: s\nsteps:\n  - { op: create, name: a, value: b, as: v1 }\n  - { op: read, name: a, version: v1, expect: { value: b } }\n', 'yaml');
    const json = await parseScenario(JSON.stringify(yaml), 'json');
    expect(json).toEqual(yaml);
    expect(yaml.steps[1]).toEqual({ op: 'read', name: 'a', version: 'v1', expect: { value: 'b' } });
  });

  it('names every problem by its JSON path', async () => {
    const found = await problems({
      name: 'bad',
      steps: [
        { op: 'delete', name: 'a' },
        { op: 'read', name: 'a', bogus: 1, expect: { value: 'x', error: 'not-found' } },
        { op: 'put', name: 'a/b', value: 'x' },
        { op: 'read', name: 'a', expect: { error: 'gone' } },
        { op: 'teleport' },
        { op: 'advanceClock', seconds: 0 },
      ],
    });
    expect(found).toEqual(
      expect.arrayContaining([
        '/steps/0: must match exactly one schema in oneOf',
        "/steps/1: must NOT have additional properties 'bogus'",
        '/steps/1/expect: must NOT have more than 1 properties',
        '/steps/2/name: must match pattern "^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"',
        '/steps/3/expect/error: must be equal to one of the allowed values',
        '/steps/4/op: must be equal to one of the allowed values',
        '/steps/5/seconds: must be >= 1',
      ]),
    );
    // The if/then wrapper's own "must match then schema" repeats a problem already listed.
    expect(found.some((line) => line.includes('"then"'))).toBe(false);
  });

  it('refuses a delete with both a window and force, and a cloud it does not know', async () => {
    expect(await problems({ name: 's', steps: [{ op: 'delete', name: 'a', windowDays: 7, force: true }] })).toContain('/steps/0: must match exactly one schema in oneOf');
    expect(await problems({ name: 's', clouds: ['gcp'], steps: [{ op: 'list' }] })).toContain('/clouds/0: must be equal to one of the allowed values');
  });

  it('refuses a version alias no earlier step named, and the reserved words as aliases', async () => {
    expect(await problems({ name: 's', steps: [{ op: 'create', name: 'a', value: 'b' }, { op: 'read', name: 'a', version: 'v9' }] })).toEqual([
      "/steps/1: version alias 'v9' is not named by an earlier create, put or rotate",
    ]);
    expect(await problems({ name: 's', steps: [{ op: 'create', name: 'a', value: 'b', as: 'current' }] })).toContain('/steps/0/as: must NOT be valid');
  });

  it('accepts the step forms of rotation, paging, repeated ids and long values', async () => {
    const scenario = await validateScenario({
      name: 's',
      steps: [
        { op: 'create', name: 'a', value: { repeat: 'ab', times: 3 }, as: 'v1' },
        { op: 'put', name: 'a', value: 'x', reuse: 'v1', expect: { error: 'exists' } },
        { op: 'rotate', name: 'a', as: 'r1', expect: { error: 'unsupported' } },
        { op: 'read', name: 'a', version: 'r1' },
        { op: 'list', pageSize: 1 },
      ],
    });
    const [create] = scenario.steps;
    expect(create.op === 'create' && valueText(create.value)).toBe('ababab');
    expect(valueText('plain')).toBe('plain');
  });

  it('refuses a page size outside 1-100, a rotate without a name, a put naming and reusing at once, and an empty repeat', async () => {
    const found = await problems({
      name: 's',
      steps: [
        { op: 'create', name: 'a', value: 'b', as: 'v1' },
        { op: 'list', pageSize: 0 },
        { op: 'list', pageSize: 101 },
        { op: 'rotate' },
        { op: 'put', name: 'a', value: 'c', as: 'v2', reuse: 'v1' },
        { op: 'put', name: 'a', value: { repeat: 'x', times: 0 } },
        { op: 'put', name: 'a', value: { repeat: '', times: 2, extra: 1 } },
      ],
    });
    expect(found).toEqual(
      expect.arrayContaining([
        '/steps/1/pageSize: must be >= 1',
        '/steps/2/pageSize: must be <= 100',
        "/steps/3: must have required property 'name'",
        '/steps/4: must NOT be valid',
        '/steps/5/value/times: must be >= 1',
        "/steps/6/value: must NOT have additional properties 'extra'",
        '/steps/6/value/repeat: must NOT have fewer than 1 characters',
      ]),
    );
  });

  it('refuses a reused alias no earlier step named, and counts a rotate as naming one', async () => {
    expect(await problems({ name: 's', steps: [{ op: 'create', name: 'a', value: 'b' }, { op: 'put', name: 'a', value: 'c', reuse: 'v1' }] })).toEqual([
      "/steps/1: version alias 'v1' is not named by an earlier create, put or rotate",
    ]);
    await expect(validateScenario({ name: 's', steps: [{ op: 'rotate', name: 'a', as: 'r' }, { op: 'read', name: 'a', expect: { current: 'r' } }] })).resolves.toBeDefined();
  });

  it('reports text that is not JSON as one problem', async () => {
    await expect(parseScenario('{"name":', 'json', 'broken.json')).rejects.toThrow(/^broken\.json: invalid scenario: \/: not JSON/);
  });

  it('is not taken for a cloud: the dialects load only their own schema folders', () => {
    expect(awsSchemas().operations).not.toContain('scenario');
  });
});
