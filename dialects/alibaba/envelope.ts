/**
 * The KMS RPC envelope: parameters from the query, a form body and (V3) the x-acs-* headers;
 * JSON or XML answers with the exact content types the SDKs compare; POP-gateway error bodies.
 */
import { carriesInvalidUtf8, formFieldsOf, perRequest, type DialectRequest, type DialectResponse } from '../../src/dialect/contract.js';
import { ERRORS, type AlibabaError } from './errors.js';
import { toXml } from './xml.js';

/** The only API version of KMS. */
export const API_VERSION = '2016-01-20';
const JSON_TYPE = 'application/json;charset=utf-8';
const XML_TYPE = 'text/xml;charset=utf-8';

/** What the envelope learned from a request. */
export interface AlibabaCall {
  action: string;
  params: ReadonlyMap<string, string>;
  format: 'JSON' | 'XML';
  account: string;
  region: string;
}

/** Defaults for requests that name no account or region. */
export interface AlibabaIdentityDefaults {
  account: string;
  region: string;
}

/**
 * Every parameter of the request: the form body (pop-core POST puts everything there) and
 * the query; a query parameter wins over a form field of the same name.
 */
export const paramsOf: (request: DialectRequest) => ReadonlyMap<string, string> = perRequest((request) => {
  const params = new Map<string, string>();
  for (const [name, value] of formFieldsOf(request)) params.set(name, value);
  for (const [name, value] of request.query) params.set(name, value);
  return params;
});

/** True when the request addresses KMS: an x-acs-action header, or an Action parameter not meant for Tencent's API. */
export function isAlibabaRequest(request: DialectRequest): boolean {
  if (request.headers['x-acs-action'] !== undefined) return true;
  if (request.headers['x-tc-action'] !== undefined) return false;
  const params = paramsOf(request);
  return params.has('Action') && params.get('Version') !== '2019-09-23';
}

// V3 names the key in its Authorization header: "ACS3-HMAC-SHA256 Credential=<AKID>,SignedHeaders=…".
const V3_CREDENTIAL = /Credential=([^,\s]+)/;
// KMS endpoints are kms.<region>.aliyuncs.com or kms-vpc.<region>.aliyuncs.com.
const KMS_HOST = /^kms(?:-vpc)?\.([a-z0-9-]+)\.aliyuncs\.com(?::\d+)?$/;

/**
 * The access key a request names: V1 `AccessKeyId`, else the V3 Authorization's Credential (the
 * signed one), else the `x-acs-accesskey-id` header STS clients add beside it.
 */
export function accessKeyIdOf(request: DialectRequest, params: ReadonlyMap<string, string> = paramsOf(request)): string | undefined {
  return params.get('AccessKeyId') ?? V3_CREDENTIAL.exec(request.headers.authorization ?? '')?.[1] ?? request.headers['x-acs-accesskey-id'];
}

/**
 * The caller's fallback account, used when its key is not listed in the credentials file (a
 * 16-digit access key id is taken as one), and its region, first found of:
 * 1. the Host `kms[-vpc].<region>.aliyuncs.com`: the only place the SDKs put their `regionId`
 *    (kms20160120, openapi-client and openapi-core turn it into that endpoint when none is given,
 *    and send no region parameter or header), and what the cloud itself routes by;
 * 2. a `RegionId` parameter, which pop-core and generic `callApi` callers add themselves;
 * 3. the configured default (`--alibaba-region`).
 */
function identityOf(request: DialectRequest, params: ReadonlyMap<string, string>, defaults: AlibabaIdentityDefaults): { account: string; region: string } {
  const accessKeyId = accessKeyIdOf(request, params);
  const hostRegion = KMS_HOST.exec(request.headers.host ?? '')?.[1];
  return {
    account: accessKeyId && /^\d{16}$/.test(accessKeyId) ? accessKeyId : defaults.account,
    region: hostRegion || params.get('RegionId') || defaults.region,
  };
}

/** The format the caller asked for, to answer errors in it even before the call is fully understood. */
export function formatOf(request: DialectRequest): 'JSON' | 'XML' {
  return paramsOf(request).get('Format')?.toUpperCase() === 'XML' ? 'XML' : 'JSON';
}

/** Reads a call, or throws the gateway error for an unusable request. */
export function parseCall(request: DialectRequest, defaults: AlibabaIdentityDefaults): AlibabaCall {
  if (request.method !== 'GET' && request.method !== 'POST') throw ERRORS.unsupportedMethod();
  if (request.bodyTooLarge) throw ERRORS.bodyTooLarge();
  if (carriesInvalidUtf8(request)) throw ERRORS.notUtf8();
  const params = paramsOf(request);
  const action = params.get('Action') ?? request.headers['x-acs-action'] ?? '';
  const version = params.get('Version') ?? request.headers['x-acs-version'];
  if (version === undefined) throw ERRORS.missing('Version');
  if (version !== API_VERSION) throw ERRORS.invalidVersion();
  return { action, params, format: formatOf(request), ...identityOf(request, params, defaults) };
}

function render(status: number, root: string, body: Record<string, unknown>, format: 'JSON' | 'XML', requestId: string): DialectResponse {
  const headers = { 'content-type': format === 'XML' ? XML_TYPE : JSON_TYPE, 'x-acs-request-id': requestId };
  return { status, headers, body: format === 'XML' ? toXml(root, body) : JSON.stringify(body) };
}

/** A success: a flat body with RequestId and never a Code (pop-core treats any Code as an error); XML under `<KMS>`. */
export function renderSuccess(output: object, format: 'JSON' | 'XML', requestId: string): DialectResponse {
  return render(200, 'KMS', { ...output, RequestId: requestId }, format, requestId);
}

/** A POP gateway error body with its status; XML under `<Error>`, the root openapi-client reads. */
export function renderError(error: AlibabaError, format: 'JSON' | 'XML', requestId: string, region: string): DialectResponse {
  const body = {
    RequestId: requestId,
    HostId: `kms.${region}.aliyuncs.com`,
    Code: error.code,
    Message: error.message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=Kms&requestId=${requestId}`,
  };
  return render(error.status, 'Error', body, format, requestId);
}
