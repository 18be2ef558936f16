import type { Driver } from '../outcome.js';
import type { ConformCloud } from '../scenario.js';
import type { DriverTarget } from '../targets.js';
import { alibabaDriver } from './alibaba.js';
import { awsDriver } from './aws.js';
import { tencentDriver } from './tencent.js';

/** Each cloud's driver factory: it imports the cloud's SDK when called, not when this module loads. */
const DRIVERS: Record<ConformCloud, (target: DriverTarget) => Promise<Driver>> = { aws: awsDriver, alibaba: alibabaDriver, tencent: tencentDriver };

/**
 * A fresh driver for `cloud` against `target` (a new driver knows no versions).
 *
 * @throws when the cloud's SDK is not installed (it is a devDependency of polysecret).
 */
export async function driverFor(cloud: ConformCloud, target: DriverTarget): Promise<Driver> {
  try {
    return await DRIVERS[cloud](target);
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') {
      throw new Error(`polysecret conform: the ${cloud} SDK is not installed (${(error as Error).message})`);
    }
    throw error;
  }
}
