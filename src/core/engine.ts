import { CoreError } from './errors.js';
import type { Cloud, Namespace, SecretRecord, SecretValue } from './model.js';
import { NamespaceSecrets, type ListPage, type ListQuery } from './namespaceSecrets.js';
import type { CloudPolicy } from './policy.js';
import type { Clock, IdSource } from './runtime.js';
import type { TencentState } from './vendorState.js';
import { addVersion } from './versions.js';
import type { SecretStore } from './store.js';

/** What the engine needs from its surroundings. */
export interface EngineDeps {
  store: SecretStore;
  clock: Clock;
  ids: IdSource;
  policies: Record<Cloud, CloudPolicy>;
  /** Told about failures that no client waits on (a lazy purge that could not be persisted). */
  onBackgroundError?: (error: unknown) => void;
}

/** The fields a new secret may start with. */
export interface NewSecret {
  name: string;
  description?: string;
  kmsKeyId?: string;
  tags?: SecretRecord['tags'];
  resourcePolicy?: string;
  rotation?: SecretRecord['rotation'];
  aws?: SecretRecord['aws'];
  alibaba?: SecretRecord['alibaba'];
  tencent?: SecretRecord['tencent'];
  /** The first version, if the secret starts with a value. */
  firstVersion?: { id: string; value?: SecretValue; labels?: string[] };
  /** Overrides the policy's identifier (a replica shares its primary's). */
  resourceId?: string;
  replicaOf?: string;
}

function namespaceKey(ns: Namespace): string {
  return `${ns.cloud}\u0000${ns.account}\u0000${ns.region}`;
}

/** Copies a record deeply enough that mutating the copy never touches the original. */
function draftOf(record: SecretRecord): SecretRecord {
  return {
    ...record,
    namespace: { ...record.namespace },
    tags: record.tags?.map((tag) => ({ ...tag })),
    deletion: record.deletion && { ...record.deletion },
    versions: record.versions.map((version) => ({ ...version, labels: [...version.labels] })),
    replicas: record.replicas?.map((replica) => ({ ...replica })),
    rotation: record.rotation && { ...record.rotation },
    aws: record.aws && { ...record.aws },
    alibaba: record.alibaba && { ...record.alibaba },
    tencent: record.tencent && copyTencentState(record.tencent),
  };
}

function copyTencentState(state: TencentState): TencentState {
  return { ...state, domains: state.domains && [...state.domains], flows: state.flows?.map((flow) => ({ ...flow })) };
}

/**
 * The canonical secret store: every secret of every cloud, indexed by namespace and name
 * and by resource id, so a lookup never scans. Records handed out are snapshots; change
 * them only through {@link SecretEngine.update}, which applies a change all-or-nothing and
 * resolves once the store holds it.
 */
export class SecretEngine {
  private readonly namespaces = new Map<string, NamespaceSecrets>();
  private readonly byResourceId = new Map<string, SecretRecord>();
  private readonly byKey = new Map<string, SecretRecord>();
  /** Per secret key, the last write in flight: writes to one secret run one after another. */
  private readonly writing = new Map<string, Promise<unknown>>();
  /** Names (per namespace) whose creation is being made durable. */
  private readonly creating = new Set<string>();
  /** Keys of secrets changed in memory only (read times), saved with their next write or {@link flush}. */
  private readonly unsaved = new Set<string>();
  /** Why the last write failed, until a write succeeds again. */
  private writeFailure: string | undefined;

  constructor(private readonly deps: EngineDeps) {}

  /** Undefined while the store takes writes; otherwise why the last one failed. */
  get storeProblem(): string | undefined {
    return this.writeFailure;
  }

  /** Reads the store into memory; call once before serving. */
  async load(): Promise<void> {
    const records = await this.deps.store.loadAll();
    records.sort((a, b) => a.createdAt - b.createdAt);
    for (const record of records) this.index(this.upgraded(record));
  }

  /** The clock every timestamp comes from. */
  now(): number {
    return this.deps.clock.now();
  }

  get ids(): IdSource {
    return this.deps.ids;
  }

  policyFor(cloud: Cloud): CloudPolicy {
    return this.deps.policies[cloud];
  }

  /** The secret with this name in the namespace, if it exists (secrets past their purge time do not). */
  get(ns: Namespace, name: string): SecretRecord | undefined {
    return this.alive(this.namespaces.get(namespaceKey(ns))?.get(name));
  }

  /** The secret with this vendor-facing id, if it exists. */
  getByResourceId(resourceId: string): SecretRecord | undefined {
    return this.alive(this.byResourceId.get(resourceId));
  }

  /** The secret with this internal key, if it exists. */
  getByKey(key: string): SecretRecord | undefined {
    return this.alive(this.byKey.get(key));
  }

