import { randomUUID } from 'node:crypto';

/**
 * The version ids a driver wrote, per secret, with the aliases the scenario gave them. Tencent has
 * no labels, so its driver reads "current" and "previous" off this order; the others use it only to
 * turn ids back into aliases.
 */
export class VersionBook {
  private readonly ids = new Map<string, string[]>();
  private readonly aliasById = new Map<string, string>();
  private readonly idByAlias = new Map<string, string>();

  /** Records a version just written to `secret` (the newest), under `alias` if the step gave one. */
  add(secret: string, id: string, alias?: string): void {
    this.ids.set(secret, [...(this.ids.get(secret) ?? []), id]);
    if (alias) {
      this.aliasById.set(`${secret}\n${id}`, alias);
      this.idByAlias.set(`${secret}\n${alias}`, id);
    }
  }

  /** The id a write sends: the one `reuse` names (a repeated write), else a fresh one. */
  idFor(secret: string, reuse?: string): string {
    return (reuse && this.idOf(secret, reuse)) || randomUUID();
  }

  /** Records a write that succeeded (a reused id is known already) and gives the alias its version goes by. */
  wrote(secret: string, id: string, step: { as?: string; reuse?: string }): string | undefined {
    if (!step.reuse) this.add(secret, id, step.as);
    return step.reuse ?? step.as;
  }

  /** The id an alias names (validation makes sure an earlier step named it). */
  idOf(secret: string, alias: string): string | undefined {
    return this.idByAlias.get(`${secret}\n${alias}`);
  }

  /** The alias a step gave the version `id`, if any. */
  aliasOf(secret: string, id: string | undefined): string | undefined {
    return id === undefined ? undefined : this.aliasById.get(`${secret}\n${id}`);
  }

  /** The newest id written (0) or the one before it (1). */
  recent(secret: string, back: 0 | 1): string | undefined {
    const list = this.ids.get(secret) ?? [];
    return list[list.length - 1 - back];
  }

  /** Forgets a secret's versions: after a forced delete, a new secret of the same name starts afresh. */
  forget(secret: string): void {
    this.ids.delete(secret);
  }
}
