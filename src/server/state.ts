import type { ValidateFunction } from 'ajv';
import type { SecretEngine } from '../core/engine.js';
import type { SecretRecord } from '../core/model.js';

/** What masked values read as in an export. */
export const MASK = '********';

/** A state export (schemas/admin/state.json). */
export interface StateExport {
  format: 'polysecret-state/1';
  exportedAt?: number;
  /** False when values were masked; such an export cannot be imported. */
  valuesIncluded: boolean;
  secrets: SecretRecord[];
}

/** Every secret of every cloud; values are replaced by {@link MASK} unless `withValues`. */
export function exportState(engine: SecretEngine, withValues: boolean): StateExport {
  const secrets = engine.all().map((record) => ({
    ...record,
    versions: record.versions.map((version) =>
      version.value && !withValues ? { ...version, value: { type: version.value.type, data: MASK } } : version,
    ),
  }));
  return { format: 'polysecret-state/1', exportedAt: engine.now(), valuesIncluded: withValues, secrets };
}

/** Why an import document cannot be loaded; empty when it can. */
export function checkImport(doc: unknown, validate: ValidateFunction): string[] {
  if (!validate(doc)) return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message}`);
  const state = doc as StateExport;
  if (!state.valuesIncluded) return ['/valuesIncluded: this export has masked values; export with ?values=true to import it'];
  const problems: string[] = [];
  const keys = new Set<string>();
  const resourceIds = new Set<string>();
  const names = new Set<string>();
  state.secrets.forEach((record, i) => {
    const { cloud, account, region } = record.namespace;
    const name = `${cloud}/${account}/${region}/${record.name}`;
    if (keys.has(record.key)) problems.push(`/secrets/${i}/key: used by an earlier secret`);
    if (resourceIds.has(record.resourceId)) problems.push(`/secrets/${i}/resourceId: used by an earlier secret`);
    if (names.has(name)) problems.push(`/secrets/${i}/name: ${record.name} appears twice in ${cloud}/${account}/${region}`);
    keys.add(record.key);
    resourceIds.add(record.resourceId);
    names.add(name);
  });
  return problems;
}

/** Replaces the whole state with a checked export's secrets. */
export async function importState(engine: SecretEngine, state: StateExport): Promise<number> {
  await engine.reset();
  await engine.restore(state.secrets);
  return state.secrets.length;
}
