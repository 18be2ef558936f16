import type { AwsContext } from '../context.js';
import { AwsError } from '../envelope.js';
import { MESSAGES } from '../messages.js';

/** RotateSecret: not supported yet; answers a 501 that names the operation rather than pretending to rotate. */
export async function RotateSecret(_input: unknown, _context: AwsContext): Promise<object> {
  throw new AwsError('NotImplementedException', MESSAGES.notSupportedYet('RotateSecret'), 501);
}
