/**
 * Who is calling, and (in strict mode) whether the request is signed as the Tencent Cloud API
 * gateway requires: TC3-HMAC-SHA256 or v1 HmacSHA1/HmacSHA256, with the gateway's AuthFailure.*
 * codes [doc: Tencent Cloud API 3.0 "Signature v3", "Signature" and "Common Error Codes"].
 */
import type { CloudKey } from '../../src/auth/credentials.js';
import type { AuthContext } from '../../src/auth/mode.js';
import type { DialectRequest } from '../../src/dialect/contract.js';
import { flatParams, isV1Request } from './envelope.js';
import { ERRORS } from './errors.js';
import { safeEqual, sha256Hex } from '../../src/auth/crypto.js';
import { parseTc3Authorization, tc3Signature, tc3SigningKey, V1_METHODS, v1Signature, v1StringToSign } from './signature.js';

/** How far a request's timestamp may be from the server's clock, either way [doc: "five minutes"]. */
const MAX_SKEW_SECONDS = 300;

/**
 * The listed key a request is made with. Permissive mode checks nothing and only looks the claimed
 * SecretId up (so the credentials file still maps keys to accounts); strict mode verifies the
 * request and throws the gateway's TencentError when it fails.
 */
export function authenticate(request: DialectRequest, auth: AuthContext): CloudKey | undefined {
  if (auth.mode === 'permissive') return auth.credentials.tencent.find(claimedSecretId(request));
  return isV1Request(request) ? verifyV1(request, auth) : verifyTc3(request, auth);
}

function claimedSecretId(request: DialectRequest): string | undefined {
  if (isV1Request(request)) return flatParams(request).get('SecretId') ?? undefined;
  return /Credential=([^/,\s]+)\//.exec(request.headers.authorization ?? '')?.[1];
}

/** The timestamp in seconds, or the error for a missing, malformed or stale one. */
function checkTimestamp(text: string | undefined, name: string, auth: AuthContext): number {
  if (!text) throw ERRORS.missingParameter(name); // [inf] the code for a missing common parameter
  if (!/^\d{1,12}$/.test(text)) throw ERRORS.wrongType(name); // [inf]
  const seconds = Number(text);
  if (Math.abs(auth.now() / 1000 - seconds) > MAX_SKEW_SECONDS) throw ERRORS.signatureExpire();
  return seconds;
}

function listedKey(secretId: string, auth: AuthContext): CloudKey {
  const key = auth.credentials.tencent.find(secretId);
  if (!key) throw ERRORS.secretIdNotFound();
  return key;
}

/** A listed temporary key needs its own token; any other key must come without one. */
function checkToken(presented: string | undefined, key: CloudKey): void {
  // An empty token counts as none: SDKs leave it out when unset, and an empty one grants nothing [inf].
  const given = presented || undefined;
  const expected = key.sessionToken;
  if (given === undefined && expected === undefined) return;
  if (given === undefined || expected === undefined || !safeEqual(given, expected)) throw ERRORS.tokenFailure();
}

/** The Host as received, then without its port: Node's TC3 signs `new URL(url).hostname` [sdk: sign.js; cap]. */
function hostVariants(host: string): string[] {
  const bare = host.replace(/:\d+$/, '');
  return bare === host ? [host] : [host, bare];
}

function verifyTc3(request: DialectRequest, auth: AuthContext): CloudKey {
  const authorization = parseTc3Authorization(request.headers.authorization);
  if (!authorization) throw ERRORS.invalidAuthorization();
  const timestamp = request.headers['x-tc-timestamp'];
  const seconds = checkTimestamp(timestamp, 'X-TC-Timestamp', auth);
  const key = listedKey(authorization.secretId, auth);
  if (authorization.date !== new Date(seconds * 1000).toISOString().slice(0, 10)) throw ERRORS.signatureFailure();
  // Go/Python with unsignedPayload hash the literal instead of the body [sdk]; GET has no payload.
  const unsigned = request.headers['x-tc-content-sha256'] === 'UNSIGNED-PAYLOAD';
  const payloadHash = sha256Hex(unsigned ? 'UNSIGNED-PAYLOAD' : request.method === 'GET' ? '' : request.body);
  const parts = {
    method: request.method,
    // GET: the query exactly as received — Python encodes spaces as `+`, Node as `%20` [sdk].
    canonicalQuery: request.method === 'GET' ? request.rawQuery : '',
    signedHeaders: authorization.signedHeaders,
    payloadHash,
    timestamp: timestamp!,
    date: authorization.date,
    // The scope's service as sent, not necessarily `ssm`: Node derives it from the endpoint's first
    // label (`127`, `localhost:4566`) [sdk: abstract_client.js; rec: test/fixtures/tencent-sdk-captures/01-tc3-CreateSecret.json, 12].
    service: authorization.service,
  };
  const candidates = new Set<string>();
  for (const host of hostVariants(request.headers.host ?? '')) {
    const lines = authorization.headerNames.map((name) => `${name}:${(name === 'host' ? host : (request.headers[name] ?? '')).trim()}\n`).join('');
    // Tencent's doc lower-cases header values; SDK values already are, so lower-case first, then as sent [doc; sdk].
    candidates.add(lines.toLowerCase()).add(lines);
  }
  const derive = () => tc3SigningKey(key.secret, parts.date, parts.service);
  const signingKey = auth.signingKeys?.get(key.secret, `tc3/${parts.date}/${parts.service}`, derive) ?? derive();
  const matches = [...candidates].some((canonicalHeaders) => safeEqual(authorization.signature, tc3Signature(key.secret, { ...parts, canonicalHeaders }, signingKey)));
  if (!matches) throw ERRORS.signatureFailure();
  checkToken(request.headers['x-tc-token'], key);
  return key;
}

function verifyV1(request: DialectRequest, auth: AuthContext): CloudKey {
  const params = flatParams(request);
  const secretId = params.get('SecretId');
  if (!secretId) throw ERRORS.missingParameter('SecretId');
  const signature = params.get('Signature');
  if (!signature) throw ERRORS.missingParameter('Signature'); // [inf] as for any missing common parameter
  checkTimestamp(params.get('Timestamp') ?? undefined, 'Timestamp', auth);
  const key = listedKey(secretId, auth);
  const hash = V1_METHODS.get(params.get('SignatureMethod') ?? 'HmacSHA1');
  if (!hash) throw ERRORS.signatureFailure(); // [inf] a method the gateway cannot verify
  const signed = [...params].filter(([name]) => name !== 'Signature');
  // Go signs without empty-valued pairs but still sends them (e.g. `Language=`) [sdk].
  const nonEmpty = signed.filter(([, value]) => value !== '');
  const pairSets = nonEmpty.length === signed.length ? [signed] : [signed, nonEmpty];
  // Node/Go/Python sign the configured endpoint, port included; try the bare name too [sdk].
  const matches = hostVariants(request.headers.host ?? '').some((host) =>
    pairSets.some((pairs) => safeEqual(signature, v1Signature(key.secret, hash, v1StringToSign(request.method, host, pairs)))),
  );
  if (!matches) throw ERRORS.signatureFailure();
  checkToken(params.get('Token') ?? undefined, key);
  return key;
}
