import { rawAlibaba } from '../../helpers/alibaba.js';
import { addFault, clearFaults, hitsOf } from '../../helpers/faults.js';
import { rawAws, useServer } from '../../helpers/server.js';
import { rawTencent } from '../../helpers/tencent.js';

/** Each cloud's GetSecretValue for `name` through raw HTTP, so status, headers and body are seen as sent. */
const CALLS = {
  aws: (url: string, name: string) => rawAws(url, 'GetSecretValue', { SecretId: name }),
  alibaba: (url: string, name: string) => rawAlibaba(url, { Action: 'GetSecretValue', Version: '2016-01-20', Format: 'JSON', SecretName: name }),
  tencent: (url: string, name: string) => rawTencent(url, 'GetSecretValue', { SecretName: name, VersionId: 'v1' }),
} as const;
type CloudName = keyof typeof CALLS;
const CLOUDS = Object.keys(CALLS) as CloudName[];

/** The code, status and message each cloud's error envelope carries, read from the wire. */
function errorOf(cloud: CloudName, answer: { status: number; json: any; headers: Headers }): { status: number; code: string; message: string } {
  if (cloud === 'aws') return { status: answer.status, code: answer.json.__type, message: answer.json.Message };
  if (cloud === 'alibaba') return { status: answer.status, code: answer.json.Code, message: answer.json.Message };
  return { status: answer.status, code: answer.json.Response.Error.Code, message: answer.json.Response.Error.Message };
}

