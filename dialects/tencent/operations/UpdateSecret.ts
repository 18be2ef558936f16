import type { TencentContext } from '../context.js';
import { ERRORS } from '../errors.js';

/** PLACEHOLDER — replaced by the helper that owns UpdateSecret. */
export async function UpdateSecret(_input: unknown, _context: TencentContext): Promise<object> {
  throw ERRORS.internal();
}
