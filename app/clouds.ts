import { alibabaCloud } from '../dialects/alibaba/index.js';
import { awsCloud } from '../dialects/aws/index.js';
import { tencentCloud } from '../dialects/tencent/index.js';
import type { CloudModule } from '../src/dialect/cloudModule.js';

/** Every cloud polysecret speaks: the one place that knows them all. */
export const CLOUDS: readonly CloudModule[] = [awsCloud, alibabaCloud, tencentCloud];
