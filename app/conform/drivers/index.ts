import type { Driver } from '../outcome.js';
import type { ConformCloud } from '../scenario.js';
import type { DriverTarget } from '../targets.js';
import { alibabaDriver } from './alibaba.js';
import { awsDriver } from './aws.js';
import { tencentDriver } from './tencent.js';

/** A cloud's SDK is not installed: `polysecret conform` needs it (npm installs them as optional dependencies). */
export class MissingSdkError extends Error {
  override name = 'MissingSdkError';
}

/** Each cloud's driver factory: it imports the cloud's SDK when called, not when this module loads. */
const DRIVERS: Record<ConformCloud, (target: DriverTarget) => Promise<Driver>> = { aws: awsDriver, alibaba: alibabaDriver, tencent: tencentDriver };

/**
 * A fresh driver for `cloud` against `target` (a new driver knows no versions).
 *
 * @throws {@link MissingSdkError} when the cloud's SDK is not installed.
 */
export async function driverFor(cloud: ConformCloud, target: DriverTarget): Promise<Driver> {
  try {
    return await DRIVERS[cloud](target);
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') {
      throw new MissingSdkError(`the ${cloud} SDK is not installed (${(error as Error).message})`);
    }
    throw error;
  }
}
