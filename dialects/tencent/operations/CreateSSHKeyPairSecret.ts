import type { TencentContext } from '../context.js';
import { ERRORS } from '../errors.js';

/** PLACEHOLDER — replaced by the helper that owns CreateSSHKeyPairSecret. */
export async function CreateSSHKeyPairSecret(_input: unknown, _context: TencentContext): Promise<object> {
  throw ERRORS.internal();
}
