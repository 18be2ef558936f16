import { Ajv, type ValidateFunction } from 'ajv';
import { compileSchemas } from '../dialect/schemas.js';

/** The compiled request schemas of schemas/admin/. */
export interface AdminValidators {
  reset: ValidateFunction;
  seed: ValidateFunction;
  state: ValidateFunction;
  faults: ValidateFunction;
}

/** The schemas of schemas/admin/*.json, each compiled on first use; one set per server, so servers share no mutable state. */
export function compileAdminSchemas(): AdminValidators {
  const compiled = compileSchemas('admin', new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }));
  const get = (name: string) => {
    const schema = compiled.get(name);
    if (!schema) throw new Error(`polysecret: schemas/admin/${name}.json is missing`);
    return schema.validate;
  };
  return {
    get reset() {
      return get('reset');
    },
    get seed() {
      return get('seed');
    },
    get state() {
      return get('state');
    },
    get faults() {
      return get('faults');
    },
  };
}
