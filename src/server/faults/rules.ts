/**
 * The fault rules of one server: which calls they match, what they do, how often, and how many
 * times they fired. One instance per server, so two servers in a process never share rules.
 */
import { randomInt } from 'node:crypto';
import type { Cloud } from '../../core/model.js';
import type { FaultCall, FaultEffect, FaultHook, FiredFault } from '../../dialect/faults.js';

/** Which calls a rule applies to; every field is optional and an absent one matches anything. */
export interface FaultMatch {
  cloud?: Cloud;
  /** The vendor operation name; `*` and `?` are wildcards. */
  action?: string;
  /** The secret's name; `*` and `?` are wildcards. A call naming no single secret never matches a rule that sets it. */
  secretName?: string;
  account?: string;
  region?: string;
}

/** A rule as the admin API, the seed file and the inspector give it (schemas/admin/faults.json). */
export interface FaultRuleSpec {
  /** Chosen by the caller, or `fault-<n>`; adding a rule with an existing id replaces that rule. */
  id?: string;
  match?: FaultMatch;
  effect: FaultEffect;
  /** Fire on the next N matching calls only. */
  times?: number;
  /** Fire on this share of matching calls (0–100), picked by a PRNG seeded with `seed`. */
  percent?: number;
  /** Seed of the percentage's PRNG: the same seed picks the same calls. Random (and listed) when not given. */
  seed?: number;
}

/** A rule as listed: its spec with its id, its seed when it has a percentage, and what it has done so far. */
export interface FaultRuleView extends FaultRuleSpec {
  id: string;
  /** How many calls the rule has fired on. */
  hits: number;
  /** With `times`, how many more calls it fires on (0: spent, kept so its hits can be read). */
  remaining?: number;
}

/** A `*`/`?` pattern as an anchored regular expression; every other character is literal. */
function globToRegExp(glob: string): RegExp {
  const body = [...glob].map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 's');
}

/** mulberry32: a small 32-bit PRNG, enough to pick a reproducible share of calls. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A rule with its compiled patterns, counters and PRNG. */
class FaultRule {
  hits = 0;
  private readonly action?: RegExp;
  private readonly secretName?: RegExp;
  private readonly random?: () => number;

  constructor(readonly spec: FaultRuleSpec & { id: string }) {
    const { match = {} } = spec;
    if (match.action !== undefined) this.action = globToRegExp(match.action);
    if (match.secretName !== undefined) this.secretName = globToRegExp(match.secretName);
    if (spec.percent !== undefined) this.random = seededRandom(spec.seed ?? 0);
  }

  private matches(call: FaultCall): boolean {
    const { match = {} } = this.spec;
    if (match.cloud !== undefined && match.cloud !== call.cloud) return false;
    if (match.account !== undefined && match.account !== call.namespace?.account) return false;
    if (match.region !== undefined && match.region !== call.namespace?.region) return false;
    if (this.action && !this.action.test(call.action)) return false;
    if (this.secretName && (call.secretName === undefined || !this.secretName.test(call.secretName))) return false;
    return true;
  }

  private get spent(): boolean {
    return this.spec.times !== undefined && this.hits >= this.spec.times;
  }

  /** True (and counted) when the rule fires on this call. A spent rule draws no number, so later rules' sequences do not shift. */
  fires(call: FaultCall): boolean {
    if (this.spent || !this.matches(call)) return false;
    if (this.random && this.random() * 100 >= this.spec.percent!) return false;
    this.hits++;
    return true;
  }

  view(): FaultRuleView {
    const remaining = this.spec.times === undefined ? undefined : Math.max(0, this.spec.times - this.hits);
    return { ...structuredClone(this.spec), hits: this.hits, ...(remaining === undefined ? {} : { remaining }) };
  }
}

/**
 * The rules of one server, in the order they were added. A call is checked against each in turn
 * and the first that fires decides; a rule that does not fire (spent, not picked by its percentage)
 * leaves the call to the next.
 */
export class FaultRules implements FaultHook {
  private readonly rules: FaultRule[] = [];
  private nextNumber = 1;

  /** Whether any rule exists (the dialects skip fault injection when none does). */
  get active(): boolean {
    return this.rules.length > 0;
  }

  /** Adds a rule (replacing one with the same id, in its place) and answers it as listed. */
  add(spec: FaultRuleSpec): FaultRuleView {
    const id = spec.id ?? this.freshId();
    // A percentage without a seed gets a random one, listed so a run can be reproduced.
    const seed = spec.percent !== undefined ? (spec.seed ?? randomInt(2 ** 31)) : spec.seed;
    const rule = new FaultRule({ ...structuredClone(spec), id, ...(seed === undefined ? {} : { seed }) });
    const existing = this.rules.findIndex((r) => r.spec.id === id);
    if (existing >= 0) this.rules[existing] = rule;
    else this.rules.push(rule);
    return rule.view();
  }

  list(): FaultRuleView[] {
    return this.rules.map((rule) => rule.view());
  }

  /** Removes one rule; false when no rule has that id. */
  remove(id: string): boolean {
    const index = this.rules.findIndex((rule) => rule.spec.id === id);
    if (index < 0) return false;
    this.rules.splice(index, 1);
    return true;
  }

  /** Removes every rule; answers how many there were. */
  clear(): number {
    return this.rules.splice(0).length;
  }

  /** The fault to inject on a parsed call: the first rule that fires decides. */
  fire(call: FaultCall): FiredFault | undefined {
    const rule = this.rules.find((candidate) => candidate.fires(call));
    return rule && { ruleId: rule.spec.id, effect: rule.spec.effect };
  }

  private freshId(): string {
    let id: string;
    do id = `fault-${this.nextNumber++}`;
    while (this.rules.some((rule) => rule.spec.id === id));
    return id;
  }
}
