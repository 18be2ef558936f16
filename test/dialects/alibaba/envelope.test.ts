import { readdirSync, readFileSync } from 'node:fs';
import { parseStringPromise } from 'xml2js';
import { paramsOf, parseCall } from '../../../dialects/alibaba/envelope.js';
import type { DialectRequest } from '../../../src/dialect/contract.js';
import { rawAlibaba } from '../../helpers/alibaba.js';
import { STORES, useServer } from '../../helpers/server.js';

const CAPTURES_DIR = new URL('../../fixtures/alibaba-sdk-captures/', import.meta.url);

/** A request the real SDKs sent, as recorded (data only: we replay and parse it, never copy its answers). */
interface Capture {
  seq: number;
  label: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  rawBody: string;
  parsed: { query: Record<string, string>; form: Record<string, string> };
  detected: { action: string; version: string; format: string | null };
}

const captures: Capture[] = readdirSync(CAPTURES_DIR)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => JSON.parse(readFileSync(new URL(file, CAPTURES_DIR), 'utf8')) as Capture);

function toRequest(capture: Capture): DialectRequest {
  const url = new URL(capture.url, 'http://127.0.0.1');
  return {
    method: capture.method,
    path: url.pathname,
    headers: capture.headers,
    query: url.searchParams,
    rawQuery: url.search.slice(1),
    body: Buffer.from(capture.rawBody, 'utf8'),
    bodyTooLarge: false,
  };
}

const API = { Version: '2016-01-20' };

describe('Alibaba captures as parser vectors', () => {
  it('there are captures of every SDK framing', () => {
    expect(captures.length).toBeGreaterThanOrEqual(80);
    expect(new Set(captures.map((c) => c.label))).toEqual(
      new Set(['kms20160120', 'openapi-client-v2', 'openapi-client-v3', 'openapi-core-v3', 'pop-core', 'raw-rpc']),
    );
  });

  it.each(captures.map((c) => [`${c.seq} ${c.label} ${c.detected.action}`, c] as const))('%s: parameters, action and format', (_, capture) => {
    const request = toRequest(capture);
    expect(Object.fromEntries(paramsOf(request))).toEqual({ ...capture.parsed.form, ...capture.parsed.query });
    const call = parseCall(request, { account: '1234567890123456', region: 'cn-hangzhou' });
    expect(call.action).toBe(capture.detected.action);
    expect(call.format).toBe((capture.detected.format ?? 'JSON').toUpperCase());
  });
});

