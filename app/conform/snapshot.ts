import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Exchange } from './exchange.js';
import type { CloudStepResult, ConformResult } from './result.js';
import { valueText, type ConformCloud } from './scenario.js';

/** The marker of a snapshot file's shape, so a later format can tell old files apart. */
const SNAPSHOT_FORMAT = 'polysecret-conform-snapshot/1';

/** One step of a snapshot: the canonical outcome and each call's operation, status and masked answer. */
interface SnapshotStep {
  step: number;
  op: string;
  skipped?: true;
  outcome?: Omit<CloudStepResult['outcome'], 'notes'>;
  calls?: Array<{ operation: string; status?: number; contentType?: string; body?: unknown }>;
}

/** What one scenario did on one cloud, with everything that differs between runs masked. */
export interface Snapshot {
  format: typeof SNAPSHOT_FORMAT;
  scenario: string;
  cloud: ConformCloud;
  /** Where it was recorded: the real cloud or a polysecret. */
  target: 'real' | 'polysecret';
  recordedAt: string;
  steps: SnapshotStep[];
}

/** One difference between a snapshot and a run. */
export interface Divergence {
  scenario: string;
  cloud: ConformCloud;
  /** 1-based, as reports number steps. */
  step: number;
  /** Where in the step: `outcome.vendorCode`, `calls[0].body.Response.Error.Code`, … */
  path: string;
  recorded: unknown;
  now: unknown;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const ISO_DATE = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?/g;
const RUN_PREFIX = /conform-[0-9a-f]{6}-\d+-/g;
/** AWS ARNs, Alibaba ACS and Tencent QCS resource names, alone or inside a message; a final full stop is the sentence's. */
const RESOURCE_NAME = /\b(?:arn|acs|qcs):[A-Za-z0-9:/_+=.@-]*[A-Za-z0-9_]/g;
/** Members that carry a secret value, in each vendor's answers and in outcomes. */
const VALUE_KEY = /^(?:SecretString|SecretData|value)$/;
/** Members whose value is a request id, a time, an account or a resource id made of them: different on every run or account. */
const VOLATILE_KEY = /RequestId|TraceId|ResourceId$|Date$|Time$|Timestamp|OwnerId|AccountId|Uin$/i;

/**
 * Masks what differs between runs: the run's name prefix goes, dates, resource names and volatile
 * members become placeholders, and each distinct UUID becomes `<id-N>` in order of first sight, so a
 * version id keeps its identity across the steps of one snapshot (a put's id is the id a later read
 * returns, or a key of AWS's VersionIdsToStages). A value the scenario never wrote was made by the
 * cloud (a rotation's new password) and becomes `<generated>`.
 */
class Masker {
  private readonly ids = new Map<string, string>();

  constructor(private readonly written: ReadonlySet<string>) {}

  text(text: string): string {
    return text
      .replace(RESOURCE_NAME, '<resource-name>')
      .replace(RUN_PREFIX, '')
      .replace(UUID, (id) => this.ids.get(id.toLowerCase()) ?? this.ids.set(id.toLowerCase(), `<id-${this.ids.size + 1}>`).get(id.toLowerCase())!)
      .replace(ISO_DATE, '<date>');
  }

  /** A JSON value with its volatile parts masked; member names are masked as text (ids can be member names). */
  value(value: unknown, key = ''): unknown {
    if (VOLATILE_KEY.test(key) && value !== null && typeof value !== 'object') return '<volatile>';
    if (VALUE_KEY.test(key) && typeof value === 'string' && !this.written.has(value)) return '<generated>';
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((item) => this.value(item));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([name, item]) => [this.text(name), this.value(item, name)]));
    return value;
  }

  body(text: string): unknown {
    try {
      return this.value(JSON.parse(text));
    } catch {
      // XML or text answers are compared as masked text.
      return this.text(text).replace(/<RequestId>[^<]*<\/RequestId>/g, '<RequestId><volatile></RequestId>');
    }
  }
}

/** The operation a request called, in the vendor's own name. */
function operationOf(exchange: Exchange): string {
  const { headers, url, body } = exchange.request;
  const action = /[?&]Action=([A-Za-z]+)/.exec(`${url}&${body}`)?.[1];
  return headers['x-amz-target']?.split('.').pop() ?? headers['x-tc-action'] ?? action ?? `${exchange.request.method} ${new URL(url).pathname}`;
}

function snapshotStep(masker: Masker, index: number, op: string, result: CloudStepResult): SnapshotStep {
  if (result.skipped) return { step: index + 1, op, skipped: true };
  const { notes: _notes, ...outcome } = result.outcome;
  const calls = result.exchanges.map((exchange) => ({
    operation: operationOf(exchange),
    ...(exchange.response
      ? { status: exchange.response.status, contentType: exchange.response.headers['content-type'], body: masker.body(exchange.response.body) }
      : {}),
  }));
  return { step: index + 1, op, outcome: masker.value(outcome) as SnapshotStep['outcome'], calls };
}

