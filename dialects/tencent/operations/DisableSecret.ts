import type { TencentContext } from '../context.js';
import { ERRORS } from '../errors.js';

/** PLACEHOLDER — replaced by the helper that owns DisableSecret. */
export async function DisableSecret(_input: unknown, _context: TencentContext): Promise<object> {
  throw ERRORS.internal();
}
