/**
 * The `faults` list of a seed document: rules checked against schemas/admin/faults.json with the rest
 * of the document (a bad rule refuses the whole seed) and added once its secrets are loaded.
 */
import type { ValidateFunction } from 'ajv';
import type { FaultRules, FaultRuleSpec } from './rules.js';

/** Where a seed's fault rules are checked and go. */
export interface SeedFaults {
  /** The compiled schemas/admin/faults.json. */
  validate: ValidateFunction;
  rules: FaultRules;
}

/** The problems of a rule the schema refused, as "JSON path: reason" lines under `path`. */
export function faultProblems(validate: ValidateFunction, path = ''): string[] {
  return (validate.errors ?? []).map((e) => `${path + e.instancePath || '/'}: ${e.message}`);
}

function faultsOf(doc: unknown): unknown[] {
  const list = (doc as { faults?: unknown }).faults;
  return Array.isArray(list) ? list : [];
}

/** The problems of a seed's fault rules, as "JSON path: reason" lines; a server without fault rules refuses any. */
export function seedFaultProblems(doc: unknown, faults: SeedFaults | undefined): string[] {
  const list = faultsOf(doc);
  if (!faults) return list.length ? ['/faults: this server takes no fault rules'] : [];
  return list.flatMap((rule, i) => (faults.validate(rule) ? [] : faultProblems(faults.validate, `/faults/${i}`)));
}

/** Adds a checked seed's fault rules; a rule with the id of an existing one replaces it, so seeding twice gives the same rules. */
export function applySeedFaults(doc: unknown, faults: SeedFaults | undefined): number {
  const list = faultsOf(doc) as FaultRuleSpec[];
  for (const rule of list) faults?.rules.add(rule);
  return list.length;
}