describe.each(STORES)('Alibaba RPC envelope (%s store)', (kind) => {
  const server = useServer(kind);

  it('replays every capture, in order, with a well-formed answer in the asked format and never a server error', async () => {
    for (const capture of captures) {
      const response = await fetch(`${server().url}${capture.url}`, {
        method: capture.method,
        headers: Object.fromEntries(Object.entries(capture.headers).filter(([name]) => !['host', 'content-length', 'connection', 'transfer-encoding'].includes(name))),
        body: capture.method === 'POST' ? capture.rawBody : undefined,
      });
      const text = await response.text();
      expect(response.status).toBeLessThan(500);
      if ((capture.detected.format ?? 'json').toUpperCase() === 'XML') {
        expect(response.headers.get('content-type')).toBe('text/xml;charset=utf-8');
        const parsed = await parseStringPromise(text);
        expect(Object.keys(parsed)).toEqual([response.status === 200 ? 'KMS' : 'Error']);
      } else {
        expect(response.headers.get('content-type')).toBe('application/json;charset=utf-8');
        expect(JSON.parse(text).RequestId).toBe(response.headers.get('x-acs-request-id'));
      }
    }
  });

  it('answers JSON with the exact content type, a RequestId echoed in x-acs-request-id, and no Code on success', async () => {
    const created = await rawAlibaba(server().url, { Action: 'CreateSecret', ...API, SecretName: 'db', VersionId: 'v1', SecretData: 's' });
    expect(created.status).toBe(200);
    expect(created.headers.get('content-type')).toBe('application/json;charset=utf-8');
    expect(created.json.RequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.headers.get('x-acs-request-id')).toBe(created.json.RequestId);
    expect(created.json).not.toHaveProperty('Code');
  });

  it('refuses parameters whose escapes are not UTF-8 (query, form) with InvalidParameter, storing nothing altered', async () => {
    const create = { Action: 'CreateSecret', ...API, VersionId: 'v1' };
    for (const [name, form] of [['in-query', false], ['in-form', true]] as const) {
      const refused = await rawAlibaba(server().url, { ...create, SecretName: name }, { form, encoded: 'SecretData=caf%E9' });
      expect(refused.status).toBe(400);
      expect(refused.json).toMatchObject({ Code: 'InvalidParameter', Message: 'The request parameters are not valid UTF-8.' });
      const read = await rawAlibaba(server().url, { Action: 'GetSecretValue', ...API, SecretName: name });
      expect(read.json.Code).toBe('Forbidden.ResourceNotFound');
    }
    // Lower-case hex is an escape too; ASCII escapes beside it do not hide it.
    expect((await rawAlibaba(server().url, { ...create, SecretName: 'lower' }, { form: true, encoded: 'SecretData=%41caf%e9' })).status).toBe(400);
    // A lone % is literal text, and UTF-8 escapes are read exactly.
    expect((await rawAlibaba(server().url, { ...create, SecretName: 'ok' }, { encoded: 'SecretData=caf%C3%A9%' })).status).toBe(200);
    expect((await rawAlibaba(server().url, { Action: 'GetSecretValue', ...API, SecretName: 'ok' })).json.SecretData).toBe('café%');
  });

  it('answers XML under <KMS> with list wrappers as repeated elements when Format=XML (any case)', async () => {
    await rawAlibaba(server().url, { Action: 'CreateSecret', ...API, SecretName: 'db', VersionId: 'v1', SecretData: 'a<b>&c' });
    const response = await rawAlibaba(server().url, { Action: 'GetSecretValue', ...API, SecretName: 'db', Format: 'xml' });
    expect(response.headers.get('content-type')).toBe('text/xml;charset=utf-8');
    expect(response.text.startsWith('<?xml version="1.0" encoding="UTF-8"?><KMS>')).toBe(true);
    const parsed = await parseStringPromise(response.text, { explicitArray: false });
    expect(parsed.KMS).toMatchObject({ SecretName: 'db', SecretData: 'a<b>&c', VersionStages: { VersionStage: 'ACSCurrent' } });
  });

  it('answers errors with the POP gateway body and status, in JSON or XML', async () => {
    const json = await rawAlibaba(server().url, { Action: 'GetSecretValue', ...API, SecretName: 'missing' });
    expect(json.status).toBe(404);
    expect(Object.keys(json.json).sort()).toEqual(['Code', 'HostId', 'Message', 'Recommend', 'RequestId']);
    expect(json.json).toMatchObject({ Code: 'Forbidden.ResourceNotFound', Message: 'Resource not found.', HostId: 'kms.cn-hangzhou.aliyuncs.com' });
    expect(json.json.Recommend).toBe(
      `https://api.aliyun.com/troubleshoot?q=Forbidden.ResourceNotFound&product=Kms&requestId=${json.json.RequestId}`,
    );
    const xml = await rawAlibaba(server().url, { Action: 'GetSecretValue', ...API, SecretName: 'missing', Format: 'XML' });
    expect(xml.status).toBe(404);
    expect(xml.headers.get('content-type')).toBe('text/xml;charset=utf-8');
    const parsed = await parseStringPromise(xml.text, { explicitArray: false });
    expect(parsed.Error).toMatchObject({ Code: 'Forbidden.ResourceNotFound', Message: 'Resource not found.' });
  });

  it('refuses an unknown action, a wrong or missing version and other HTTP methods with the gateway codes', async () => {
    const unknown = await rawAlibaba(server().url, { Action: 'NoSuchAction', ...API });
    expect([unknown.status, unknown.json.Code]).toEqual([404, 'InvalidAction.NotFound']);
    const hostile = await rawAlibaba(server().url, { Action: '__proto__', ...API });
    expect([hostile.status, hostile.json.Code]).toEqual([404, 'InvalidAction.NotFound']);
    const version = await rawAlibaba(server().url, { Action: 'GetSecretValue', Version: '2015-01-01', SecretName: 'x' });
    expect([version.status, version.json.Code]).toEqual([400, 'InvalidVersion']);
    const noVersion = await rawAlibaba(server().url, { Action: 'GetSecretValue', SecretName: 'x' });
    expect([noVersion.status, noVersion.json.Code]).toEqual([400, 'MissingVersion']);
    const put = await fetch(`${server().url}/?Action=GetSecretValue&Version=2016-01-20&SecretName=x`, { method: 'PUT' });
    expect(put.status).toBe(403);
    expect(((await put.json()) as { Code: string }).Code).toBe('UnsupportedHTTPMethod');
  });

  it('reports a missing parameter as Missing<Name>', async () => {
    const response = await rawAlibaba(server().url, { Action: 'GetSecretValue', ...API });
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ Code: 'MissingSecretName', Message: 'SecretName is mandatory for this action.' });
  });

  it('reads parameters from a form body as from the query, and from the x-acs-* headers (V3)', async () => {
    const form = await rawAlibaba(
      server().url,
      { Action: 'CreateSecret', ...API, SecretName: 'form', VersionId: 'v1', SecretData: 'a+b c' },
      { form: true },
    );
    expect(form.status).toBe(200);
    const v3 = await rawAlibaba(server().url, { SecretName: 'form' }, { method: 'POST', headers: { 'x-acs-action': 'GetSecretValue', 'x-acs-version': '2016-01-20' } });
    expect(v3.json.SecretData).toBe('a+b c');
  });

  it('takes the region from RegionId or a kms.<region> host, and the account from a 16-digit AccessKeyId', async () => {
    const byRegionId = await rawAlibaba(server().url, { Action: 'CreateSecret', ...API, RegionId: 'cn-shanghai', SecretName: 's', VersionId: 'v', SecretData: 'd' });
    expect(byRegionId.json.Arn).toBe('acs:kms:cn-shanghai:1234567890123456:secret/s');
    const byHost = await rawAlibaba(
      server().url,
      { Action: 'CreateSecret', ...API, SecretName: 's', VersionId: 'v', SecretData: 'd', AccessKeyId: '5555666677778888' },
      { headers: { host: 'kms.eu-central-1.aliyuncs.com' } },
    );
    expect(byHost.json.Arn).toBe('acs:kms:eu-central-1:5555666677778888:secret/s');
    const elsewhere = await rawAlibaba(server().url, { Action: 'GetSecretValue', ...API, SecretName: 's' });
    expect(elsewhere.status).toBe(404);
    const byArn = await rawAlibaba(server().url, { Action: 'GetSecretValue', ...API, SecretName: 'acs:kms:cn-shanghai:1234567890123456:secret/s' });
    expect(byArn.json.SecretData).toBe('d');
  });

  it('cuts a body over 1 MiB off with 413 and InvalidParameter, and keeps serving', async () => {
    const response = await fetch(server().url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-acs-action': 'CreateSecret', 'x-acs-version': '2016-01-20' },
      body: `SecretName=big&VersionId=v&SecretData=${'x'.repeat(2 * 1024 * 1024)}`,
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { Code: string }).Code).toBe('InvalidParameter');
    expect((await rawAlibaba(server().url, { Action: 'GetSecretValue', ...API, SecretName: 'big' })).status).toBe(404);
  });
});
