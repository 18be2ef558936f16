import { ERRORS } from './errors.js';

/**
 * An action's parameters. RPC parameters are strings on the wire; these readers turn them
 * into values, answering KMS's InvalidParameter for a value of the wrong form.
 */
export class Params {
  constructor(private readonly values: ReadonlyMap<string, string>) {}

  /** The raw string, if the parameter was sent. */
  get(name: string): string | undefined {
    return this.values.get(name);
  }

  /** A required string (the schema has already checked presence). */
  required(name: string): string {
    const value = this.values.get(name);
    if (value === undefined) throw ERRORS.missing(name);
    return value;
  }

  /** `true`/`false` in any case; absent gives the fallback. */
  bool(name: string, fallback: boolean): boolean {
    const value = this.values.get(name);
    if (value === undefined || value === '') return fallback;
    if (/^true$/i.test(value)) return true;
    if (/^false$/i.test(value)) return false;
    throw ERRORS.invalid(name);
  }

  /** A whole number within bounds; absent gives the fallback. */
  int(name: string, fallback: number, min: number, max: number): number {
    const value = this.values.get(name);
    if (value === undefined || value === '') return fallback;
    const number = Number(value);
    if (!/^-?\d+$/.test(value) || number < min || number > max) throw ERRORS.invalid(name);
    return number;
  }

  /** A parameter that carries JSON (Tags, Filters, VersionStages…); undefined when absent. */
  json(name: string): unknown {
    const value = this.values.get(name);
    if (value === undefined) return undefined;
    try {
      return JSON.parse(value);
    } catch {
      throw ERRORS.invalid(name, 'It must be valid JSON.');
    }
  }

  /** Repeated parameters `Name.1`, `Name.2`, … in index order (RPC list flattening). */
  list(name: string): string[] {
    return this.indexed(name).map(([, value]) => value);
  }

  /** Repeated structures `Name.N.Field`, as one object per index. */
  structs(name: string, fields: readonly string[]): Array<Record<string, string | undefined>> {
    const indexes = new Set<number>();
    const pattern = new RegExp(`^${name}\\.(\\d+)\\.(?:${fields.join('|')})$`);
    for (const key of this.values.keys()) {
      const match = pattern.exec(key);
      if (match) indexes.add(Number(match[1]));
    }
    return [...indexes]
      .sort((a, b) => a - b)
      .map((index) => Object.fromEntries(fields.map((field) => [field, this.values.get(`${name}.${index}.${field}`)])));
  }

  /** Every `Name.N` value with its index, sorted by index. */
  private indexed(name: string): Array<[number, string]> {
    const pattern = new RegExp(`^${name}\\.(\\d+)$`);
    const found: Array<[number, string]> = [];
    for (const [key, value] of this.values) {
      const match = pattern.exec(key);
      if (match) found.push([Number(match[1]), value]);
    }
    return found.sort((a, b) => a[0] - b[0]);
  }

  /** The parameters as a plain object, for schema validation. */
  toObject(): Record<string, string> {
    // A loop, not Object.fromEntries, which costs several times more; `__proto__` is defined, as there, so it stays data.
    const object: Record<string, string> = {};
    for (const [name, value] of this.values) {
      if (name === '__proto__') Object.defineProperty(object, name, { value, enumerable: true, writable: true, configurable: true });
      else object[name] = value;
    }
    return object;
  }
}