  /** Every live secret of the namespace, oldest first. */
  list(ns: Namespace): SecretRecord[] {
    const secrets = this.namespaces.get(namespaceKey(ns));
    if (!secrets) return [];
    return secrets.records().filter((record) => this.alive(record));
  }

  /**
   * One page of the namespace's live secrets (see {@link NamespaceSecrets.page}); secrets past their
   * purge time are purged first, as {@link list} would, so none is listed or counted.
   */
  listPage(ns: Namespace, query: ListQuery, countTotal: boolean): ListPage {
    const secrets = this.namespaces.get(namespaceKey(ns));
    if (!secrets) return { items: [], total: countTotal ? 0 : undefined };
    for (const record of secrets.scheduledForDeletion()) this.alive(record);
    return secrets.page(query, countTotal);
  }

  /** How many secrets the namespace holds (secrets past their purge time may still count until looked up). */
  count(ns: Namespace): number {
    return this.namespaces.get(namespaceKey(ns))?.size ?? 0;
  }

  /**
   * Creates a secret. A name in use is `AlreadyExists` (`secret-exists`), or `InvalidState`
   * (`secret-scheduled-for-deletion`) while the holder waits for its purge.
   */
  async create(ns: Namespace, init: NewSecret): Promise<SecretRecord> {
    const existing = this.get(ns, init.name);
    const nameKey = `${namespaceKey(ns)}\u0000${init.name}`;
    if (existing?.deletion) throw new CoreError('secret-scheduled-for-deletion', { name: init.name });
    if (existing || this.creating.has(nameKey)) throw new CoreError('secret-exists', { name: init.name });
    const policy = this.policyFor(ns.cloud);
    if (!policy.namePattern.test(init.name)) throw new CoreError('invalid-name', { name: init.name });
    const now = this.now();
    const record: SecretRecord = {
      key: this.deps.ids.uuid(),
      namespace: { ...ns },
      name: init.name,
      resourceId: init.resourceId ?? policy.resourceIdFor(ns, init.name, () => this.deps.ids.alphanumeric(6)),
      enabled: true,
      createdAt: now,
      changedAt: now,
      versions: [],
    };
    // Only what was given, copied, so the record shares no object with the caller.
    if (init.description !== undefined) record.description = init.description;
    if (init.kmsKeyId !== undefined) record.kmsKeyId = init.kmsKeyId;
    if (init.tags !== undefined) record.tags = init.tags.map((tag) => ({ ...tag }));
    if (init.resourcePolicy !== undefined) record.resourcePolicy = init.resourcePolicy;
    if (init.replicaOf !== undefined) record.replicaOf = init.replicaOf;
    if (init.rotation !== undefined) record.rotation = { ...init.rotation };
    if (init.aws !== undefined) record.aws = { ...init.aws };
    if (init.alibaba !== undefined) record.alibaba = { ...init.alibaba };
    if (init.tencent !== undefined) record.tencent = copyTencentState(init.tencent);
    if (init.firstVersion) addVersion(record, policy, { ...init.firstVersion, now });
    // Visible only once durable; meanwhile the name is taken, so a concurrent create of it fails.
    this.creating.add(nameKey);
    try {
      await this.persist([record]);
    } finally {
      this.creating.delete(nameKey);
    }
    this.index(record);
    return record;
  }

  /**
   * Applies `change` to a copy of the record and, if it returns without throwing, makes
   * the copy current and durable; a throw leaves the secret untouched. Replicas of the
   * record are brought in line in the same commit.
   */
  async update<T = void>(record: SecretRecord, change: (draft: SecretRecord, now: number) => T): Promise<{ record: SecretRecord; result: T }> {
    // One write at a time per secret, each on the state the previous one left, so concurrent changes
    // build on each other and none is lost; each is visible only once durable, so a failed one never is.
    return this.inTurn(record.key, async () => {
      const current = this.byKey.get(record.key);
      if (!current) throw new CoreError('secret-not-found', { name: record.name });
      const draft = draftOf(current);
      const now = this.now();
      const result = change(draft, now);
      const changed = [draft, ...this.mirrorsOf(draft)];
      await this.persist(changed);
      for (const item of changed) this.index(item);
      return { record: draft, result };
    });
  }

  /**
   * Applies a change that need not be durable at once (a read time) in memory only: it is saved
   * with the secret's next write or at {@link flush}, so reads never wait on, or fail for, the disk.
   */
  note(record: SecretRecord, change: (draft: SecretRecord, now: number) => void): void {
    const current = this.byKey.get(record.key);
    if (!current) return;
    const draft = draftOf(current);
    change(draft, this.now());
    this.index(draft);
    this.unsaved.add(draft.key);
  }

  /** Saves what {@link note} changed in memory only; called before the store closes. */
  async flush(): Promise<void> {
    const records = [...this.unsaved].flatMap((key) => this.byKey.get(key) ?? []);
    if (records.length) await this.persist(records);
  }

