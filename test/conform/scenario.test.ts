import { builtinScenarios, parseScenario, ScenarioError, validateScenario } from '../../app/conform/scenario.js';
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
    expect(scenarios.map((scenario) => scenario.name)).toEqual(['deletion', 'lifecycle', 'tags']);
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
      "/steps/1: version alias 'v9' is not named by an earlier create or put",
    ]);
    expect(await problems({ name: 's', steps: [{ op: 'create', name: 'a', value: 'b', as: 'current' }] })).toContain('/steps/0/as: must NOT be valid');
  });

  it('reports text that is not JSON as one problem', async () => {
    await expect(parseScenario('{"name":', 'json', 'broken.json')).rejects.toThrow(/^broken\.json: invalid scenario: \/: not JSON/);
  });

  it('is not taken for a cloud: the dialects load only their own schema folders', () => {
    expect(awsSchemas().operations).not.toContain('scenario');
  });
});
