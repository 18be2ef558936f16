import { isCoreError } from '../core/errors.js';
import type { Dialect, DialectRequest, DialectResponse, RequestOutcome } from './contract.js';
import type { DialectDeps } from './cloudModule.js';
import { DROP, injectFault, type FaultErrors } from './faults.js';
import { VendorError, type CoreErrorMap } from './vendorError.js';

/** A parsed, authenticated and validated call, ready for its operation. */
export interface ParsedCall<Context> {
  operation: string;
  input: unknown;
  context: Context;
  /** The secret the call names, for fault rules that match on it; undefined when it names none or several. */
  secretName?: string;
}

/** A vendor operation: validated input and its context in, response members out (undefined members are omitted). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Operation<Context> = (input: any, context: Context) => Promise<object>;

/**
 * One vendor's envelope: how its requests are recognised, parsed, authenticated and validated (in
 * the vendor's order), and how answers and errors are rendered. `State` is what rendering needs
 * and is known before parsing succeeds (an answer format, a language, a region); parsing refines it.
 */
export interface DialectProtocol<Context, State, Failure extends VendorError> {
  readonly name: Dialect['name'];
  matches(request: DialectRequest): boolean;
  operationOf(request: DialectRequest): string;
  begin(request: DialectRequest, requestId: string): State;
  /** An answer given before any parsing, for requests the vendor refuses by their framing alone. */
  refuse?(request: DialectRequest, state: State): { response: DialectResponse; errorCode: string } | undefined;
  /** Throws the vendor's error for a bad call; `exists` says whether an operation is known. */
  parse(request: DialectRequest, state: State, outcome: RequestOutcome, exists: (operation: string) => boolean): ParsedCall<Context>;
  /** The members that carry a secret value: those its schemas mark sensitive, and those only answers have. */
  valueMembers(): readonly string[];
  renderSuccess(output: object, state: State): DialectResponse;
  renderError(failure: Failure, state: State): DialectResponse;
  /** The vendor's answer to every core refusal. */
  readonly coreErrors: CoreErrorMap<Failure>;
  /** The vendor's answer when polysecret itself fails. */
  internalError(): Failure;
  /** The vendor's errors for injected faults (throttling, internal, a given code). */
  readonly faultErrors: FaultErrors<Failure>;
  /** The class of the vendor's errors, so the pipeline tells them from polysecret's own failures. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly failureType: abstract new (...args: any[]) => Failure;
}

/** What a dropped call returns; the server sees `outcome.dropConnection` and sends nothing. */
const NO_ANSWER: DialectResponse = { status: 0, headers: {}, body: '' };

/**
 * The one request pipeline every dialect runs: a request id, the vendor's parsing, the operation,
 * then the answer; a vendor error or a core refusal becomes the vendor's error answer, anything
 * else is logged and answered as the vendor's internal error. Never throws for a client mistake.
 */
export function createDialect<Context, State, Failure extends VendorError>(
  protocol: DialectProtocol<Context, State, Failure>,
  operations: ReadonlyMap<string, Operation<Context>>,
  { logger, secrets, faults }: Pick<DialectDeps, 'logger' | 'secrets' | 'faults'>,
): Dialect {
  const exists = (operation: string) => operations.has(operation);
  return {
    name: protocol.name,
    matches: protocol.matches,
    operationOf: protocol.operationOf,
    valueMembers: protocol.valueMembers,
    async handle(request: DialectRequest, outcome: RequestOutcome = {}): Promise<DialectResponse> {
      const state = protocol.begin(request, secrets.ids.uuid());
      const refusal = protocol.refuse?.(request, state);
      if (refusal) {
        outcome.errorCode = refusal.errorCode;
        return refusal.response;
      }
      try {
        const call = protocol.parse(request, state, outcome, exists);
        // Faults are injected after parsing, which authenticates: a real gateway throttles only callers
        // it has identified (limits are per account), and an unsigned request gets its auth error first.
        // Before the operation, so a faulted call changes nothing.
        if (faults?.active) {
          const fault = await injectFault(faults, { cloud: protocol.name, action: call.operation, secretName: call.secretName, namespace: outcome.namespace }, protocol.faultErrors, outcome);
          if (fault === DROP) return NO_ANSWER;
          if (fault) throw fault;
        }
        const output = await operations.get(call.operation)!(call.input, call.context);
        return protocol.renderSuccess(output, state);
      } catch (error) {
        const known = error instanceof protocol.failureType ? error : isCoreError(error) ? protocol.coreErrors[error.reason](error) : undefined;
        if (!known) logger.error(`${protocol.name} ${protocol.operationOf(request)} failed: ${(error as Error)?.stack ?? String(error)}`);
        const failure = known ?? protocol.internalError();
        outcome.errorCode = failure.code;
        return protocol.renderError(failure, state);
      }
    },
  };
}
