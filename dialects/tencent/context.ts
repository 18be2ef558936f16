import type { SecretLifecycle } from '../../src/core/lifecycle.js';
import type { Namespace } from '../../src/core/model.js';

/** What every SSM action gets. */
export interface TencentContext {
  secrets: SecretLifecycle;
  /** The caller's (account, region) namespace. */
  ns: Namespace;
  /** The region of requests that name none (the server's configured Tencent region). */
  defaultRegion: string;
}

/** An action: schema-checked input in, response members out. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TencentOperation = (input: any, context: TencentContext) => Promise<object>;
