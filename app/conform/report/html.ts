import { POLYSECRET_VERSION } from '../../../src/version.js';
import type { Exchange } from '../exchange.js';
import type { CloudStepResult, ConformResult, ScenarioResult, StepResult } from '../result.js';
import type { ConformCloud } from '../scenario.js';
import { stepLabel } from '../table.js';
import { exchangesSummary, requestText, responseText } from './http.js';
import { REPORT_FORMAT } from './json.js';
import { html, Markup } from './markup.js';
import { REPORT_CSS } from './style.js';

/**
 * The page may load nothing at all: no script, font, image or frame from anywhere, only its own
 * inline style (and data: images, which it does not use yet). `base-uri` and `form-action` fall
 * outside `default-src`, so they are closed by name.
 */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

type Status = 'pass' | 'fail' | 'skip';

const statusOf = (result: CloudStepResult): Status => (result.skipped !== undefined ? 'skip' : result.pass ? 'pass' : 'fail');

/** A status as a coloured word: the colour helps, the word carries it. */
const badge = (status: Status) => html`<span class="badge ${status}">${status.toUpperCase()}</span>`;

/** `2026-01-02T03:04:05.678Z` as `2026-01-02 03:04:05 UTC`; anything else as it is. */
const readableTime = (iso: string) => iso.replace(/^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(\.\d+)?Z$/, '$1 $2 UTC');

/** Every cloud result of some steps, for counting. */
const resultsOf = (steps: StepResult[]) => steps.flatMap((step) => Object.values(step.results));

type Counts = Pick<ConformResult, 'passed' | 'failed' | 'skipped'>;

function countsOf(results: CloudStepResult[]): Counts {
  const count = (status: Status) => results.filter((result) => statusOf(result) === status).length;
  return { passed: count('pass'), failed: count('fail'), skipped: count('skip') };
}

const totals = ({ passed, failed, skipped }: Counts) =>
  html`<span class="pass">${passed} passed</span><span class="fail">${failed} failed</span><span class="skip">${skipped} skipped</span>`;

function targetRows(result: ConformResult): Markup[] {
  return Object.entries(result.targets).map(([cloud, target]) => {
    const kind = target.kind === 'polysecret' ? 'polysecret (emulator)' : 'the real service';
    return html`<tr><th scope="row">${cloud}</th><td>${kind}</td><td><code>${target.endpoint ?? 'the SDK default endpoint'}</code></td></tr>`;
  });
}

function header(result: ConformResult): Markup {
  const verdict: Status = result.pass ? 'pass' : 'fail';
  const contents = result.scenarios.map((scenario, index) => html`<li><a href="#scenario-${index + 1}">${scenario.scenario}</a> ${badge(scenario.pass ? 'pass' : 'fail')}</li>`);
  return html`<header>
<h1>polysecret conform ${badge(verdict)}</h1>
<p class="muted">Run started <time datetime="${result.startedAt}">${readableTime(result.startedAt)}</time> · polysecret ${POLYSECRET_VERSION} · ${REPORT_FORMAT}</p>
<div class="summary">
<table class="targets"><thead><tr><th scope="col">Cloud</th><th scope="col">Target</th><th scope="col">Endpoint</th></tr></thead><tbody>${targetRows(result)}</tbody></table>
<p class="totals">${totals(result)}</p>
</div>
<nav aria-label="Scenarios"><ul>${contents}</ul></nav>
</header>`;
}

/** A step's HTTP exchanges on one cloud, collapsed: they are long, and wanted only when a cell needs explaining. */
function exchangesBlock(exchanges: Exchange[]): Markup | undefined {
  if (exchanges.length === 0) return undefined;
  const parts = exchanges.map((exchange, index) => {
    const number = exchanges.length > 1 ? ` ${index + 1}` : '';
    return html`<div class="exchange"><div class="exchange-part">Request${number}</div><pre>${requestText(exchange.request)}</pre><div class="exchange-part">Response${number}</div><pre>${responseText(exchange.response)}</pre></div>`;
  });
  return html`<details><summary>${exchangesSummary(exchanges)}</summary>${parts}</details>`;
}

function cell(result: CloudStepResult | undefined): Markup {
  if (!result) return html`<td class="cell absent"><div class="status">—</div><div>not run: the step is limited to other clouds</div></td>`;
  const status = statusOf(result);
  const notes = result.outcome.notes?.length ? html`<ul class="notes">${result.outcome.notes.map((note) => html`<li>${note}</li>`)}</ul>` : undefined;
  const vendorCode = result.outcome.vendorCode && html`<div>vendor code <code>${result.outcome.vendorCode}</code></div>`;
  const outcome = status === 'skip' ? html`<div>${result.skipped}</div>` : html`<div>${status === 'fail' ? 'got ' : ''}${result.actual}</div>`;
  const expected = status === 'fail' && html`<div>expected ${result.expected}</div>`;
  return html`<td class="cell ${status}"><div class="status">${status.toUpperCase()}</div>${outcome}${expected}${vendorCode}${notes}${exchangesBlock(result.exchanges)}</td>`;
}

function stepRow(step: StepResult, clouds: ConformCloud[]): Markup {
  // Every cloud checks the same expectation; any result of the step can say what it is.
  const expected = Object.values(step.results)[0]?.expected;
  const heading = html`<th scope="row"><div class="step-label">${stepLabel(step)}</div>${expected && html`<div class="muted">expects ${expected}</div>`}${step.step.note && html`<div class="note">${step.step.note}</div>`}</th>`;
  return html`<tr>${heading}${clouds.map((cloud) => cell(step.results[cloud]))}</tr>\n`;
}

function scenarioSection(scenario: ScenarioResult, index: number): Markup {
  const columns = scenario.clouds.map(() => html`<col>`);
  const cloudHeadings = scenario.clouds.map((cloud) => html`<th scope="col">${cloud}</th>`);
  return html`<section id="scenario-${index + 1}">
<h2>${badge(scenario.pass ? 'pass' : 'fail')} ${scenario.scenario}</h2>
${scenario.description && html`<p class="muted">${scenario.description}</p>`}
<p class="totals">${totals(countsOf(resultsOf(scenario.steps)))}</p>
<table class="matrix">
<colgroup><col class="step-column">${columns}</colgroup>
<thead><tr><th scope="col">Step</th>${cloudHeadings}</tr></thead>
<tbody>
${scenario.steps.map((step) => stepRow(step, scenario.clouds))}</tbody>
</table>
</section>`;
}

/**
 * The result as one self-contained HTML page (report.html): a header with the run's start, each
 * cloud's target and the totals, then per scenario a matrix of steps down and clouds across. A
 * cell gives PASS, FAIL or SKIP with the outcome, the expectation when it failed, the vendor code
 * and the driver's notes, and a collapsed block with the step's HTTP requests and responses on
 * that cloud. The page loads nothing (its Content-Security-Policy forbids it), runs no script, and
 * shows every string of the result as text.
 */
export function renderHtml(result: ConformResult): string {
  // The stylesheet is this module's own constant, not result text, and escaping would break its quotes.
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>polysecret conform: ${result.pass ? 'PASS' : 'FAIL'} (${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped)</title>
<style>${new Markup(REPORT_CSS)}</style>
</head>
<body>
${header(result)}
<main>
${result.scenarios.map(scenarioSection)}
</main>
</body>
</html>
`;
  return page.text;
}
