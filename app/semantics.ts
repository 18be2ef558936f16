/**
 * The semantics matrix: how the clouds' secrets differ, rendered as Markdown from each cloud's
 * policy and its map of core refusals, so the document cannot say other than what the core runs.
 * `npm run semantics` writes it to {@link SEMANTICS_FILE}; test/semantics.test.ts keeps it current.
 */
import { CORE_REASONS, CoreError, type CoreReason } from '../src/core/errors.js';
import type { Cloud } from '../src/core/model.js';
import type { CloudPolicy } from '../src/core/policy.js';
import { DAY_MS } from '../src/core/runtime.js';
import type { CloudModule } from '../src/dialect/cloudModule.js';
import { NOT_IN_POLICIES } from './semanticsNotes.js';

/** Where the rendered document is checked in, relative to the repository. */
export const SEMANTICS_FILE = 'docs/semantics.md';

const TITLES: Record<Cloud, string> = { aws: 'AWS', alibaba: 'Alibaba', tencent: 'Tencent' };

// The values a vendor message may read; only codes and statuses are shown, so any will do.
const SAMPLE_DETAILS = { name: 'example', versionId: 'v1', label: 'LABEL', resourceId: 'example', limit: '0', min: '0', max: '0' };

/** How a cloud answers a core refusal: the code and HTTP status of its dialect's error. */
export function vendorAnswer(module: CloudModule, reason: CoreReason): { code: string; status: number } {
  const { code, status } = module.coreErrors[reason](new CoreError(reason, SAMPLE_DETAILS));
  return { code, status };
}

const code = (text: string) => `\`${text}\``;
const yes = (flag: boolean) => (flag ? 'yes' : 'no');
const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
const list = (items: readonly string[]) => (items.length ? items.map(code).join(', ') : 'none');
const refused = (module: CloudModule, reason: CoreReason) => `refused: ${code(vendorAnswer(module, reason).code)}`;
const kib = (bytes: number) => (bytes % 1024 === 0 ? ` (${bytes / 1024} KiB)` : '');

function duration(ms: number): string {
  if (ms === 0) return 'none';
  if (ms % DAY_MS === 0) return plural(ms / DAY_MS, 'day');
  if (ms % 3_600_000 === 0) return plural(ms / 3_600_000, 'hour');
  return `${ms} ms`;
}

function atCap(module: CloudModule): string {
  const { atCap: rule, minAgeBeforePurgeMs: age } = module.policy.versions;
  if (rule === 'refuse') return refused(module, 'too-many-versions');
  const aged = age > 0 ? ` at least ${duration(age)} old` : '';
  return `purges the oldest unlabelled version${aged}; if there is none, ${refused(module, 'too-many-versions')}`;
}

type Cell = (module: CloudModule, policy: CloudPolicy) => string;

/** One topic: a table of rows, each cell read from one cloud's module. */
interface Topic {
  title: string;
  rows: ReadonlyArray<readonly [string, Cell]>;
}

