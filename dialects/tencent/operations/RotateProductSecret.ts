import type { TencentContext } from '../context.js';
import { ERRORS } from '../errors.js';

/** PLACEHOLDER — replaced by the helper that owns RotateProductSecret. */
export async function RotateProductSecret(_input: unknown, _context: TencentContext): Promise<object> {
  throw ERRORS.internal();
}
