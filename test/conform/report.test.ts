import { builtinScenarios, conform, parseScenario, type ConformResult } from '../../app/conform/index.js';
import { withoutForbiddenCharacters, xmlAttribute, xmlText } from '../../app/conform/report/escape.js';
import { REPORT_FORMAT, renderJson } from '../../app/conform/report/json.js';
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
