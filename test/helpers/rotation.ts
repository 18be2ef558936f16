/**
 * What the AWS rotation tests run functions with: the rotation function of
 * test/helpers/singleUserRotation.mjs, and a real AWS Lambda Invoke API endpoint serving it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The fixture module, as a `file:` target and as a path to import. */
export const ROTATION_MODULE = fileURLToPath(new URL('./singleUserRotation.mjs', import.meta.url));

export type RotationHandler = (event: { Step: string; SecretId: string; ClientRequestToken: string; RotationToken?: string }) => Promise<unknown>;

/** The fixture's functions and the simulated service the rotation sets passwords on. */
export async function rotationModule(): Promise<{ handler: RotationHandler; failingHandler: RotationHandler; service: Map<string, string> }> {
  return (await import(ROTATION_MODULE)) as never;
}

/** A started Invoke API: its URL, every event it was invoked with, and a stop. */
export interface InvokeApi {
  url: string;
  invocations: Array<{ functionName: string; qualifier: string | null; event: Record<string, unknown> }>;
  stop(): Promise<void>;
}

/**
 * `POST /2015-03-31/functions/{name}/invocations` as AWS Lambda answers it [doc: Invoke]: 200 with
 * the function's result, or with `X-Amz-Function-Error: Unhandled` and `{errorMessage, errorType}`
 * when it throws; 404 ResourceNotFoundException for a function it does not have.
 */
export async function startInvokeApi(functions: Record<string, RotationHandler>): Promise<InvokeApi> {
  const invocations: InvokeApi['invocations'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const match = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/.exec(url.pathname);
      const functionName = match ? decodeURIComponent(match[1]) : '';
      const handler = functions[functionName];
      if (req.method !== 'POST' || !handler) {
        res.writeHead(404, { 'content-type': 'application/json', 'x-amzn-errortype': 'ResourceNotFoundException' });
        res.end(JSON.stringify({ Type: 'User', message: `Function not found: ${functionName}` }));
        return;
      }
      const event = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      invocations.push({ functionName, qualifier: url.searchParams.get('Qualifier'), event });
      try {
        const result = await handler(event as never);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(result ?? null));
      } catch (error) {
        res.writeHead(200, { 'content-type': 'application/json', 'x-amz-function-error': 'Unhandled' });
        res.end(JSON.stringify({ errorMessage: (error as Error).message, errorType: (error as Error).name }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    invocations,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Points the AWS SDK inside the rotation function at polysecret, as a deployed function's own
 * environment would point it at AWS; restores the environment when the suite ends.
 */
export function useFunctionEnvironment(url: () => string): void {
  const names = ['AWS_ENDPOINT_URL_SECRETS_MANAGER', 'AWS_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'];
  const saved = new Map<string, string | undefined>();
  beforeAll(() => {
    for (const name of names) saved.set(name, process.env[name]);
    Object.assign(process.env, { AWS_ENDPOINT_URL_SECRETS_MANAGER: url(), AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret' });
  });
  afterAll(() => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
}
