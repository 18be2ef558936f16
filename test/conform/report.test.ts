import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { parseStringPromise } from 'xml2js';
import { builtinScenarios, conform, parseScenario, type ConformResult } from '../../app/conform/index.js';
import { withoutForbiddenCharacters, xmlAttribute, xmlText } from '../../app/conform/report/escape.js';
import { REPORT_FORMAT, renderHtml, renderJson, renderJunit, writeReports } from '../../app/conform/report/index.js';
import { POLYSECRET_VERSION } from '../../src/version.js';
import { startServer, type TestServer } from '../helpers/server.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

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
  $: { classname: string; name: string; time: string };
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
    expect(root.testsuite.map((suite) => suite.$.name)).toEqual(builtin.scenarios.map((scenario) => scenario.scenario));
    expect(root.testsuite.map((suite) => suite.$.name)).toContain('lifecycle');
    expect(root.testsuite.reduce((sum, suite) => sum + suite.testcase.length, 0)).toBe(builtin.passed);
    // Each case's time is its step's duration in seconds; a suite's is the sum of its cases'.
    const [suite] = root.testsuite;
    const cases = suite.testcase.map((testCase) => Number(testCase.$.time));
    expect(suite.testcase.every((testCase) => /^\d+\.\d{3}$/.test(testCase.$.time))).toBe(true);
    expect(cases.some((time) => time > 0)).toBe(true);
    expect(Number(suite.$.time)).toBeCloseTo(cases.reduce((sum, time) => sum + time, 0), 2);
  });

  it('names a case <scenario>.<cloud> and "<step number>. <step label>", as the text table does', async () => {
    const suites = (await parseJunit(renderJunit(builtin))).testsuite;
    const [deletion, lifecycle] = ['deletion', 'lifecycle'].map((name) => suites.find((suite) => suite.$.name === name)!);
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

const isElement = (node: Node): node is Element => 'tagName' in node;
const elementsIn = (node: Node): Element[] => [...(isElement(node) ? [node] : []), ...('childNodes' in node ? node.childNodes.flatMap(elementsIn) : [])];
const textOf = (node: Node): string => (node.nodeName === '#text' ? (node as DefaultTreeAdapterMap['textNode']).value : 'childNodes' in node ? node.childNodes.map(textOf).join('') : '');
const attribute = (element: Element, name: string) => element.attrs.find((attr) => attr.name === name)?.value;
const hasClass = (element: Element, name: string) => (attribute(element, 'class') ?? '').split(/\s+/).includes(name);
const childElements = (element: Element, tagName: string) => element.childNodes.filter((node): node is Element => isElement(node) && node.tagName === tagName);

/** The page as a spec-compliant parser builds it, with the parse errors it met. */
function parsePage(text: string): { elements: Element[]; errors: string[] } {
  const errors: string[] = [];
  const document = parse(text, { onParseError: (error) => errors.push(`${error.code} at ${error.startLine}:${error.startCol}`) });
  return { elements: elementsIn(document), errors };
}

/** Each matrix's body rows, each row's cells (the step heading left out). */
function matrices(elements: Element[]): Element[][][] {
  return elements
    .filter((element) => element.tagName === 'table' && hasClass(element, 'matrix'))
    .map((table) => elementsIn(table).filter((element) => element.tagName === 'tbody').flatMap((body) => childElements(body, 'tr')).map((row) => childElements(row, 'td')));
}

const statusText = (cell: Element) => textOf(elementsIn(cell).find((element) => hasClass(element, 'status'))!);
const exchangeText = (cell: Element) => elementsIn(cell).filter((element) => element.tagName === 'details').map(textOf).join('\n');

describe('renderHtml', () => {
  it('is a well-formed page that loads nothing from anywhere', () => {
    const { elements, errors } = parsePage(renderHtml(mixed));
    expect(errors).toEqual([]);
    const linked = elements.flatMap((element) => element.attrs.filter((attr) => ['src', 'href', 'srcset', 'action', 'formaction', 'poster', 'data'].includes(attr.name)));
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.filter((attr) => !attr.value.startsWith('#'))).toEqual([]);
    expect(elements.filter((element) => ['script', 'link', 'img', 'iframe', 'object', 'embed', 'base'].includes(element.tagName))).toEqual([]);
    const csp = elements.find((element) => element.tagName === 'meta' && attribute(element, 'http-equiv') === 'Content-Security-Policy');
    expect(attribute(csp!, 'content')).toMatch(/^default-src 'none'; style-src 'unsafe-inline'; img-src data:/);
    expect(attribute(csp!, 'content')).not.toContain('script-src');
    expect(elements.some((element) => element.tagName === 'meta' && attribute(element, 'charset') === 'utf-8')).toBe(true);
    expect(textOf(elements.find((element) => element.tagName === 'title')!)).toBe('polysecret conform: FAIL (11 passed, 6 failed, 2 skipped)');
  });

  it('has a table per scenario, a column per cloud and each cell\'s status', () => {
    const { elements } = parsePage(renderHtml(builtin));
    const tables = elements.filter((element) => element.tagName === 'table' && hasClass(element, 'matrix'));
    expect(tables).toHaveLength(builtin.scenarios.length);
    tables.forEach((table, index) => {
      const headings = elementsIn(table).filter((element) => element.tagName === 'thead').flatMap(elementsIn).filter((element) => element.tagName === 'th');
      expect(headings.map(textOf)).toEqual(['Step', ...builtin.scenarios[index].clouds]);
    });
    matrices(elements).forEach((rows, index) => {
      const scenario = builtin.scenarios[index];
      const expected = scenario.steps.map((step) => scenario.clouds.map((cloud) => (step.results[cloud] ? 'PASS' : '—')));
      expect(rows.map((cells) => cells.map(statusText))).toEqual(expected);
    });
  });

  it('shows each cloud\'s raw HTTP exchange of a step in a collapsed block', () => {
    const { elements } = parsePage(renderHtml(builtin));
    const lifecycle = builtin.scenarios.findIndex((scenario) => scenario.scenario === 'lifecycle');
    const read = builtin.scenarios[lifecycle].steps.findIndex((step) => step.step.op === 'read');
    const [aws, alibaba, tencent] = matrices(elements)[lifecycle][read].map(exchangeText);
    expect(aws).toContain('x-amz-target: secretsmanager.GetSecretValue');
    expect(aws).toContain('HTTP 200');
    expect(alibaba).toContain('Action=GetSecretValue');
    expect(tencent).toContain('x-tc-action: GetSecretValue');
    expect(tencent).toContain('{\n  "Response": {');
  });

  it('shows failures with what was expected and the vendor code, and skipped steps with the reason', () => {
    const { elements } = parsePage(renderHtml(mixed));
    const [rows] = matrices(elements);
    expect(rows.map((cells) => cells.map(statusText))).toEqual([
      ['PASS', 'PASS', 'PASS'],
      ['PASS', 'PASS', 'PASS'],
      ['FAIL', 'FAIL', 'FAIL'],
      ['FAIL', 'FAIL', 'FAIL'],
      ['PASS', '—', '—'],
      ['PASS', 'PASS', 'SKIP'],
      ['PASS', 'PASS', 'SKIP'],
    ]);
    const missing = textOf(rows[3][2]);
    expect(missing).toContain('got error not-found (ResourceNotFound)');
    expect(missing).toContain('expected value "one"');
    expect(missing).toContain('vendor code ResourceNotFound');
    expect(textOf(rows[6][2])).toMatch(/^SKIPa real cloud has no clock to advance/);
  });

  it('shows an injected value only as text, never as markup', () => {
    const page = renderHtml(mixed);
    const { elements } = parsePage(page);
    expect(elements.filter((element) => element.tagName === 'script')).toEqual([]);
    expect(page).not.toContain('<script');
    const [rows] = matrices(elements);
    expect(textOf(rows[1][0])).toContain(`value ${JSON.stringify(INJECTED)}`);
    expect(exchangeText(rows[0][0])).toContain(`"SecretString": ${JSON.stringify(INJECTED)}`);
    const pres = elements.filter((element) => element.tagName === 'pre');
    expect(pres.every((pre) => pre.childNodes.every((node) => node.nodeName === '#text'))).toBe(true);
    expect(textOf(elements.find((element) => element.tagName === 'main')!)).toContain(`a description with ${INJECTED}`);
  });
});

describe('writeReports', () => {
  it('creates the folder and writes the three reports into it', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'polysecret-reports-'));
    try {
      const dir = join(parent, 'nested', 'reports');
      const paths = await writeReports(mixed, dir);
      expect(paths).toEqual({ json: join(dir, 'report.json'), junit: join(dir, 'junit.xml'), html: join(dir, 'report.html') });
      expect(await readFile(paths.json, 'utf8')).toBe(renderJson(mixed));
      expect(await readFile(paths.junit, 'utf8')).toBe(renderJunit(mixed));
      expect(await readFile(paths.html, 'utf8')).toBe(renderHtml(mixed));
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });
});
