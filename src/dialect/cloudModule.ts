import type { AuthContext } from '../auth/mode.js';
import type { SecretLifecycle } from '../core/lifecycle.js';
import type { Cloud } from '../core/model.js';
import type { CloudPolicy } from '../core/policy.js';
import type { Dialect } from './contract.js';
import type { FaultErrors, FaultHook } from './faults.js';
import type { Logger } from './logger.js';
import type { CoreErrorMap, VendorError } from './vendorError.js';

/** What the server gives each dialect it builds. */
export interface DialectDeps {
  secrets: SecretLifecycle;
  logger: Logger;
  /** Signature checking and the key → account mapping. */
  auth: AuthContext;
  /** The account of requests whose key names none. */
  account: string;
  /** The region of requests that name none. */
  region: string;
  /**
   * Where the user's rotation functions run, by function ARN (`--rotation-lambda ARN=TARGET`), for
   * clouds whose rotation calls one (AWS). Read at each rotation, so a seed can add to it.
   */
  rotationFunctions: ReadonlyMap<string, string>;
  /** The server's fault rules, asked once per parsed call; none when the server injects no faults. */
  faults?: FaultHook;
}

/**
 * One cloud as the composition root hands it to the server: its lifecycle rules for the core and
 * how to build its dialect. The server knows clouds only through this.
 */
export interface CloudModule {
  readonly cloud: Cloud;
  readonly policy: CloudPolicy;
  /**
   * Where two dialects recognise the same request, the higher precedence answers it: a vendor's
   * own header or API version is more specific than a bare `Action` parameter.
   */
  readonly precedence: number;
  /** How the cloud answers each core refusal: the same map its dialect uses, readable without building one. */
  readonly coreErrors: CoreErrorMap<VendorError>;
  /** The cloud's answers to injected faults: the same its dialect renders, readable without building one. */
  readonly faultErrors: FaultErrors;
  createDialect(deps: DialectDeps): Dialect;
}
