import { parseStringPromise } from 'xml2js';
import { builtinScenarios, conform, parseScenario, type ConformResult } from '../../app/conform/index.js';
import { withoutForbiddenCharacters, xmlAttribute, xmlText } from '../../app/conform/report/escape.js';
import { REPORT_FORMAT, renderJson } from '../../app/conform/report/json.js';
import { renderJunit } from '../../app/conform/report/junit.js';
import { POLYSECRET_VERSION } from '../../src/version.js';
import { startServer, type TestServer } from '../helpers/server.js';

/** A value that would end a <pre> and open a script if a renderer forgot to escape it. */
const INJECTED = '</pre><script>alert(1)</script>';
/** A bell: XML 1.0 forbids it even as a character reference. */
const BELL = '\u0007';

/**
 * A run with every kind of cell: passes, a failure with a vendor code, one without, a step limited
 * to AWS, and steps Tencent skips because its target is "real" (a polysecret standing in for it,
 * which has no clock a run may move). The secret's value is {@link INJECTED}.
 */
async function mixedRun(server: TestServer): Promise<ConformResult> {
  const scenario = await parseScenario(
    JSON.stringify({
      name: 'mixed',
      description: `a description with ${INJECTED}`,
      steps: [
        { op: 'create', name: 'app-r', value: INJECTED },
        { op: 'read', name: 'app-r', expect: { value: INJECTED } },
        { op: 'read', name: 'app-r', expect: { error: 'not-found' }, note: `deliberately wrong${BELL}` },
        { op: 'read', name: 'nothing-here', expect: { value: 'one' }, note: 'deliberately wrong too' },
        { op: 'describe', name: 'app-r', clouds: ['aws'] },
        { op: 'advanceClock', seconds: 1 },
        { op: 'read', name: 'app-r', expect: { value: INJECTED } },
      ],
    }),
    'json',
  );
  return conform({
    scenarios: [scenario],
    targets: { tencent: { kind: 'real', endpoint: server.url } },
    env: { TENCENTCLOUD_SECRET_ID: 'AKIDconform', TENCENTCLOUD_SECRET_KEY: 'conform', TENCENTCLOUD_REGION: 'ap-guangzhou' },
  });
}

let builtin: ConformResult;
let mixed: ConformResult;

beforeAll(async () => {
  builtin = await conform({ scenarios: await builtinScenarios() });
  const server = await startServer('memory');
  try {
    mixed = await mixedRun(server);
  } finally {
    await server.stop();
  }
}, 60_000);

it('the mixed run has every kind of cell (the report checks below are not vacuous)', () => {
  expect([mixed.passed, mixed.failed, mixed.skipped]).toEqual([11, 6, 2]);
  expect(mixed.scenarios[0].steps[4].results).not.toHaveProperty('alibaba');
});

