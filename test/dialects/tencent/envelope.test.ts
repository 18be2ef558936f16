import { readdirSync, readFileSync } from 'node:fs';
import { actionOf, isTencentRequest, parseCall } from '../../../dialects/tencent/envelope.js';
import type { DialectRequest } from '../../../src/dialect/contract.js';
import { rawTencent, TENCENT_FRAMINGS, tencentClient, tencentError } from '../../helpers/tencent.js';
import { STORES, useServer } from '../../helpers/server.js';

const CAPTURES_DIR = new URL('../../fixtures/tencent-sdk-captures/', import.meta.url);

/** A request the real Node SDK sent, as recorded (data only: we parse and replay it, never copy its answers). */
interface Capture {
  seq: number;
  label: string;
  action: string;
  method: string;
  url: string;
  rawHeaders: Array<[string, string]>;
  bodyRaw: string;
}

const captures: Capture[] = readdirSync(CAPTURES_DIR)
  .filter((file) => /^\d+-.*\.json$/.test(file))
  .sort()
  .map((file) => JSON.parse(readFileSync(new URL(file, CAPTURES_DIR), 'utf8')) as Capture);

function toRequest(capture: Capture): DialectRequest {
  const url = new URL(capture.url, 'http://127.0.0.1');
  const headers = Object.fromEntries(capture.rawHeaders.map(([name, value]) => [name.toLowerCase(), value]));
  return {
    method: capture.method,
    path: url.pathname,
    headers,
    query: url.searchParams,
    rawQuery: url.search.slice(1),
    body: Buffer.from(capture.bodyRaw ?? '', 'utf8'),
    bodyTooLarge: false,
  };
}

const DEFAULTS = { account: '100000000001', region: 'ap-guangzhou' };
const COMMON = ['Action', 'Version', 'Region', 'Timestamp', 'Nonce', 'SecretId', 'Signature', 'SignatureMethod', 'Token', 'Language', 'RequestClient'];

describe('Tencent captures as parser vectors', () => {
  it('cover TC3 POST and GET and the HmacSHA1/HmacSHA256 framings', () => {
    expect(captures.length).toBe(23);
    expect(new Set(captures.map((c) => c.method))).toEqual(new Set(['POST', 'GET']));
  });

  it.each(captures.map((c) => [`${c.seq} ${c.label}`, c] as const))('%s: recognised, action read, no common parameter leaks into the input', (_, capture) => {
    const request = toRequest(capture);
    expect(isTencentRequest(request)).toBe(true);
    expect(actionOf(request)).toBe(capture.action);
    const call = parseCall(request, DEFAULTS);
    expect(call.version).toBe('2019-09-23');
    expect(call.region).toBe('ap-guangzhou');
    for (const name of COMMON) expect(call.input).not.toHaveProperty(name);
  });

  it('rebuilds flattened names into nested objects and arrays', () => {
    const get = captures.find((c) => c.label === 'tc3-GET-ListSecrets')!;
    expect(parseCall(toRequest(get), DEFAULTS).input).toEqual({ Limit: '5', TagFilters: [{ TagKey: 'env', TagValue: ['dev'] }] });
    const form = captures.find((c) => c.label === 'v1-HmacSHA256-CreateSecret')!;
    const call = parseCall(toRequest(form), DEFAULTS);
    expect(call.flattened).toBe(true);
    expect(call.input).toEqual({ SecretName: 'cap-demo', VersionId: 'v1', SecretString: 'a b&c=d+e/é', Tags: [{ TagKey: 'env', TagValue: 'dev' }] });
  });

  it('reads the language of the answer from X-TC-Language', () => {
    const withLanguage = captures.find((c) => c.label.includes('language'))!;
    const asked = withLanguage.rawHeaders.find(([name]) => name === 'X-TC-Language')![1];
    expect(parseCall(toRequest(withLanguage), DEFAULTS).language).toBe(asked);
    const chinese = { ...toRequest(withLanguage), headers: { ...toRequest(withLanguage).headers, 'x-tc-language': 'zh-CN' } };
    expect(parseCall(chinese, DEFAULTS).language).toBe('zh-CN');
  });
});

