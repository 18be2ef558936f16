import type { SecretValue } from '../../src/core/model.js';

/** SSM timestamps: unix seconds as integers. */
export function unixSeconds(ms: number | undefined): number {
  return ms === undefined ? 0 : Math.floor(ms / 1000);
}

/** Both value members, the unused one as "" — clients such as Terraform dereference both [docs example]. */
export function valueMembers(value: SecretValue | undefined): { SecretBinary: string; SecretString: string } {
  return {
    SecretBinary: value?.type === 'binary' ? value.data : '',
    SecretString: value?.type === 'string' ? value.data : '',
  };
}
