/**
 * The AWS JSON 1.1 envelope: reading a Secrets Manager request, finding the caller's
 * account and region, and rendering results and errors the way AWS does on the wire.
 */
import type { CloudKey } from '../../src/auth/credentials.js';
import { VendorError } from '../../src/dialect/vendorError.js';
import { carriesInvalidUtf8, type DialectRequest, type DialectResponse } from '../../src/dialect/contract.js';
import { MESSAGES } from './messages.js';

const CONTENT_TYPE = 'application/x-amz-json-1.1';
const JSON_CONTENT_TYPES = new Set([CONTENT_TYPE, 'application/x-amz-json-1.0', 'application/json']);
/** The target prefix every Secrets Manager call carries in `X-Amz-Target`. */
export const TARGET_PREFIX = 'secretsmanager.';

/** An error in AWS's terms. Every client error is HTTP 400; only InternalServiceError is a 500. */
export class AwsError extends VendorError {}

/** An error of the SigV4 authentication layer, which AWS words with a lowercase `message` (as aws-sdk-cpp#2407 shows for Secrets Manager). */
export class AwsAuthError extends AwsError {}

/** A parsed call: which operation, its input, and who is calling from where. */
export interface AwsCall {
  operation: string;
  input: Record<string, unknown>;
  account: string;
  region: string;
}

/** Defaults for requests that carry no credential scope. */
export interface AwsIdentityDefaults {
  account: string;
  region: string;
}

// A SigV4 Authorization header names the scope: Credential=<AKID>/<date>/<region>/<service>/aws4_request.
const CREDENTIAL = /Credential=([^/,\s]+)\/\d{8}\/([^/,\s]+)\/[^/,\s]+\/aws4_request/;

/** The access key id and region named by a SigV4 Authorization header, read leniently (nothing verified). */
export function credentialScopeOf(headers: Record<string, string>): { accessKeyId: string; region: string } | undefined {
  const scope = CREDENTIAL.exec(headers.authorization ?? '');
  return scope ? { accessKeyId: scope[1], region: scope[2] } : undefined;
}

/**
 * The caller's account and region. The account is the listed key's when there is one; else a
 * 12-digit access key id is the account, as LocalStack does; else the default. The region comes
 * from the SigV4 scope.
 */
export function identityOf(headers: Record<string, string>, defaults: AwsIdentityDefaults, key?: CloudKey): { account: string; region: string } {
  const scope = credentialScopeOf(headers);
  const accessKeyId = scope?.accessKeyId;
  const fallback = accessKeyId && /^\d{12}$/.test(accessKeyId) ? accessKeyId : defaults.account;
  return { account: key?.account ?? fallback, region: scope?.region ?? defaults.region };
}

/** Reads the operation name and JSON input, or throws the error AWS gives for a malformed call; `key` is the caller's listed key. */
export function parseCall(request: DialectRequest, defaults: AwsIdentityDefaults, key?: CloudKey): AwsCall {
  const operation = (request.headers['x-amz-target'] ?? '').slice(TARGET_PREFIX.length);
  const { account, region } = identityOf(request.headers, defaults, key);
  if (request.method !== 'POST') throw new AwsError('UnknownOperationException', MESSAGES.unknownOperation);
  if (request.bodyTooLarge) throw new AwsError('SerializationException', MESSAGES.bodyTooLarge);
  // The JSON 1.1 deserializer reads UTF-8 only; a body that is not UTF-8 is not valid JSON to it.
  if (carriesInvalidUtf8(request)) throw new AwsError('SerializationException', MESSAGES.malformedJson);
  const text = request.body.toString('utf8').trim();
  if (text === '') return { operation, input: {}, account, region };
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    throw new AwsError('SerializationException', MESSAGES.malformedJson);
  }
  // The service deserializer expects a structure at the top level.
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new AwsError('SerializationException', MESSAGES.malformedJson);
  }
  return { operation, input: input as Record<string, unknown>, account, region };
}

/** AWS's frontend picks the protocol by content type; JSON 1.1 callers send one of these. */
export function isJsonRequest(request: DialectRequest): boolean {
  const header = request.headers['content-type'] ?? '';
  // The SDKs send the bare type: normalising it first cost more than the rest of the check.
  if (JSON_CONTENT_TYPES.has(header)) return true;
  return JSON_CONTENT_TYPES.has(header.split(';')[0].trim().toLowerCase());
}

/** What AWS answers a request in no protocol it recognises: a bare XML marker [obs: smithy4s#167, floci#3908]. */
export function renderUnknownProtocol(requestId: string): DialectResponse {
  return {
    status: 404,
    headers: { 'content-type': 'application/xml', 'x-amzn-requestid': requestId },
    body: '<UnknownOperationException/>\n',
  };
}

function baseHeaders(requestId: string): Record<string, string> {
  return { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': requestId };
}

/** A 200 with the operation's output; members left undefined are dropped, never sent as null. */
export function renderSuccess(output: object, requestId: string): DialectResponse {
  return { status: 200, headers: baseHeaders(requestId), body: JSON.stringify(output) };
}

/** The AWS error body `{"__type","Message"}` (`message` for authentication errors) plus the `x-amzn-ErrorType` header SDK v3 reads first. */
export function renderError(error: AwsError, requestId: string): DialectResponse {
  const body = error instanceof AwsAuthError ? { __type: error.code, message: error.message } : { __type: error.code, Message: error.message };
  return {
    status: error.status,
    headers: { ...baseHeaders(requestId), 'x-amzn-errortype': error.code },
    body: JSON.stringify(body),
  };
}
