/**
 * Real wire requests for each dialect, signed as the vendors' SDKs sign them, so the same requests
 * pass strict mode. Signing reuses the server's published canonicalisation helpers: the benchmark
 * measures the server's cost of checking a signature, not whether the helpers are right (the tests
 * prove that against the SDKs and the captured requests).
 */
import { randomUUID } from 'node:crypto';
import { canonicalRequest, formatAmzDate, sign, stringToSign } from '../dialects/aws/signature.js';
import { percentEncode, v1Signature, v1StringToSign } from '../dialects/alibaba/signature.js';
import { tc3Signature } from '../dialects/tencent/signature.js';
import { sha256Hex } from '../src/auth/crypto.js';

/** One HTTP request as autocannon sends it. */
export interface WireRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Keys the benchmark signs with; the strict-mode credentials file lists the same ones. */
export const BENCH_KEYS = {
  aws: { accessKeyId: 'AKIABENCHMARK0000001', secretAccessKey: 'bench-aws-secret', accountId: '000000000000' },
  alibaba: { accessKeyId: 'benchAccessKeyId', accessKeySecret: 'benchAccessKeySecret', accountId: '1234567890123456' },
  tencent: { secretId: 'AKIDbench0000000000000000000000000000', secretKey: 'bench-tencent-secret', appId: '1250000000', uin: '100000000001' },
};

/** The admin token of a strict server, which the benchmark seeds through the admin API. */
export const BENCH_ADMIN_TOKEN = 'bench-admin-token-000001';

/** The credentials file a strict server needs to accept {@link BENCH_KEYS} and {@link BENCH_ADMIN_TOKEN}. */
export function credentialsDocument(): object {
  return { aws: [BENCH_KEYS.aws], alibaba: [BENCH_KEYS.alibaba], tencent: [BENCH_KEYS.tencent], admin: { token: BENCH_ADMIN_TOKEN } };
}

/** An AWS Secrets Manager JSON 1.1 call, SigV4-signed for us-east-1. */
export function awsRequest(host: string, operation: string, input: object): WireRequest {
  const body = JSON.stringify(input);
  const now = Date.now();
  const amzDate = formatAmzDate(now);
  const headers: Record<string, string> = {
    'content-type': 'application/x-amz-json-1.1',
    host,
    'x-amz-date': amzDate,
    'x-amz-target': `secretsmanager.${operation}`,
  };
  const signedHeaders = Object.keys(headers).sort();
  const request = { method: 'POST', path: '/', headers, query: new URLSearchParams(), rawQuery: '', body: Buffer.from(body), bodyTooLarge: false };
  const scope = { date: amzDate.slice(0, 8), region: 'us-east-1', service: 'secretsmanager' };
  const toSign = stringToSign(amzDate, `${scope.date}/${scope.region}/${scope.service}/aws4_request`, canonicalRequest(request, signedHeaders));
  const { accessKeyId, secretAccessKey } = BENCH_KEYS.aws;
  headers.authorization =
    `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${scope.date}/${scope.region}/${scope.service}/aws4_request, ` +
    `SignedHeaders=${signedHeaders.join(';')}, Signature=${sign(secretAccessKey, scope, toSign)}`;
  return { method: 'POST', path: '/', headers, body };
}

/**
 * An Alibaba KMS RPC call as a V1-signed form POST (pop-core's framing), in JSON or XML. Each call
 * gets a fresh SignatureNonce, as strict mode refuses a replayed one.
 */
export function alibabaRequest(action: string, params: Record<string, string>, format: 'JSON' | 'XML' = 'JSON'): WireRequest {
  const all = new Map<string, string>(
    Object.entries({
      Action: action,
      Version: '2016-01-20',
      Format: format,
      RegionId: 'cn-hangzhou',
      AccessKeyId: BENCH_KEYS.alibaba.accessKeyId,
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      SignatureNonce: randomUUID(),
      Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      ...params,
    }),
  );
  all.set('Signature', v1Signature(BENCH_KEYS.alibaba.accessKeySecret, v1StringToSign('POST', all)));
  const body = [...all].map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`).join('&');
  return { method: 'POST', path: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body };
}

/** A Tencent SSM API 3.0 call: TC3-HMAC-SHA256-signed JSON POST, as the Node SDK sends it. */
export function tencentRequest(host: string, action: string, input: object): WireRequest {
  const body = JSON.stringify(input);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const date = new Date(Number(timestamp) * 1000).toISOString().slice(0, 10);
  const contentType = 'application/json; charset=utf-8';
  const signature = tc3Signature(BENCH_KEYS.tencent.secretKey, {
    method: 'POST',
    canonicalQuery: '',
    canonicalHeaders: `content-type:${contentType}\nhost:${host}\n`,
    signedHeaders: 'content-type;host',
    payloadHash: sha256Hex(body),
    timestamp,
    date,
    service: 'ssm',
  });
  const headers = {
    'content-type': contentType,
    host,
    'x-tc-action': action,
    'x-tc-version': '2019-09-23',
    'x-tc-region': 'ap-guangzhou',
    'x-tc-timestamp': timestamp,
    authorization: `TC3-HMAC-SHA256 Credential=${BENCH_KEYS.tencent.secretId}/${date}/ssm/tc3_request, SignedHeaders=content-type;host, Signature=${signature}`,
  };
  return { method: 'POST', path: '/', headers, body };
}
