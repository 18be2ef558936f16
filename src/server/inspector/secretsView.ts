import type { SecretEngine } from '../../core/engine.js';
import type { Cloud, Namespace, SecretRecord } from '../../core/model.js';

/** The clouds a namespace filter may name. */
const CLOUDS: readonly Cloud[] = ['aws', 'alibaba', 'tencent'];
/** The list is for a screen: past this many matches it is cut, and says so. */
export const MAX_LISTED_SECRETS = 1000;

/** Filters of `GET /_emulator/secrets`; each one absent matches everything. */
export interface SecretFilter {
  cloud?: string;
  account?: string;
  region?: string;
  /** Case-insensitive text looked for in the name and the description. */
  search?: string;
}

/** One secret in the list: metadata only, never a value. */
export interface SecretSummary {
  cloud: Cloud;
  account: string;
  region: string;
  name: string;
  resourceId: string;
  description?: string;
  enabled: boolean;
  createdAt: string;
  changedAt: string;
  /** When a scheduled deletion purges it, while one is pending. */
  purgeAt?: string;
  versions: number;
}

/** One version in a secret's details: its labels and dates, and whether it holds a value (not the value). */
export interface VersionSummary {
  id: string;
  labels: string[];
  createdAt: string;
  lastAccessedAt?: string;
  /** `string` or `binary`; absent for a placeholder version that has no value yet. */
  valueType?: 'string' | 'binary';
}

/** A secret's details for the inspector: the summary, its tags and its versions, newest first. */
export interface SecretDetails extends SecretSummary {
  tags: Array<{ key: string; value: string }>;
  rotation?: { enabled: boolean; nextAt?: string; lastAt?: string };
  replicaOf?: boolean;
  versionList: VersionSummary[];
}

const iso = (epochMs: number) => new Date(epochMs).toISOString();
const isoIfSet = (epochMs: number | undefined) => (epochMs === undefined ? undefined : iso(epochMs));

/** Reads a cloud name from a query parameter, or undefined when it names none of the three. */
export function cloudNamed(value: unknown): Cloud | undefined {
  return CLOUDS.find((cloud) => cloud === value);
}

function summaryOf(record: SecretRecord): SecretSummary {
  const { cloud, account, region } = record.namespace;
  return {
    cloud,
    account,
    region,
    name: record.name,
    resourceId: record.resourceId,
    description: record.description,
    enabled: record.enabled,
    createdAt: iso(record.createdAt),
    changedAt: iso(record.changedAt),
    purgeAt: isoIfSet(record.deletion?.purgeAt),
    versions: record.versions.length,
  };
}

function matches(record: SecretRecord, filter: SecretFilter): boolean {
  const ns = record.namespace;
  if (filter.cloud && ns.cloud !== filter.cloud) return false;
  if (filter.account && ns.account !== filter.account) return false;
  if (filter.region && ns.region !== filter.region) return false;
  const search = filter.search?.trim().toLowerCase();
  return !search || record.name.toLowerCase().includes(search) || (record.description ?? '').toLowerCase().includes(search);
}

/**
 * The secrets matching `filter` (at most {@link MAX_LISTED_SECRETS}), and every namespace that holds
 * secrets with its count, so the page can offer the clouds, accounts and regions there are.
 */
export function listSecrets(engine: SecretEngine, filter: SecretFilter) {
  const all = engine.all();
  const counts = new Map<string, { cloud: Cloud; account: string; region: string; secrets: number }>();
  for (const { namespace: ns } of all) {
    const key = `${ns.cloud}/${ns.account}/${ns.region}`;
    const entry = counts.get(key) ?? { ...ns, secrets: 0 };
    entry.secrets += 1;
    counts.set(key, entry);
  }
  const matching = all.filter((record) => matches(record, filter));
  const secrets = matching.slice(0, MAX_LISTED_SECRETS).map(summaryOf);
  const order = (a: SecretSummary, b: SecretSummary) => a.cloud.localeCompare(b.cloud) || a.account.localeCompare(b.account) || a.region.localeCompare(b.region) || a.name.localeCompare(b.name);
  return { namespaces: [...counts.values()], secrets: secrets.sort(order), truncated: matching.length > secrets.length };
}

/** One secret's details, or undefined when there is no such secret. Never a value. */
export function secretDetails(engine: SecretEngine, ns: Namespace, name: string): SecretDetails | undefined {
  const record = engine.get(ns, name);
  if (!record) return undefined;
  // Newest first; versions made in the same millisecond keep their order of addition, reversed.
  const versionList = record.versions
    .map((version, index) => ({ version, index }))
    .sort((a, b) => b.version.createdAt - a.version.createdAt || b.index - a.index)
    .map(({ version }) => ({
      id: version.id,
      labels: [...version.labels],
      createdAt: iso(version.createdAt),
      lastAccessedAt: isoIfSet(version.lastAccessedAt),
      valueType: version.value?.type,
    }));
  const rotation = record.rotation && { enabled: record.rotation.enabled, nextAt: isoIfSet(record.rotation.nextAt), lastAt: isoIfSet(record.rotation.lastAt) };
  return {
    ...summaryOf(record),
    tags: (record.tags ?? []).map((tag) => ({ key: tag.key, value: tag.value })),
    rotation,
    replicaOf: record.replicaOf === undefined ? undefined : true,
    versionList,
  };
}

/** The value of one version (binary as base64), or undefined when the secret, version or value is missing. */
export function versionValue(engine: SecretEngine, ns: Namespace, name: string, versionId: string): { type: 'string' | 'binary'; value: string } | undefined {
  const value = engine.get(ns, name)?.versions.find((version) => version.id === versionId)?.value;
  return value && { type: value.type, value: value.data };
}
