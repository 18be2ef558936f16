/**
 * Fault injection as the dialect pipeline sees it: a hook the server injects, asked once per parsed
 * call, and the vendor errors each cloud declares for it. The core knows nothing of faults, and the
 * kit keeps no rules: the server owns them, one set per server.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Cloud } from '../core/model.js';
import type { RequestOutcome } from './contract.js';
import type { VendorError } from './vendorError.js';

/** A parsed, authenticated call, as a fault rule matches it. */
export interface FaultCall {
  cloud: Cloud;
  /** The vendor operation name (`GetSecretValue`, `DescribeSecret`, …). */
  action: string;
  /** The secret the call names (its name, also when given as an ARN); undefined when it names none or several. */
  secretName?: string;
  /** The account and region the call is served in. */
  namespace?: { account: string; region: string };
}

/** What an injected fault does to a call. */
export type FaultEffect =
  | { kind: 'throttle' }
  | { kind: 'internal' }
  | { kind: 'error'; code: string; status?: number; message?: string }
  | { kind: 'latency'; ms: number }
  | { kind: 'drop' };

/** A rule that fired: its id (for the request log) and its effect. */
export interface FiredFault {
  ruleId: string;
  effect: FaultEffect;
}

/** The server's fault rules as the pipeline asks them. */
export interface FaultHook {
  /** Whether any rule exists: without one the pipeline skips fault injection altogether (no call built, no await). */
  readonly active: boolean;
  /** Answers the fault to inject on a parsed call, if any (and counts the hit). */
  fire(call: FaultCall): FiredFault | undefined;
}

/** One vendor error as plain data, for listings (the inspector shows them). */
export interface VendorErrorSummary {
  code: string;
  status: number;
  message: string;
}

/** The errors a cloud answers for injected faults, in its own terms; each cloud's errors module declares them. */
export interface FaultErrors<Failure extends VendorError = VendorError> {
  /** The vendor's answer when its gateway throttles a caller. */
  throttling(): Failure;
  /** The vendor's answer when the service fails on its side. */
  internal(): Failure;
  /** A given code in the vendor's error shape; the status defaults to the vendor's usual client-error status. */
  custom(code: string, message?: string, status?: number): Failure;
}

/** The summary of a vendor error, for listings. */
export function summarize(error: VendorError): VendorErrorSummary {
  return { code: error.code, status: error.status, message: error.message };
}

/** The message of a custom fault error that names none. */
export const INJECTED_MESSAGE = (code: string) => `${code} (injected by a polysecret fault rule)`;

/** Returned by {@link injectFault} when the connection is to be dropped without an answer. */
export const DROP = Symbol('drop connection');

/**
 * Asks the hook about a call and carries out what fired: waits out latency (then the call goes on),
 * marks a drop in the outcome (the server destroys the socket), or answers the vendor error to throw.
 */
export async function injectFault<Failure extends VendorError>(
  hook: FaultHook,
  call: FaultCall,
  errors: FaultErrors<Failure>,
  outcome: RequestOutcome,
): Promise<Failure | typeof DROP | undefined> {
  const fired = hook.fire(call);
  if (!fired) return undefined;
  outcome.faultRule = fired.ruleId;
  const { effect } = fired;
  switch (effect.kind) {
    case 'latency':
      await sleep(effect.ms);
      return undefined;
    case 'drop':
      outcome.dropConnection = true;
      return DROP;
    case 'throttle':
      return errors.throttling();
    case 'internal':
      return errors.internal();
    case 'error':
      return errors.custom(effect.code, effect.message, effect.status);
  }
}
