import type { ConformResult, StepResult } from './index.js';
import type { ConformCloud } from './scenario.js';

/**
 * A step's canonical form in one short line: its number (1-based), the action and what it names,
 * e.g. `2. put app-db as v2`. Every report names a step by it, so a table, a CI test case and an
 * HTML row say the same thing.
 */
export function stepLabel({ index, step }: StepResult): string {
  const parts: string[] = [`${index + 1}. ${step.op}`];
  if ('name' in step) parts.push(step.name);
  if (step.op === 'read') parts.push(step.version ?? 'current');
  if (step.op === 'delete') parts.push(step.force ? 'force' : `${step.windowDays}d`);
  if (step.op === 'advanceClock') parts.push(`${step.seconds}s`);
  if (step.op === 'list' && step.pageSize) parts.push(`by ${step.pageSize}`);
  if ((step.op === 'create' || step.op === 'put' || step.op === 'rotate') && step.as) parts.push(`as ${step.as}`);
  if (step.op === 'put' && step.reuse) parts.push(`reusing ${step.reuse}`);
  return parts.join(' ');
}

/** A cell: PASS or FAIL, then the outcome, and on a failure what was expected; SKIP for a step the target could not run; `-` for a step not meant for the cloud. */
function cell(step: StepResult, cloud: ConformCloud): string {
  const result = step.results[cloud];
  if (!result) return '-';
  if (result.skipped) return 'SKIP';
  return result.pass ? `PASS ${result.actual}` : `FAIL ${result.actual}; expected ${result.expected}`;
}

/**
 * The result matrix as plain-text tables, one per scenario (steps down, clouds across), then a
 * summary line. No colour or box characters, so it reads the same in a log file.
 */
export function renderTable(result: ConformResult): string {
  const blocks = result.scenarios.map((scenario) => {
    const rows = [['step', ...scenario.clouds], ...scenario.steps.map((step) => [stepLabel(step), ...scenario.clouds.map((cloud) => cell(step, cloud))])];
    const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
    const line = (row: string[]) => row.map((text, column) => text.padEnd(widths[column])).join(' | ').trimEnd();
    const rule = widths.map((width) => '-'.repeat(width)).join('-+-');
    return [`${scenario.pass ? 'PASS' : 'FAIL'} ${scenario.scenario}`, line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
  });
  const skipped = result.skipped > 0 ? `, ${result.skipped} skipped (a real cloud has no clock to advance)` : '';
  blocks.push(`${result.passed} passed, ${result.failed} failed${skipped}`);
  return blocks.join('\n\n') + '\n';
}
