import type { Outcome } from './outcome.js';
import type { Expectation } from './scenario.js';

/** An expectation as a report shows it; absent, the step must simply succeed. */
export function describeExpectation(expect: Expectation | undefined): string {
  if (!expect) return 'ok';
  if (expect.error !== undefined) return `error ${expect.error}`;
  if (expect.value !== undefined) return `value ${JSON.stringify(expect.value)}`;
  if (expect.current !== undefined) return `current ${expect.current}`;
  if (expect.names !== undefined) return `names [${[...expect.names].sort().join(', ')}]`;
  return `tags ${JSON.stringify(expect.tags)}`;
}

/** An outcome as a report shows it. */
export function describeOutcome(outcome: Outcome): string {
  if (!outcome.ok) return `error ${outcome.errorClass} (${outcome.vendorCode})`;
  if (outcome.value !== undefined) return `value ${JSON.stringify(outcome.value)}${outcome.versionAlias ? ` (${outcome.versionAlias})` : ''}`;
  if (outcome.names !== undefined) return `names [${[...outcome.names].sort().join(', ')}]`;
  if (outcome.tags !== undefined) return `ok${outcome.versionAlias ? ` (${outcome.versionAlias})` : ''}, tags ${JSON.stringify(outcome.tags)}`;
  return outcome.versionAlias ? `ok (${outcome.versionAlias})` : 'ok';
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
const sameTags = (a: Record<string, string>, b: Record<string, string>) =>
  sameSet(Object.keys(a), Object.keys(b)) && Object.entries(a).every(([key, value]) => b[key] === value);

/** Whether an outcome meets the expectation: an expected error needs that class; anything else needs success and the named result. */
export function meets(expect: Expectation | undefined, outcome: Outcome): boolean {
  if (expect?.error !== undefined) return !outcome.ok && outcome.errorClass === expect.error;
  if (!outcome.ok) return false;
  if (!expect) return true;
  if (expect.value !== undefined) return outcome.value === expect.value;
  if (expect.current !== undefined) return outcome.versionAlias === expect.current;
  if (expect.names !== undefined) return outcome.names !== undefined && sameSet(expect.names, outcome.names);
  return outcome.tags !== undefined && expect.tags !== undefined && sameTags(expect.tags, outcome.tags);
}