/** The snapshots of a run: one per scenario and cloud it ran on. */
export function snapshotsOf(result: ConformResult): Snapshot[] {
  return result.scenarios.flatMap((scenario) =>
    scenario.clouds.map((cloud): Snapshot => {
      const written = scenario.steps.flatMap(({ step }) => (step.op === 'create' || step.op === 'put' ? [valueText(step.value)] : []));
      const masker = new Masker(new Set(written));
      const steps = scenario.steps.flatMap((step) => {
        const cell = step.results[cloud];
        return cell ? [snapshotStep(masker, step.index, step.step.op, cell)] : [];
      });
      const target = result.targets[cloud]?.kind ?? 'polysecret';
      return { format: SNAPSHOT_FORMAT, scenario: scenario.scenario, cloud, target, recordedAt: result.startedAt, steps };
    }),
  );
}

const snapshotPath = (dir: string, scenario: string, cloud: ConformCloud) => join(dir, scenario, `${cloud}.json`);

/** Writes a run's snapshots as DIR/<scenario>/<cloud>.json; returns the paths written. */
export async function writeSnapshots(result: ConformResult, dir: string): Promise<string[]> {
  const paths: string[] = [];
  for (const snapshot of snapshotsOf(result)) {
    const path = snapshotPath(dir, snapshot.scenario, snapshot.cloud);
    await mkdir(join(dir, snapshot.scenario), { recursive: true });
    await writeFile(path, `${JSON.stringify(snapshot, null, 2)}\n`);
    paths.push(path);
  }
  return paths;
}

/** Every difference between two JSON values, by path; objects compare member by member in any order. */
function differences(recorded: unknown, now: unknown, path: string): Array<{ path: string; recorded: unknown; now: unknown }> {
  if (recorded && now && typeof recorded === 'object' && typeof now === 'object' && Array.isArray(recorded) === Array.isArray(now)) {
    const keys = Array.isArray(recorded)
      ? [...Array(Math.max(recorded.length, (now as unknown[]).length)).keys()].map(String)
      : [...new Set([...Object.keys(recorded), ...Object.keys(now)])];
    return keys.flatMap((key) => {
      const step = Array.isArray(recorded) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      return differences((recorded as Record<string, unknown>)[key], (now as Record<string, unknown>)[key], step);
    });
  }
  return JSON.stringify(recorded) === JSON.stringify(now) ? [] : [{ path, recorded, now }];
}

/** The scenarios and clouds of a run that have no snapshot to compare with. */
export interface Comparison {
  divergences: Divergence[];
  /** `<scenario>/<cloud>` pairs the run had and the snapshot directory did not. */
  unrecorded: string[];
}

async function readSnapshot(path: string): Promise<Snapshot | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Snapshot;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Compares a run with the snapshots in `dir` (recorded by {@link writeSnapshots}, typically against
 * the real cloud) and lists every divergence. A step skipped on either side (a real cloud has no
 * clock) is not compared.
 */
export async function compareSnapshots(result: ConformResult, dir: string): Promise<Comparison> {
  const comparison: Comparison = { divergences: [], unrecorded: [] };
  for (const current of snapshotsOf(result)) {
    const recorded = await readSnapshot(snapshotPath(dir, current.scenario, current.cloud));
    if (!recorded) {
      comparison.unrecorded.push(`${current.scenario}/${current.cloud}`);
      continue;
    }
    const steps = new Map(current.steps.map((step) => [step.step, step]));
    for (const before of recorded.steps) {
      const after = steps.get(before.step);
      if (before.skipped || after?.skipped) continue;
      for (const found of differences(before, after, '')) {
        comparison.divergences.push({ scenario: current.scenario, cloud: current.cloud, step: before.step, ...found });
      }
    }
  }
  return comparison;
}

/** Divergences as lines: `scenario cloud step N path: recorded X, now Y`. */
export function renderDivergences(comparison: Comparison): string {
  const lines = comparison.divergences.map(
    (divergence) =>
      `${divergence.scenario} ${divergence.cloud} step ${divergence.step} ${divergence.path}: recorded ${JSON.stringify(divergence.recorded)}, now ${JSON.stringify(divergence.now)}`,
  );
  for (const pair of comparison.unrecorded) lines.push(`${pair}: no snapshot to compare with`);
  lines.push(`${comparison.divergences.length} divergence${comparison.divergences.length === 1 ? '' : 's'} from the snapshots`);
  return `${lines.join('\n')}\n`;
}
