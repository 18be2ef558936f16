import type { AwsContext } from '../context.js';
import { AwsError } from '../envelope.js';
import { MESSAGES } from '../messages.js';

/** CancelRotateSecret: not supported yet, like RotateSecret. */
export async function CancelRotateSecret(_input: unknown, _context: AwsContext): Promise<object> {
  throw new AwsError('NotImplementedException', MESSAGES.notSupportedYet('CancelRotateSecret'), 501);
}