describe('escaping', () => {
  it('replaces what XML 1.0 forbids with U+FFFD and keeps everything else', () => {
    expect(withoutForbiddenCharacters('a\u0000b\u0001c\u001fd\uD800e\uFFFEf\t\n\r é 😀')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\t\n\r é 😀');
  });

  it('escapes markup characters, and in attributes the whitespace a parser would normalise', () => {
    expect(xmlText(`<a href="x">&]]>\r</a>`)).toBe('&lt;a href="x"&gt;&amp;]]&gt;&#13;&lt;/a&gt;');
    expect(xmlAttribute(`"it's"\n\t<&>`)).toBe('&quot;it&#39;s&quot;&#10;&#9;&lt;&amp;&gt;');
  });
});

describe('renderJson', () => {
  it('round-trips the result after the format marker and the polysecret version', () => {
    const text = renderJson(mixed);
    expect(text.startsWith(`{\n  "format": "${REPORT_FORMAT}",\n  "polysecretVersion": "${POLYSECRET_VERSION}",\n  "startedAt": `)).toBe(true);
    const { format, polysecretVersion, ...rest } = JSON.parse(text) as Record<string, unknown>;
    expect([format, polysecretVersion]).toEqual(['polysecret-conform/1', POLYSECRET_VERSION]);
    expect(Object.keys(rest)).toEqual(Object.keys(mixed));
    expect(rest).toEqual(mixed);
  });

  it('carries the counts of the result', () => {
    const report = JSON.parse(renderJson(builtin)) as ConformResult;
    const cells = report.scenarios.flatMap((scenario) => scenario.steps.flatMap((step) => Object.values(step.results)));
    expect([report.passed, report.failed, report.skipped, report.pass]).toEqual([builtin.passed, 0, 0, true]);
    expect(cells).toHaveLength(builtin.passed);
  });
});

/** xml2js's shape of the elements read here. */
interface JunitCase {
  $: { classname: string; name: string };
  failure?: Array<{ _: string; $: { message: string; type: string } }>;
  skipped?: Array<{ $: { message: string } }>;
}
interface JunitSuite {
  $: Record<string, string>;
  testcase: JunitCase[];
}
const parseJunit = async (xml: string) => ((await parseStringPromise(xml, { strict: true })) as { testsuites: { $: Record<string, string>; testsuite: JunitSuite[] } }).testsuites;

describe('renderJunit', () => {
  it('counts every step on every cloud, one suite per scenario', async () => {
    const root = await parseJunit(renderJunit(builtin));
    expect(root.$).toEqual({ name: 'polysecret conform', tests: String(builtin.passed), failures: '0', errors: '0', skipped: '0' });
    expect(root.testsuite.map((suite) => suite.$.name)).toEqual(['deletion', 'lifecycle', 'tags']);
    expect(root.testsuite.reduce((sum, suite) => sum + suite.testcase.length, 0)).toBe(builtin.passed);
  });

  it('names a case <scenario>.<cloud> and "<step number>. <step label>", as the text table does', async () => {
    const [deletion, lifecycle] = (await parseJunit(renderJunit(builtin))).testsuite;
    expect(deletion.testcase[0].$).toMatchObject({ classname: 'deletion.aws', name: '1. read missing current' });
    expect(deletion.testcase.map((testCase) => testCase.$.classname)).toContain('deletion.tencent');
    expect(lifecycle.testcase[1].$).toMatchObject({ classname: 'lifecycle.aws', name: '2. put app-db as v2' });
    expect(lifecycle.testcase.filter((testCase) => testCase.$.name === '9. delete app-db 7d').map((testCase) => testCase.$.classname)).toEqual([
      'lifecycle.aws',
      'lifecycle.alibaba',
      'lifecycle.tencent',
    ]);
  });

  it('gives a failure its vendor code as type, expected and actual in the message, and skips with the reason', async () => {
    const root = await parseJunit(renderJunit(mixed));
    expect(root.$).toMatchObject({ tests: String(mixed.passed + mixed.failed + mixed.skipped), failures: String(mixed.failed), skipped: String(mixed.skipped) });
    const cases = root.testsuite[0].testcase;
    const find = (classname: string, number: number) => cases.find((testCase) => testCase.$.classname === classname && testCase.$.name.startsWith(`${number}. `));
    const missing = find('mixed.aws', 4)?.failure?.[0];
    expect(missing?.$).toEqual({ type: 'ResourceNotFoundException', message: 'expected value "one"; got error not-found (ResourceNotFoundException)' });
    expect(missing?._).toBe('expected: value "one"\nactual: error not-found (ResourceNotFoundException)\nvendor code: ResourceNotFoundException\nstep note: deliberately wrong too');
    expect(find('mixed.alibaba', 4)?.failure?.[0].$.type).toBe('Forbidden.ResourceNotFound');
    const wrong = find('mixed.aws', 3)?.failure?.[0];
    expect(wrong?.$).toEqual({ type: 'mismatch', message: `expected error not-found; got value ${JSON.stringify(INJECTED)}` });
    expect(wrong?._).toContain('step note: deliberately wrong\uFFFD');
    expect(find('mixed.tencent', 7)?.skipped?.[0].$.message).toMatch(/no clock to advance/);
    expect([find('mixed.aws', 5), find('mixed.alibaba', 5), find('mixed.tencent', 1)?.failure]).toEqual([expect.anything(), undefined, undefined]);
  });
});
