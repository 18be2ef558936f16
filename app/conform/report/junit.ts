import type { CloudStepResult, ConformResult, ScenarioResult, StepResult } from '../result.js';
import type { ConformCloud } from '../scenario.js';
import { stepLabel } from '../table.js';
import { xmlAttribute, xmlText } from './escape.js';

/** The `name` of the root element, which CI systems show as the run's title. */
export const JUNIT_RUN_NAME = 'polysecret conform';

/** A failure's `type` when the outcome carries no vendor code: the step succeeded, or gave another value, where something else was expected. */
export const MISMATCH = 'mismatch';

/** One step on one cloud, as a test case. */
interface TestCase {
  cloud: ConformCloud;
  step: StepResult;
  result: CloudStepResult;
}

/** A scenario's test cases, cloud by cloud and on each cloud step by step: the order they ran in. */
function testCasesOf(scenario: ScenarioResult): TestCase[] {
  return scenario.clouds.flatMap((cloud) =>
    scenario.steps.flatMap((step) => {
      const result = step.results[cloud];
      return result ? [{ cloud, step, result }] : [];
    }),
  );
}

/** A failure's text: everything a CI log reader needs without opening the HTML report. */
function failureDetails({ step, result }: TestCase): string {
  const lines = [`expected: ${result.expected}`, `actual: ${result.actual}`];
  if (result.outcome.vendorCode) lines.push(`vendor code: ${result.outcome.vendorCode}`);
  for (const note of result.outcome.notes ?? []) lines.push(`note: ${note}`);
  if (step.step.note) lines.push(`step note: ${step.step.note}`);
  return lines.join('\n');
}

function renderTestCase(scenario: ScenarioResult, testCase: TestCase): string {
  const { cloud, step, result } = testCase;
  const open = `    <testcase classname="${xmlAttribute(`${scenario.scenario}.${cloud}`)}" name="${xmlAttribute(stepLabel(step))}" time="${seconds(result.durationMs)}"`;
  if (result.skipped !== undefined) return `${open}>\n      <skipped message="${xmlAttribute(result.skipped)}"/>\n    </testcase>\n`;
  if (result.pass) return `${open}/>\n`;
  const message = `expected ${result.expected}; got ${result.actual}`;
  const type = result.outcome.vendorCode ?? MISMATCH;
  return `${open}>\n      <failure message="${xmlAttribute(message)}" type="${xmlAttribute(type)}">${xmlText(failureDetails(testCase))}</failure>\n    </testcase>\n`;
}

interface Counts {
  tests: number;
  failures: number;
  skipped: number;
}

function countsOf(testCases: TestCase[]): Counts {
  return {
    tests: testCases.length,
    failures: testCases.filter(({ result }) => !result.pass).length,
    skipped: testCases.filter(({ result }) => result.skipped !== undefined).length,
  };
}

/** The counting attributes; `errors` is always 0 (a call that got no answer is a failure with its own code), but strict readers require it. */
const countAttributes = ({ tests, failures, skipped }: Counts) => `tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}"`;

/** Where each of the scenario's clouds ran, as suite properties, so a CI page says what was compared. */
function properties(result: ConformResult, scenario: ScenarioResult): string {
  const lines = scenario.clouds.map((cloud) => {
    const target = result.targets[cloud];
    const value = target ? `${target.kind} ${target.endpoint ?? '(the SDK default endpoint)'}` : 'unknown';
    return `      <property name="${xmlAttribute(`target.${cloud}`)}" value="${xmlAttribute(value)}"/>\n`;
  });
  return `    <properties>\n${lines.join('')}    </properties>\n`;
}

/** JUnit's time: seconds, as a decimal. */
const seconds = (milliseconds: number) => (milliseconds / 1000).toFixed(3);

function renderTestSuite(result: ConformResult, scenario: ScenarioResult, testCases: TestCase[]): string {
  const total = testCases.reduce((sum, { result: cell }) => sum + cell.durationMs, 0);
  const attributes = `name="${xmlAttribute(scenario.scenario)}" ${countAttributes(countsOf(testCases))} timestamp="${xmlAttribute(result.startedAt)}" time="${seconds(total)}"`;
  const body = properties(result, scenario) + testCases.map((testCase) => renderTestCase(scenario, testCase)).join('');
  return `  <testsuite ${attributes}>\n${body}  </testsuite>\n`;
}

/**
 * The result as JUnit XML, the form Jenkins, GitLab and GitHub's test reporters read:
 * `<testsuites name="polysecret conform">` with one `<testsuite>` per scenario, named after it, and
 * in it one `<testcase>` per step on each cloud, `classname` `<scenario>.<cloud>` and `name` the step's
 * label (`2. put app-db as v2`, as the text table shows it). A failure is
 * `<failure message="expected …; got …" type="<vendor code, or mismatch>">` with the expected and
 * actual outcome, the vendor code and the notes in its text; a step skipped on a cloud is
 * `<skipped message="<why>"/>`. A step a scenario limits to other clouds has no test case there.
 * Characters XML 1.0 forbids become U+FFFD.
 */
export function renderJunit(result: ConformResult): string {
  const suites = result.scenarios.map((scenario) => ({ scenario, testCases: testCasesOf(scenario) }));
  const totals = countsOf(suites.flatMap(({ testCases }) => testCases));
  const body = suites.map(({ scenario, testCases }) => renderTestSuite(result, scenario, testCases)).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xmlAttribute(JUNIT_RUN_NAME)}" ${countAttributes(totals)}>\n${body}</testsuites>\n`;
}
