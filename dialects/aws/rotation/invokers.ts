/**
 * Where a rotation function runs. A function ARN maps (`--rotation-lambda ARN=TARGET`) to one of:
 *   - `http://host:port` (or https): the AWS Lambda Invoke API, as `sam local start-lambda`,
 *     LocalStack's Lambda and other runtimes serve it;
 *   - `file:PATH#EXPORT`: a local Node module, its export (default `handler`) called in-process;
 *   - `polysecret:generic`: a built-in rotator that writes a new random value.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The steps of a rotation, in order, as Secrets Manager invokes the function [doc: "Rotation function"]. */
export const ROTATION_STEPS = ['createSecret', 'setSecret', 'testSecret', 'finishSecret'] as const;
export type RotationStep = (typeof ROTATION_STEPS)[number];

/** The event a rotation function receives [doc]. */
export interface RotationEvent {
  Step: RotationStep;
  SecretId: string;
  ClientRequestToken: string;
  RotationToken: string;
}

/** What one invocation came to: the function ran and succeeded, or ran and failed. */
export type Invocation = { ok: true } | { ok: false; error: string };

/** The function could not be invoked at all (no such function, nothing listening, a module that does not load). */
export class InvokeFailure extends Error {}

/** Invokes a function with an event. */
export type Invoker = (event: RotationEvent, functionArn: string) => Promise<Invocation>;

const LAMBDA_ARN = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:([A-Za-z0-9_-]{1,140})(?::([A-Za-z0-9$_-]{1,128}))?$/;

/** The function name and qualifier of a Lambda function ARN, or undefined for anything else. */
export function functionOf(arn: string): { name: string; qualifier?: string } | undefined {
  const match = LAMBDA_ARN.exec(arn);
  return match ? { name: match[1], qualifier: match[2] } : undefined;
}

/** The Lambda Invoke API at `base`: a function error is reported by the `X-Amz-Function-Error` header [doc: Invoke]. */
function invokeApi(base: string): Invoker {
  return async (event, arn) => {
    const fn = functionOf(arn);
    const qualifier = fn?.qualifier ? `?Qualifier=${encodeURIComponent(fn.qualifier)}` : '';
    const url = `${base.replace(/\/$/, '')}/2015-03-31/functions/${encodeURIComponent(fn?.name ?? arn)}/invocations${qualifier}`;
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-amz-invocation-type': 'RequestResponse' }, body: JSON.stringify(event) });
    } catch (error) {
      throw new InvokeFailure(`nothing answered at ${base}: ${(error as Error).message}`);
    }
    const body = await response.text();
    if (response.status >= 300) throw new InvokeFailure(`the Invoke API answered ${response.status}: ${body.slice(0, 200)}`);
    const functionError = response.headers.get('x-amz-function-error');
    return functionError ? { ok: false, error: `${functionError}: ${body.slice(0, 500)}` } : { ok: true };
  };
}

type Handler = (event: RotationEvent, context: object, callback?: (error?: unknown, result?: unknown) => void) => unknown;

/** A Node module's export, loaded once, called with the event and a Lambda-like context; a throw is a function error. */
function moduleFunction(target: string): Invoker {
  const [path, exportName = 'handler'] = target.slice('file:'.length).split('#');
  let loaded: Promise<Handler> | undefined;
  const load = async () => {
    const module = (await import(pathToFileURL(resolve(path)).href)) as Record<string, unknown>;
    const handler = module[exportName] ?? (module.default as Record<string, unknown> | undefined)?.[exportName];
    if (typeof handler !== 'function') throw new Error(`${path} has no function ${exportName}`);
    return handler as Handler;
  };
  return async (event, arn) => {
    let handler: Handler;
    try {
      handler = await (loaded ??= load());
    } catch (error) {
      loaded = undefined;
      throw new InvokeFailure(`could not load ${target}: ${(error as Error).message}`);
    }
    const context = {
      functionName: functionOf(arn)?.name ?? arn,
      functionVersion: '$LATEST',
      invokedFunctionArn: arn,
      awsRequestId: event.RotationToken,
      getRemainingTimeInMillis: () => 60_000,
    };
    try {
      // Callback-style handlers (three parameters) answer through the callback, async ones by their promise.
      if (handler.length >= 3) {
        await new Promise((done, fail) => {
          const returned = handler(event, context, (error) => (error ? fail(error) : done(undefined)));
          if (returned instanceof Promise) returned.then(done, fail);
        });
      } else await handler(event, context);
      return { ok: true };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  };
}

/** The invoker for a target; `generic` is the built-in rotator's. */
export function invokerFor(target: string, generic: Invoker): Invoker {
  if (target === 'polysecret:generic') return generic;
  if (target.startsWith('file:')) return moduleFunction(target);
  return invokeApi(target);
}
