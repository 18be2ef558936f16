import type { AlibabaContext } from '../context.js';
import { AlibabaError } from '../errors.js';
import type { Params } from '../params.js';

/** PLACEHOLDER — replaced by the helper that owns RestoreSecret. */
export async function RestoreSecret(_params: Params, _context: AlibabaContext): Promise<object> {
  throw new AlibabaError('InternalFailure', 'not implemented', 500);
}