  /** Removes a secret (and nothing else) for good. */
  async purge(record: SecretRecord): Promise<void> {
    this.unindex(record);
    await this.deps.store.remove([record.key]);
  }

  /** Forgets every secret, in the store and then in memory (a failed clear forgets nothing). */
  async reset(): Promise<void> {
    await this.deps.store.clear();
    this.namespaces.clear();
    this.byResourceId.clear();
    this.byKey.clear();
    this.unsaved.clear();
  }

  /** Every live secret of every namespace, in creation order (for a state export). */
  all(): SecretRecord[] {
    return [...this.byKey.values()].filter((record) => this.alive(record));
  }

  /**
   * Forgets the secrets of one cloud, or of one account or region within it, in memory and in
   * the store; other namespaces are untouched. Resolves to how many secrets went.
   */
  async resetScope(scope: { cloud: Cloud; account?: string; region?: string }): Promise<number> {
    const doomed = [...this.byKey.values()].filter(
      ({ namespace: ns }) =>
        ns.cloud === scope.cloud && (scope.account === undefined || ns.account === scope.account) && (scope.region === undefined || ns.region === scope.region),
    );
    await this.deps.store.remove(doomed.map((record) => record.key));
    for (const record of doomed) this.unindex(record);
    return doomed.length;
  }

  /**
   * Adds records exactly as given (keys, ids and times included), for a state import; the
   * caller makes sure their keys, resource ids and names are not in use.
   */
  async restore(records: readonly SecretRecord[]): Promise<void> {
    const copies = records.map((record) => this.upgraded(draftOf(record)));
    await this.persist(copies);
    for (const record of copies) this.index(record);
  }

  /** A record saved before vendor state was typed gets its `attributes` read by its cloud's policy. */
  private upgraded(record: SecretRecord): SecretRecord {
    const legacy = record as SecretRecord & { attributes?: Record<string, unknown> };
    if (legacy.attributes === undefined) return record;
    const { attributes, ...rest } = legacy;
    return { ...rest, ...this.policyFor(record.namespace.cloud).fromLegacyAttributes?.(attributes) };
  }

  /** Saves records, noting whether the store takes writes (health reports it). */
  private async persist(records: SecretRecord[]): Promise<void> {
    try {
      await this.deps.store.save(records);
    } catch (error) {
      this.writeFailure = error instanceof Error ? error.message : String(error);
      throw error;
    }
    this.writeFailure = undefined;
    for (const record of records) this.unsaved.delete(record.key);
  }

  /** Runs `work` after every earlier write to the same secret has settled. */
  private inTurn<T>(key: string, work: () => Promise<T>): Promise<T> {
    const turn = (this.writing.get(key) ?? Promise.resolve()).then(work, work);
    const settled = turn.then(
      () => undefined,
      () => undefined,
    );
    this.writing.set(key, settled);
    void settled.then(() => {
      if (this.writing.get(key) === settled) this.writing.delete(key);
    });
    return turn;
  }

  /** Replicas follow their primary's versions, description, tags and resource policy. */
  private mirrorsOf(primary: SecretRecord): SecretRecord[] {
    const mirrors: SecretRecord[] = [];
    for (const status of primary.replicas ?? []) {
      const replica = this.get({ ...primary.namespace, region: status.region }, primary.name);
      if (!replica || replica.replicaOf !== primary.key) continue;
      const mirror = draftOf(replica);
      const source = draftOf(primary);
      mirror.versions = source.versions;
      mirror.tags = source.tags;
      mirror.description = source.description;
      mirror.resourcePolicy = source.resourcePolicy;
      mirror.changedAt = primary.changedAt;
      mirror.deletion = source.deletion;
      mirrors.push(mirror);
    }
    return mirrors;
  }

  /** Hides (and lazily purges) a secret whose deletion window has passed. */
  private alive(record: SecretRecord | undefined): SecretRecord | undefined {
    if (!record?.deletion || record.deletion.purgeAt > this.now()) return record;
    this.purge(record).catch((error) => this.deps.onBackgroundError?.(error));
    return undefined;
  }

  /** Adds or replaces a record; replacing keeps its place in creation order (names never change). */
  private index(record: SecretRecord): void {
    const key = namespaceKey(record.namespace);
    let secrets = this.namespaces.get(key);
    if (!secrets) this.namespaces.set(key, (secrets = new NamespaceSecrets()));
    secrets.put(record);
    this.byResourceId.set(record.resourceId, record);
    this.byKey.set(record.key, record);
  }

  private unindex(record: SecretRecord): void {
    this.namespaces.get(namespaceKey(record.namespace))?.delete(record);
    if (this.byResourceId.get(record.resourceId)?.key === record.key) this.byResourceId.delete(record.resourceId);
    this.byKey.delete(record.key);
  }
}
