/** The scenarios: which server each runs against and what it sends. */
import { randomUUID } from 'node:crypto';
import { alibabaRequest, awsRequest, tencentRequest } from './wire.js';
import { valueOf } from './population.js';
import type { RequestSource } from './load.js';

/** Bytes in every value the benchmark reads and writes. */
export const VALUE_BYTES = 1024;
/** The secret each read scenario reads, in every cloud. */
export const READ_SECRET = 'bench-read';
/** Prefix of the secrets write scenarios spread their versions over. */
export const POOL_PREFIX = 'bench-pool-';

/** A measured load against one server. */
export interface Scenario {
  name: string;
  /** What it measures, for the table. */
  title: string;
  source: (host: string) => RequestSource;
  /** Tencent answers errors with HTTP 200: count its error envelopes. */
  bodyIsError?: (body: string) => boolean;
  /** Keep-alive connections; the run's `--connections` when absent. */
  connections?: number;
}

const tencentError = (body: string): boolean => body.includes('"Error"');

/** Writes go round-robin over `poolSize` secrets, so no secret reaches its cloud's version cap. */
function roundRobin(poolSize: number): () => string {
  let next = 0;
  return () => `${POOL_PREFIX}${next++ % poolSize}`;
}

/** GetSecretValue in every dialect. */
export function readScenarios(): Scenario[] {
  return [
    { name: 'get-aws', title: 'GetSecretValue, AWS JSON 1.1', source: (host) => awsRequest(host, 'GetSecretValue', { SecretId: READ_SECRET }) },
    { name: 'get-alibaba-json', title: 'GetSecretValue, Alibaba RPC JSON', source: () => alibabaRequest('GetSecretValue', { SecretName: READ_SECRET }) },
    { name: 'get-alibaba-xml', title: 'GetSecretValue, Alibaba RPC XML', source: () => alibabaRequest('GetSecretValue', { SecretName: READ_SECRET }, 'XML') },
    {
      name: 'get-tencent',
      title: 'GetSecretValue, Tencent TC3 JSON',
      source: (host) => tencentRequest(host, 'GetSecretValue', { SecretName: READ_SECRET, VersionId: 'SSM_Current' }),
      bodyIsError: tencentError,
    },
  ];
}

/**
 * How many secrets each cloud's write pool needs so `maxWrites` PutSecretValue calls leave no secret
 * with more than 10 versions: SSM refuses an 11th, and AWS (which keeps up to 100 for a day) and
 * KMS (10, purging the oldest) would otherwise measure copying long version lists rather than a
 * typical write.
 */
export function poolSizes(maxWrites: number): { aws: number; alibaba: number; tencent: number } {
  const size = Math.ceil(maxWrites / 9);
  return { aws: size, alibaba: size, tencent: size };
}

const slug = (text: string) => text.replace(/ /g, '-');

/** PutSecretValue in every dialect, `suffix` naming the store (memory or disk). */
export function writeScenarios(suffix: string, pools: ReturnType<typeof poolSizes>): Scenario[] {
  const value = valueOf(VALUE_BYTES);
  return [
    {
      name: `put-aws-${slug(suffix)}`,
      title: `PutSecretValue, AWS, ${suffix}`,
      source: (host) => {
        const target = roundRobin(pools.aws);
        return () => awsRequest(host, 'PutSecretValue', { SecretId: target(), SecretString: value, ClientRequestToken: randomUUID() });
      },
    },
    {
      name: `put-alibaba-${slug(suffix)}`,
      title: `PutSecretValue, Alibaba JSON, ${suffix}`,
      source: () => {
        const target = roundRobin(pools.alibaba);
        return () => alibabaRequest('PutSecretValue', { SecretName: target(), VersionId: randomUUID(), SecretData: value });
      },
    },
    {
      name: `put-tencent-${slug(suffix)}`,
      title: `PutSecretValue, Tencent, ${suffix}`,
      source: (host) => {
        const target = roundRobin(pools.tencent);
        return () => tencentRequest(host, 'PutSecretValue', { SecretName: target(), VersionId: randomUUID(), SecretString: value });
      },
      bodyIsError: tencentError,
    },
  ];
}

/** The other common AWS calls, in memory, with `secrets` AWS secrets in the namespace. */
export function awsCallScenarios(secrets: number): Scenario[] {
  let created = 0;
  return [
    { name: 'describe-aws', title: 'DescribeSecret, AWS', source: (host) => awsRequest(host, 'DescribeSecret', { SecretId: READ_SECRET }) },
    { name: 'list-aws', title: `ListSecrets (a page of 100 of ${secrets}), AWS`, source: (host) => awsRequest(host, 'ListSecrets', { MaxResults: 100 }) },
    {
      name: 'create-aws',
      title: 'CreateSecret, AWS',
      source: (host) => () =>
        awsRequest(host, 'CreateSecret', { Name: `bench-created-${process.pid}-${created++}`, SecretString: valueOf(VALUE_BYTES), ClientRequestToken: randomUUID() }),
    },
  ];
}

/** Reads with every signature verified (strict mode). */
export function strictScenarios(): Scenario[] {
  return readScenarios()
    .filter((scenario) => scenario.name !== 'get-alibaba-xml')
    .map((scenario) => ({
      ...scenario,
      name: `strict-${scenario.name}`,
      title: `${scenario.title}, strict auth`,
      // A strict server refuses a replayed Alibaba nonce: sign each call afresh.
      source: scenario.name.includes('alibaba') ? () => () => alibabaRequest('GetSecretValue', { SecretName: READ_SECRET }) : scenario.source,
    }));
}

/**
 * The scenarios again at each of `counts` connections, as latency-bound clients (an SDK test awaiting
 * each call) drive a server: rows of their own, named `<name>-c<count>`.
 */
export function atFewConnections(scenarios: Scenario[], counts: readonly number[]): Scenario[] {
  return scenarios.flatMap((scenario) => counts.map((connections) => ({ ...scenario, name: `${scenario.name}-c${connections}`, connections })));
}

/**
 * The write repeated at few connections: AWS's, as AWS keeps up to 100 versions of a secret. Each
 * run restarts at the pool's first secret, so repeated runs add versions that SSM (10 at most) would
 * refuse; a few more versions only lengthen AWS's lists a little.
 */
export const FEW_CONNECTIONS_WRITE = 'put-aws-memory';