describe('fault effects on the wire, in each cloud\'s own envelope', () => {
  const server = useServer('memory');
  const url = () => server().url;

  beforeEach(async () => {
    await clearFaults(url());
  });

  it('throttles: AWS ThrottlingException 400, Alibaba Rejected.Throttling 429, Tencent RequestLimitExceeded in a 200 envelope', async () => {
    for (const cloud of CLOUDS) await addFault(url(), { id: `throttle-${cloud}`, match: { cloud }, effect: { kind: 'throttle' } });
    const aws = await CALLS.aws(url(), 'app/db');
    expect(errorOf('aws', aws)).toEqual({ status: 400, code: 'ThrottlingException', message: 'Rate exceeded' });
    expect(aws.headers.get('x-amzn-errortype')).toBe('ThrottlingException');
    expect(aws.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    const alibaba = await CALLS.alibaba(url(), 'app-db');
    expect(errorOf('alibaba', alibaba)).toEqual({ status: 429, code: 'Rejected.Throttling', message: 'QPS Limit Exceeded' });
    expect(alibaba.json).toMatchObject({ HostId: 'kms.cn-hangzhou.aliyuncs.com', RequestId: expect.any(String) });
    const tencent = await CALLS.tencent(url(), 'app-db');
    expect(errorOf('tencent', tencent)).toEqual({ status: 200, code: 'RequestLimitExceeded', message: 'The number of requests exceeds the frequency limit.' });
    expect(tencent.json.Response.RequestId).toEqual(expect.any(String));
    for (const cloud of CLOUDS) expect(await hitsOf(url(), `throttle-${cloud}`)).toBe(1);
  });

  it('fails internally: AWS InternalServiceError 500, Alibaba InternalFailure 500, Tencent InternalError in a 200 envelope', async () => {
    await addFault(url(), { effect: { kind: 'internal' } });
    expect(errorOf('aws', await CALLS.aws(url(), 'a'))).toEqual({ status: 500, code: 'InternalServiceError', message: 'An error occurred on the server side.' });
    expect(errorOf('alibaba', await CALLS.alibaba(url(), 'a'))).toEqual({
      status: 500,
      code: 'InternalFailure',
      message: 'The request processing has failed due to some unknown error.',
    });
    expect(errorOf('tencent', await CALLS.tencent(url(), 'a'))).toEqual({ status: 200, code: 'InternalError', message: 'An internal error occurred.' });
  });

  it('answers a given code with the cloud\'s default status, or the status and message the rule gives', async () => {
    await addFault(url(), { match: { secretName: 'plain-*' }, effect: { kind: 'error', code: 'Some.Code' } });
    await addFault(url(), { match: { secretName: 'full-*' }, effect: { kind: 'error', code: 'ServiceUnavailable', status: 503, message: 'down for a bit' } });
    expect(errorOf('aws', await CALLS.aws(url(), 'plain-1'))).toEqual({ status: 400, code: 'Some.Code', message: 'Some.Code (injected by a polysecret fault rule)' });
    expect(errorOf('alibaba', await CALLS.alibaba(url(), 'plain-1'))).toMatchObject({ status: 400, code: 'Some.Code' });
    expect(errorOf('tencent', await CALLS.tencent(url(), 'plain-1'))).toMatchObject({ status: 200, code: 'Some.Code' });
    for (const cloud of CLOUDS) {
      expect(errorOf(cloud, await CALLS[cloud](url(), 'full-1'))).toEqual({ status: 503, code: 'ServiceUnavailable', message: 'down for a bit' });
    }
  });

  it('adds latency, then answers normally', async () => {
    await addFault(url(), { id: 'slow', effect: { kind: 'latency', ms: 300 } });
    for (const cloud of CLOUDS) {
      const started = Date.now();
      const answer = await CALLS[cloud](url(), 'missing-secret');
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
      // The call went on to the operation: the secret does not exist.
      expect(errorOf(cloud, answer).code).toMatch(/NotFound/);
    }
    expect(await hitsOf(url(), 'slow')).toBe(3);
  });

  it('drops the connection without an answer, and the server keeps serving', async () => {
    await addFault(url(), { id: 'drop', effect: { kind: 'drop' }, times: 3 });
    for (const cloud of CLOUDS) await expect(CALLS[cloud](url(), 'x')).rejects.toThrow();
    for (const cloud of CLOUDS) expect(errorOf(cloud, await CALLS[cloud](url(), 'x')).code).toMatch(/NotFound/);
    expect(await hitsOf(url(), 'drop')).toBe(3);
  });

  it('matches on cloud, action, secret name and namespace', async () => {
    await addFault(url(), { id: 'narrow', match: { cloud: 'aws', action: 'Get*', secretName: 'app/?b', account: '000000000000', region: 'us-east-1' }, effect: { kind: 'throttle' } });
    expect((await CALLS.aws(url(), 'app/db')).json.__type).toBe('ThrottlingException');
    // A full ARN names the secret by its name.
    expect((await CALLS.aws(url(), 'arn:aws:secretsmanager:us-east-1:000000000000:secret:app/db-AbCdEf')).json.__type).toBe('ThrottlingException');
    expect((await CALLS.aws(url(), 'app/dbx')).json.__type).toBe('ResourceNotFoundException');
    expect((await rawAws(url(), 'DescribeSecret', { SecretId: 'app/db' })).json.__type).toBe('ResourceNotFoundException');
    const otherRegion = { authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/eu-west-1/secretsmanager/aws4_request, SignedHeaders=host, Signature=00' };
    expect((await rawAws(url(), 'GetSecretValue', { SecretId: 'app/db' }, otherRegion)).json.__type).toBe('ResourceNotFoundException');
    expect(errorOf('alibaba', await CALLS.alibaba(url(), 'app-db')).code).toBe('Forbidden.ResourceNotFound');
    expect(await hitsOf(url(), 'narrow')).toBe(2);
  });

  it('faults only calls that pass authentication and parsing: a bad call gets its own error', async () => {
    await addFault(url(), { id: 'all', effect: { kind: 'throttle' } });
    expect((await rawAws(url(), 'GetSecretValue', '{not json')).json.__type).toBe('SerializationException');
    expect((await rawAws(url(), 'NoSuchOperation', {})).json.__type).toBe('UnknownOperationException');
    expect(await hitsOf(url(), 'all')).toBe(0);
  });

  it('lists faulted requests in the request log with their error code and rule id', async () => {
    await addFault(url(), { id: 'logged', match: { cloud: 'alibaba' }, effect: { kind: 'throttle' }, times: 1 });
    await addFault(url(), { id: 'dropped', match: { cloud: 'tencent' }, effect: { kind: 'drop' }, times: 1 });
    await CALLS.alibaba(url(), 'x');
    await expect(CALLS.tencent(url(), 'x')).rejects.toThrow();
    const { requests } = (await (await fetch(`${url()}/_emulator/requests`)).json()) as { requests: Array<Record<string, unknown>> };
    const faulted = requests.filter((entry) => entry.fault !== undefined);
    expect(faulted.slice(-2)).toEqual([
      expect.objectContaining({ cloud: 'alibaba', action: 'GetSecretValue', status: 429, errorCode: 'Rejected.Throttling', fault: 'logged' }),
      expect.objectContaining({ cloud: 'tencent', action: 'GetSecretValue', status: 0, fault: 'dropped' }),
    ]);
  });
});
