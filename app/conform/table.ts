import type { ConformResult, StepResult } from './index.js';
import type { ConformCloud } from './scenario.js';

/** A step's canonical form in one short cell: the action and what it names. */
function stepLabel({ index, step }: StepResult): string {
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

/** A cell: PASS or FAIL, then the outcome, and on a failure what was expected; `-` for a skipped step. */
function cell(step: StepResult, cloud: ConformCloud): string {
  const result = step.results[cloud];
  if (!result) return '-';
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
  blocks.push(`${result.passed} passed, ${result.failed} failed`);
  return blocks.join('\n\n') + '\n';
}