describe.each(STORES)('Tencent API 3.0 envelope (%s store)', (kind) => {
  const server = useServer(kind);

  it('replays every capture with HTTP 200, application/json, a RequestId and no gateway error', async () => {
    for (const capture of captures) {
      const response = await fetch(`${server().url}${capture.url}`, {
        method: capture.method,
        headers: capture.rawHeaders.filter(([name]) => !['host', 'content-length', 'connection'].includes(name.toLowerCase())),
        body: capture.method === 'POST' ? capture.bodyRaw : undefined,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
      const body = (await response.json()) as { Response: { RequestId: string; Error?: { Code: string } } };
      expect(body.Response.RequestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(['InvalidAction', 'UnknownParameter', 'MissingParameter', 'InvalidParameter', 'InternalError']).not.toContain(body.Response.Error?.Code);
    }
  });

  it('answers errors with HTTP 200 and the Error envelope, echoing X-TC-TraceId', async () => {
    const response = await rawTencent(server().url, 'GetSecretValue', { SecretName: 'missing', VersionId: 'v1' }, { 'x-tc-traceid': 'trace-1' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-tc-traceid')).toBe('trace-1');
    expect(Object.keys(response.json)).toEqual(['Response']);
    expect(Object.keys(response.json.Response).sort()).toEqual(['Error', 'RequestId']);
    expect(response.json.Response.Error.Code).toBe('ResourceNotFound');
  });

  it('checks the action, then the version, then unknown, missing and mistyped parameters, with the gateway messages', async () => {
    const cases: Array<[string, Record<string, string>, unknown, string, string]> = [
      ['NoSuchAction', {}, {}, 'InvalidAction', 'The request `Action` is invalid or not found.'],
      ['GetSecretValue', { 'x-tc-version': '2018-01-01' }, {}, 'NoSuchVersion', 'The specified api version=`2018-01-01` does not exist in service=`ssm`.'],
      ['GetSecretValue', {}, { SecretName: 'a', VersionId: 'v', Extra: 1 }, 'UnknownParameter', 'The parameter `Extra` is not recognized.'],
      ['GetSecretValue', {}, { SecretName: 'a' }, 'MissingParameter', 'The request is missing a required parameter `VersionId`.'],
      ['GetSecretValue', {}, { SecretName: 'a', VersionId: 7 }, 'InvalidParameter', 'Parameter `VersionId` type error.'],
      ['CreateSecret', {}, { SecretName: 'a', SecretString: 'v', Tags: [{ TagKey: 'k' }] }, 'MissingParameter', 'The request is missing a required parameter `Tags.0.TagValue`.'],
    ];
    for (const [action, headers, body, code, message] of cases) {
      const response = await rawTencent(server().url, action, body, headers);
      expect([response.status, response.json.Response.Error]).toEqual([200, { Code: code, Message: message }]);
    }
  });

  it('answers in Chinese when X-TC-Language is zh-CN', async () => {
    const response = await rawTencent(server().url, 'GetSecretValue', { SecretName: 'a' }, { 'x-tc-language': 'zh-CN' });
    expect(response.json.Response.Error).toEqual({ Code: 'MissingParameter', Message: '缺少必填参数`VersionId`。' });
  });

  it('answers a malformed JSON body with an error envelope (HTTP 200), and a body over 1 MiB in one with 413', async () => {
    const malformed = await rawTencent(server().url, 'GetSecretValue', '{"SecretName":');
    expect([malformed.status, malformed.json.Response.Error.Code]).toEqual([200, 'InvalidParameter']);
    const huge = await rawTencent(server().url, 'CreateSecret', { SecretName: 'big', SecretString: 'x'.repeat(2 * 1024 * 1024) });
    expect([huge.status, huge.json.Response.Error.Code]).toEqual([413, 'RequestSizeLimitExceeded']);
  });

  it('refuses a JSON body or form parameters that are not UTF-8 with InvalidParameter, storing nothing altered', async () => {
    const body = Buffer.concat([Buffer.from('{"SecretName":"latin1","VersionId":"v1","SecretString":"caf'), Buffer.from([0xe9]), Buffer.from('"}')]);
    const json = await rawTencent(server().url, 'CreateSecret', body);
    expect([json.status, json.json.Response.Error]).toEqual([200, { Code: 'InvalidParameter', Message: 'The request body is not valid JSON.' }]);
    const form = await fetch(server().url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=CreateSecret&Version=2019-09-23&Region=ap-guangzhou&SecretName=form&VersionId=v1&SecretString=caf%E9',
    });
    expect(((await form.json()) as any).Response.Error).toEqual({ Code: 'InvalidParameter', Message: 'The request parameters are not valid UTF-8.' });
    for (const SecretName of ['latin1', 'form']) {
      const read = await rawTencent(server().url, 'GetSecretValue', { SecretName, VersionId: 'v1' });
      expect(read.json.Response.Error.Code).toBe('ResourceNotFound');
    }
  });

  it('converts flattened string values by the schema types, and rejects those that do not convert', async () => {
    const form = await fetch(server().url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=CreateSecret&Version=2019-09-23&SecretId=AKIDx&Nonce=1&SecretName=typed&SecretString=v&SecretType=0&Tags.0.TagKey=k&Tags.0.TagValue=v',
    });
    expect(((await form.json()) as { Response: { VersionId: string } }).Response.VersionId).toBe('SSM_Current');
    const wrong = await fetch(`${server().url}/?Action=CreateSecret&Version=2019-09-23&SecretId=AKIDx&Nonce=1&SecretName=typed2&SecretString=v&SecretType=zero`);
    expect(((await wrong.json()) as { Response: { Error: { Code: string; Message: string } } }).Response.Error).toEqual({
      Code: 'InvalidParameter',
      Message: 'Parameter `SecretType` type error.',
    });
  });

  it('exposes the code and the request id on SDK exceptions under every framing', async () => {
    for (const framing of TENCENT_FRAMINGS) {
      const error = await tencentError(tencentClient(server().url, framing).GetSecretValue({ SecretName: 'missing', VersionId: 'v1' }));
      expect(error.code).toBe('ResourceNotFound');
      expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('takes the region from X-TC-Region, separating secrets by region', async () => {
    await tencentClient(server().url, TENCENT_FRAMINGS[0], { region: 'ap-shanghai' }).CreateSecret({ SecretName: 'regional', SecretString: 'v' });
    const elsewhere = await tencentError(tencentClient(server().url).GetSecretValue({ SecretName: 'regional', VersionId: 'SSM_Current' }));
    expect(elsewhere.code).toBe('ResourceNotFound');
    const here = await tencentClient(server().url, TENCENT_FRAMINGS[2], { region: 'ap-shanghai' }).GetSecretValue({ SecretName: 'regional', VersionId: 'SSM_Current' });
    expect(here.SecretString).toBe('v');
  });
});
