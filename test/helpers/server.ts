import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateSecretCommand, DeleteSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createPolysecret, type Polysecret, type PolysecretOverrides } from '../../app/index.js';
import type { PolysecretConfig } from '../../src/server/config.js';

/** The two persistence modes every integration suite runs against. */
export const STORES = ['memory', 'lowdb'] as const;
export type StoreKind = (typeof STORES)[number];

/** A started server and what a test needs to reach it. */
export interface TestServer {
  url: string;
  polysecret: Polysecret;
  dataDir?: string;
  stop(): Promise<void>;
}

/** Starts a real server on a free port, with its own temp data dir for `lowdb`. */
export async function startServer(kind: StoreKind, overrides: PolysecretOverrides & Partial<PolysecretConfig> = {}): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? (kind === 'lowdb' ? await mkdtemp(join(tmpdir(), 'polysecret-test-')) : undefined);
  const config: PolysecretConfig = {
    host: '127.0.0.1',
    port: 0,
    dataDir,
    awsAccount: overrides.awsAccount ?? '000000000000',
    awsRegion: overrides.awsRegion ?? 'us-east-1',
    alibabaAccount: overrides.alibabaAccount ?? '1234567890123456',
    alibabaRegion: overrides.alibabaRegion ?? 'cn-hangzhou',
    tencentAccount: overrides.tencentAccount ?? '100000000001',
    tencentRegion: overrides.tencentRegion ?? 'ap-guangzhou',
    auth: overrides.auth ?? 'permissive',
    credentialsFile: overrides.credentialsFile,
    seedFile: overrides.seedFile,
    tls: overrides.tls,
    tlsCert: overrides.tlsCert,
    tlsKey: overrides.tlsKey,
    tlsDir: overrides.tlsDir,
    initDir: overrides.initDir,
    adminToken: overrides.adminToken,
    allowedHosts: overrides.allowedHosts,
    encryptionKeyFile: overrides.encryptionKeyFile,
    rotationLambdas: overrides.rotationLambdas,
    logLevel: 'silent',
  };
  const polysecret = createPolysecret(config, overrides);
  const url = await polysecret.start();
  return {
    url,
    polysecret,
    dataDir,
    async stop() {
      await polysecret.stop();
      if (dataDir && !overrides.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Registers a server for the enclosing describe, wiped before each test. */
export function useServer(kind: StoreKind, overrides: PolysecretOverrides & Partial<PolysecretConfig> = {}): () => TestServer {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(kind, overrides);
  });
  beforeEach(async () => {
    // Through the engine: in strict mode the admin API may be closed to the test.
    await server.polysecret.engine.reset();
  });
  afterAll(async () => {
    await server.stop();
  });
  return () => server;
}

/** The official AWS SDK v3 client pointed at the server. */
export function awsClient(
  url: string,
  options: { region?: string; accessKeyId?: string; secretAccessKey?: string; sessionToken?: string } = {},
): SecretsManagerClient {
  return new SecretsManagerClient({
    endpoint: url,
    region: options.region ?? 'us-east-1',
    credentials: {
      accessKeyId: options.accessKeyId ?? 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: options.secretAccessKey ?? 'secret',
      sessionToken: options.sessionToken,
    },
    maxAttempts: 1,
  });
}

/**
 * Headers that place a raw call in `region`: a SigV4 Authorization whose credential scope names it.
 * Permissive mode reads the scope without checking the signature.
 */
export function regionHeaders(region: string): Record<string, string> {
  return {
    authorization: `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20250101/${region}/secretsmanager/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`,
  };
}

/** A raw JSON 1.1 call, for what the SDK hides (status, headers, exact body). */
export async function rawAws(
  url: string,
  operation: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; text: string; json: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `secretsmanager.${operation}`,
      ...headers,
    },
    body: typeof body === 'string' ? body : body instanceof Uint8Array ? Uint8Array.from(body) : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Runs `fn`, expecting it to reject with an AWS SDK error; returns that error. */
export async function sdkError(promise: Promise<unknown>): Promise<{ name: string; message: string; $metadata: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (error) {
    return error as never;
  }
  throw new Error('expected the call to fail');
}

/**
 * Ids naming no secret in us-east-1, each a different way: a name, a full and a partial ARN, the
 * ARN and partial ARN of a secret force-deleted just now, and a name used only in another region.
 */
export async function missingSecretIds(url: string): Promise<string[]> {
  const client = awsClient(url);
  const { ARN: gone } = await client.send(new CreateSecretCommand({ Name: 'gone/secret', SecretString: 'x' }));
  await client.send(new DeleteSecretCommand({ SecretId: gone, ForceDeleteWithoutRecovery: true }));
  await awsClient(url, { region: 'eu-west-1' }).send(new CreateSecretCommand({ Name: 'elsewhere', SecretString: 'x' }));
  const arn = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:missing';
  return ['missing', `${arn}-AbCdEf`, arn, gone!, gone!.slice(0, -7), 'elsewhere'];
}

/** Expects an SDK call to fail as AWS's ResourceNotFoundException for a missing secret does. */
export async function expectSecretNotFound(call: Promise<unknown>, message: string): Promise<void> {
  const error = await sdkError(call);
  expect([error.name, error.message, error.$metadata.httpStatusCode]).toEqual(['ResourceNotFoundException', message, 400]);
}
