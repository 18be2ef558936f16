/**
 * The Tencent Cloud API 3.0 envelope: the four framings (TC3 JSON POST, TC3 GET, and the older
 * HmacSHA1/HmacSHA256 form POST and GET), and the `{"Response":…}` answer, always HTTP 200.
 */
import type { CloudKey } from '../../src/auth/credentials.js';
import { carriesInvalidUtf8, formFieldsOf, type DialectRequest, type DialectResponse } from '../../src/dialect/contract.js';
import { ERRORS, type Language, type TencentError } from './errors.js';

/** The SSM API version. */
export const API_VERSION = '2019-09-23';

/** Parameters of the older signature methods that are not the action's own [sdk]. */
const COMMON_PARAMETERS = new Set([
  'Action',
  'Version',
  'Region',
  'Timestamp',
  'Nonce',
  'SecretId',
  'Signature',
  'SignatureMethod',
  'Token',
  'Language',
  'RequestClient',
]);

/** What the envelope reads before authentication: enough to route and check the action and version. */
export interface TencentHead {
  action: string;
  version?: string;
  region: string;
  language: Language;
}

/** The action's parameters, read only once the request is authenticated. */
export interface TencentInput {
  /** Typed JSON (TC3 POST), or nested strings rebuilt from `A.0.B` names. */
  input: Record<string, unknown>;
  /** True when every value arrived as a string and must be converted by the schema's types. */
  flattened: boolean;
}

/** What the envelope learned from a request. */
export interface TencentCall extends TencentHead, TencentInput {
  account: string;
}

/** Defaults for requests that name no region, and the account of SecretIds the credentials file does not list. */
export interface TencentIdentityDefaults {
  account: string;
  region: string;
}

function isJsonBody(request: DialectRequest): boolean {
  return request.method === 'POST' && (request.headers['content-type'] ?? '').toLowerCase().startsWith('application/json');
}

/** The flat string parameters of a request: the form body of a POST, else the query. */
export function flatParams(request: DialectRequest): URLSearchParams {
  const formPost = request.method === 'POST' && (request.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
  return formPost ? formFieldsOf(request) : request.query;
}

/** True for the v1 framings, whose common parameters (Action, SecretId, Signature…) travel with the business ones. */
export function isV1Request(request: DialectRequest): boolean {
  return request.headers['x-tc-action'] === undefined;
}

/** True when the request addresses SSM: an X-TC-Action header, or an Action with SSM's version or a v1 SecretId/Nonce pair. */
export function isTencentRequest(request: DialectRequest): boolean {
  if (request.headers['x-tc-action'] !== undefined) return true;
  const params = flatParams(request);
  if (!params.has('Action')) return false;
  return params.get('Version') === API_VERSION || (params.has('SecretId') && params.has('Nonce'));
}

/** The action a request names, for the access log. */
export function actionOf(request: DialectRequest): string {
  return request.headers['x-tc-action'] ?? flatParams(request).get('Action') ?? '';
}

/** The language of the answer: Chinese only when asked for (`zh-CN`), English otherwise. */
export function languageOf(request: DialectRequest): Language {
  const asked = request.headers['x-tc-language'] ?? flatParams(request).get('Language');
  return asked === 'zh-CN' ? 'zh-CN' : 'en-US';
}

type Nested = Map<string, Nested | string>;

/** Rebuilds `Tags.0.TagKey=v` style names into nested objects and arrays (arrays from 0-based indexes). */
function unflatten(entries: Iterable<[string, string]>): Record<string, unknown> {
  const root: Nested = new Map();
  for (const [name, value] of entries) {
    const path = name.split('.');
    let node = root;
    for (const segment of path.slice(0, -1)) {
      let child = node.get(segment);
      if (!(child instanceof Map)) node.set(segment, (child = new Map()));
      node = child;
    }
    node.set(path[path.length - 1], value);
  }
  return toPlain(root) as Record<string, unknown>;
}

// Maps become objects via Object.fromEntries, so names such as __proto__ stay plain data.
function toPlain(node: Nested | string): unknown {
  if (typeof node === 'string') return node;
  const keys = [...node.keys()];
  if (keys.length > 0 && keys.every((key) => /^\d+$/.test(key))) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((key) => toPlain(node.get(key)!));
  }
  return Object.fromEntries(keys.map((key) => [key, toPlain(node.get(key)!)]));
}

/** Reads the action, version, region and language, or throws the gateway error for a request it cannot route. */
export function parseHead(request: DialectRequest, defaults: TencentIdentityDefaults): TencentHead {
  const flat = flatParams(request);
  // v1 (HmacSHA1/HmacSHA256) signs its parameters and no header, so there the signed parameter wins.
  const signedParams = isV1Request(request);
  const common = (header: string, param: string) =>
    (signedParams ? (flat.get(param) ?? request.headers[header]) : (request.headers[header] ?? flat.get(param))) ?? undefined;
  if (request.bodyTooLarge) throw ERRORS.bodyTooLarge();
  const action = common('x-tc-action', 'Action');
  if (!action) throw ERRORS.missingParameter('Action');
  const region = common('x-tc-region', 'Region') || defaults.region;
  return { action, version: common('x-tc-version', 'Version'), region, language: languageOf(request) };
}

/** The caller's account: the listed key's UIN, else the configured default. */
export function accountOf(key: CloudKey | undefined, defaults: TencentIdentityDefaults): string {
  return key?.account ?? defaults.account;
}

/** Reads the action's parameters, or throws InvalidParameter for a body that is not a JSON object. */
export function parseInput(request: DialectRequest): TencentInput {
  if (carriesInvalidUtf8(request)) throw isJsonBody(request) ? ERRORS.malformedBody() : ERRORS.notUtf8();
  if (isJsonBody(request)) {
    const text = request.body.toString('utf8').trim();
    let input: unknown = {};
    try {
      if (text !== '') input = JSON.parse(text);
    } catch {
      throw ERRORS.malformedBody();
    }
    if (typeof input !== 'object' || input === null || Array.isArray(input)) throw ERRORS.malformedBody();
    return { input: input as Record<string, unknown>, flattened: false };
  }
  const business = [...flatParams(request)].filter(([name]) => !(isV1Request(request) && COMMON_PARAMETERS.has(name)));
  return { input: unflatten(business), flattened: true };
}

/** Reads a whole call (the dialect reads it in two steps, authenticating in between). */
export function parseCall(request: DialectRequest, defaults: TencentIdentityDefaults, key?: CloudKey): TencentCall {
  return { ...parseHead(request, defaults), ...parseInput(request), account: accountOf(key, defaults) };
}

function render(body: Record<string, unknown>, request: DialectRequest, status = 200): DialectResponse {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  // The Node SDK copies this header into the errors it throws.
  const traceId = request.headers['x-tc-traceid'];
  if (traceId !== undefined) headers['x-tc-traceid'] = traceId;
  return { status, headers, body: JSON.stringify({ Response: body }) };
}

/** `{"Response":{…,"RequestId"}}` with `Content-Type: application/json` exactly (Python compares it literally). */
export function renderSuccess(output: object, requestId: string, request: DialectRequest): DialectResponse {
  return render({ ...output, RequestId: requestId }, request);
}

/** `{"Response":{"Error":{"Code","Message"},"RequestId"}}`, still HTTP 200 (another status only for an injected fault that asks for it), in the caller's language. */
export function renderError(error: TencentError, language: Language, requestId: string, request: DialectRequest): DialectResponse {
  return render({ Error: { Code: error.code, Message: error.messages[language] }, RequestId: requestId }, request, error.status);
}