const TOPICS: readonly Topic[] = [
  {
    title: 'Stage labels',
    rows: [
      ['Current label (what a read naming no version gets)', (_m, p) => (p.labels.current ? code(p.labels.current) : 'none: a read must name a version')],
      ['Previous label (the old current version gets it)', (_m, p) => (p.labels.previous ? code(p.labels.previous) : 'none')],
      ['Most labels on one version', (_m, p) => String(p.labels.maxPerVersion)],
      ['Labels that can only be moved, never just removed', (_m, p) => list(p.labels.moveOnly)],
      ['Moving a label held by another version must name that version', (m, p) => (p.labels.moveNamesOldHolder ? `yes, else ${refused(m, 'label-held-elsewhere')}` : 'no')],
      ['Labels the old current version loses to a new current value', (_m, p) => list(p.labels.clearedFromOldCurrent)],
    ],
  },
  {
    title: 'Versions',
    rows: [
      ['Most versions per secret', (_m, p) => String(p.versions.max)],
      ['A new version at the cap', atCap],
      ['Age an unlabelled version must reach before the cap purges it', (_m, p) => (p.versions.atCap === 'refuse' ? '— (the cap purges nothing)' : duration(p.versions.minAgeBeforePurgeMs))],
      ['Writing an existing version id again with the same value', (m, p) => (p.versions.repeatIsIdempotent ? 'succeeds, changes nothing' : refused(m, 'version-exists'))],
      ['A version\'s value can be rewritten in place', (_m, p) => yes(p.versions.valuesRewritable)],
    ],
  },
  {
    title: 'Values',
    rows: [
      ['Largest value', (_m, p) => `${p.values.maxBytes} bytes${kib(p.values.maxBytes)}`],
      ['A binary value counts as', (_m, p) => (p.values.binaryCountedAs === 'base64' ? 'its base64 text, as sent' : 'the bytes it decodes to')],
    ],
  },
  {
    title: 'Deletion',
    rows: [
      ['Recovery window when none is asked for', (_m, p) => (p.deletion.defaultWindowDays === 0 ? '0 days: deleted at once' : plural(p.deletion.defaultWindowDays, 'day'))],
      ['Recovery windows accepted', (_m, p) => `${p.deletion.minWindowDays}–${p.deletion.maxWindowDays} days`],
      ['A window of 0 days', (m, p) => (p.deletion.minWindowDays === 0 ? 'deletes at once' : refused(m, 'deletion-window-out-of-range'))],
      ['Deleting a secret already scheduled for deletion', (m, p) => (p.deletion.whenScheduled === 'refuse' ? refused(m, 'already-scheduled-for-deletion') : 'schedules it again from now')],
      ['Restoring a secret not scheduled for deletion', (m, p) => (p.deletion.cancelUnscheduled === 'refuse' ? refused(m, 'not-scheduled-for-deletion') : 'succeeds, changes nothing')],
      ['A restored secret comes back disabled', (_m, p) => yes(p.deletion.restoresDisabled)],
    ],
  },
  {
    title: 'Tags',
    rows: [
      ['Most tags per secret', (m, p) => (Number.isFinite(p.tags.maxPerSecret) ? `${p.tags.maxPerSecret}, more ${refused(m, 'too-many-tags')}` : 'no cap enforced')],
      ['A tag write that changes nothing still counts as a change', (_m, p) => yes(p.tags.unchangedTagsTouch)],
    ],
  },
  {
    title: 'Names',
    rows: [['Name pattern (characters and, where given, length)', (m, p) => `${code(p.namePattern.source)}, else ${refused(m, 'invalid-name')}`]],
  },
  {
    title: 'Rotation',
    rows: [
      ['Has a rotation model', (_m, p) => yes(p.rotation !== undefined)],
      ['A rotation writes', (_m, p) => (!p.rotation ? '—' : p.rotation.newVersion ? 'a new value, made by the emulator' : "a placeholder version, filled by the cloud's rotation process")],
      ['Labels of the rotated version', (_m, p) => (!p.rotation ? '—' : list(p.rotation.labels ?? (p.labels.current ? [p.labels.current] : [])))],
      ['A manual rotation restarts the schedule', (_m, p) => (p.rotation ? yes(p.rotation.manualRestartsSchedule) : '—')],
      ['A rotation at the version cap', (_m, p) => (!p.rotation ? '—' : p.rotation.makesRoom ? 'drops the oldest versions to make room' : 'meets the cap as any new version does')],
    ],
  },
  {
    title: 'Changes that come due with time',
    rows: [['Pending transitions', (_m, p) => (p.transitions?.length ? p.transitions.map((t) => t.summary).join('; ') : 'none')]],
  },
];

/** A Markdown table; pipes inside cells are escaped (GitHub honours `\|` in code spans too). */
function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function errorsSection(clouds: readonly CloudModule[]): string {
  const reasons = Object.keys(CORE_REASONS) as CoreReason[];
  const rows = reasons.map((reason) => [
    code(reason),
    CORE_REASONS[reason],
    ...clouds.map((m) => {
      const { code: vendorCode, status } = vendorAnswer(m, reason);
      return `${code(vendorCode)} ${status}`;
    }),
  ]);
  const always200 = clouds.filter((m) => reasons.every((reason) => vendorAnswer(m, reason).status === 200)).map((m) => TITLES[m.cloud]);
  const notes = [
    'Each cell is the vendor code and HTTP status the dialect answers with, read from its map of core refusals.',
    ...always200.map((title) => `${title} answers every refusal with HTTP 200: the code is in the response body, not the status.`),
    'An internal error in a cell (a 500, or an `InternalError` code) marks a refusal the cloud\'s rules never lead to; the dialect answers so should it ever happen.',
  ];
  return [`## Error codes for each canonical error`, notes.join(' '), table(['Core reason', 'Kind', ...clouds.map((m) => TITLES[m.cloud])], rows)].join('\n\n');
}

/**
 * The semantics matrix as Markdown: one table per topic, a column per cloud in the order given,
 * every cell read from the cloud's policy or its map of core refusals, then the few differences
 * the policies do not hold. Pure: the same clouds always give the same text.
 */
export function renderSemantics(clouds: readonly CloudModule[]): string {
  const header = [
    '# Semantics matrix',
    '<!-- Generated by `npm run semantics` from app/semantics.ts. Do not edit by hand: `npm test` fails when this file is out of date. -->',
    'How the clouds differ as polysecret emulates them. Every table is generated from the clouds\' policies (`dialects/<cloud>/policy.ts`) and their maps of core refusals to vendor errors; only the last section is written by hand.',
  ];
  const titles = ['', ...clouds.map((m) => TITLES[m.cloud])];
  const topics = TOPICS.map(({ title, rows }) => `## ${title}\n\n${table(titles, rows.map(([name, cell]) => [name, ...clouds.map((m) => cell(m, m.policy))]))}`);
  return `${[...header, ...topics, errorsSection(clouds), NOT_IN_POLICIES.trim()].join('\n\n')}\n`;
}
