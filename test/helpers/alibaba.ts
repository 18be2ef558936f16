import { request as httpRequest } from 'node:http';
import Kms from '@alicloud/kms20160120';
import OpenApi, * as $OpenApi from '@alicloud/openapi-client';
import * as OpenApiCore from '@alicloud/openapi-core';
import PopCore from '@alicloud/pop-core';
import * as $Util from '@alicloud/tea-util';

/** Every Alibaba client polysecret answers, by the wire framing it produces. */
export const ALIBABA_SDKS = [
  'kms20160120',
  'openapi-client-v3',
  'openapi-client-v2',
  'openapi-core-v3',
  'pop-core-get',
  'pop-core-post',
] as const;
export type AlibabaSdk = (typeof ALIBABA_SDKS)[number];

/** The key pair the captures were signed with; polysecret checks signatures only in strict mode. */
export const ALIBABA_KEY = { accessKeyId: 'testAccessKeyId', accessKeySecret: 'testAccessKeySecret' };

/** A key pair as the SDKs take it. */
export type AlibabaKeyPair = typeof ALIBABA_KEY;

/** An error as a test sees it, normalised from each SDK's own shape. */
export interface AlibabaSdkError {
  /** The KMS code from the response body, whatever decoration the SDK adds to `e.code`. */
  code: string;
  /** `e.code` exactly as the SDK exposes it. */
  sdkCode: string;
  /** The HTTP status, where the SDK exposes it. */
  status?: number;
  message: string;
  data: Record<string, unknown>;
}

/** One call: the action's RPC parameters (all strings) in, the response body out. */
export type AlibabaCall = (action: string, params?: Record<string, string>) => Promise<Record<string, any>>;

/** The class a CommonJS package exports, however deep ESM interop nests it under `default`. */
function classOf(module: unknown): any {
  let candidate = module as { default?: unknown };
  while (typeof candidate !== 'function' && candidate?.default) candidate = candidate.default as { default?: unknown };
  return candidate;
}

function hostOf(url: string): string {
  return new URL(url).host;
}

function kmsClient(url: string, key: AlibabaKeyPair, regionId: string): AlibabaCall {
  const client = new (classOf(Kms))({ ...key, endpoint: hostOf(url), protocol: 'http', regionId });
  return async (action, params = {}) => {
    const runtime = new $Util.RuntimeOptions({ autoretry: false });
    return client.doRequest(action, 'HTTP', 'POST', '2016-01-20', 'AK', params, {}, runtime);
  };
}

/** The API description both openapi clients take for a KMS RPC action (form body, JSON answer). */
function rpcApiParams(action: string) {
  return {
    action,
    version: '2016-01-20',
    protocol: 'HTTP',
    pathname: '/',
    method: 'POST',
    authType: 'AK',
    style: 'RPC',
    reqBodyType: 'formData',
    bodyType: 'json',
  };
}

function openApiClient(url: string, key: AlibabaKeyPair, regionId: string, signatureAlgorithm?: 'v2'): AlibabaCall {
  const Client = classOf(OpenApi);
  const config = new $OpenApi.Config({ ...key, endpoint: hostOf(url), protocol: 'http', regionId, signatureAlgorithm });
  const client = new Client(config);
  return async (action, params = {}) => {
    const request = new $OpenApi.OpenApiRequest({ query: params });
    const api = new $OpenApi.Params(rpcApiParams(action));
    const response = await client.callApi(api, request, new $Util.RuntimeOptions({ autoretry: false }));
    return response.body;
  };
}

function openApiCore(url: string, key: AlibabaKeyPair, regionId: string): AlibabaCall {
  const Client = classOf(OpenApiCore);
  const Utils = (OpenApiCore as any).$OpenApiUtil ?? (OpenApiCore as any).default.$OpenApiUtil;
  const client = new Client(new Utils.Config({ ...key, endpoint: hostOf(url), protocol: 'http', regionId }));
  return async (action, params = {}) => {
    const request = new Utils.OpenApiRequest({ query: params });
    const api = new Utils.Params(rpcApiParams(action));
    // darabonba reads the runtime options as plain fields.
    const response = await client.callApi(api, request, { autoretry: false });
    return response.body;
  };
}

function popCore(url: string, key: AlibabaKeyPair, method: 'GET' | 'POST'): AlibabaCall {
  const client = new (classOf(PopCore))({ ...key, endpoint: url, apiVersion: '2016-01-20' });
  return (action, params = {}) => client.request(action, params, { method, timeout: 5000 });
}

/**
 * A caller for one SDK against the server at `url` (its host and port become the SDK's endpoint),
 * signing with `key` (the captures' pair unless told); `regionId` is the SDKs' config setting
 * (pop-core has none).
 */
export function alibabaClient(url: string, sdk: AlibabaSdk, key: AlibabaKeyPair = ALIBABA_KEY, regionId = 'cn-hangzhou'): AlibabaCall {
  switch (sdk) {
    case 'kms20160120':
      return kmsClient(url, key, regionId);
    case 'openapi-client-v3':
      return openApiClient(url, key, regionId);
    case 'openapi-client-v2':
      return openApiClient(url, key, regionId, 'v2');
    case 'openapi-core-v3':
      return openApiCore(url, key, regionId);
    case 'pop-core-get':
      return popCore(url, key, 'GET');
    case 'pop-core-post':
      return popCore(url, key, 'POST');
  }
}

/** Runs a call that must fail and normalises the SDK's error. */
export async function alibabaError(promise: Promise<unknown>): Promise<AlibabaSdkError> {
  try {
    await promise;
  } catch (caught) {
    const error = caught as { code?: string; data?: Record<string, unknown>; statusCode?: number; message?: string };
    const data = error.data ?? {};
    return {
      code: String(data.Code ?? error.code ?? ''),
      sdkCode: String(error.code ?? ''),
      status: (data.statusCode as number | undefined) ?? error.statusCode,
      message: String(data.Message ?? error.message ?? ''),
      data,
    };
  }
  throw new Error('expected the call to fail');
}

/** A raw RPC call, for what SDKs hide (status, content type, XML). Uses node:http so a test can set Host. */
export async function rawAlibaba(
  url: string,
  params: Record<string, string>,
  options: { method?: 'GET' | 'POST'; form?: boolean; headers?: Record<string, string>; /** Appended as sent, e.g. `SecretData=%E9`. */ encoded?: string } = {},
): Promise<{ status: number; headers: Headers; text: string; json: any }> {
  const query = [new URLSearchParams(params).toString(), options.encoded].filter(Boolean).join('&');
  const method = options.form ? 'POST' : (options.method ?? 'GET');
  const headers: Record<string, string> = { ...options.headers };
  if (options.form) headers['content-type'] = 'application/x-www-form-urlencoded';
  const path = options.form ? '/' : `/?${query}`;
  const { status, responseHeaders, text } = await new Promise<{ status: number; responseHeaders: Headers; text: string }>((resolve, reject) => {
    const request = httpRequest(new URL(path, url), { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(response.headers)) if (typeof value === 'string') responseHeaders.set(name, value);
        resolve({ status: response.statusCode ?? 0, responseHeaders, text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    request.on('error', reject);
    request.end(options.form ? query : undefined);
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status, headers: responseHeaders, text, json };
}
