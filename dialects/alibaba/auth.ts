/**
 * Strict mode for KMS: verifies a request's V1 or V3 signature, timestamp, nonce and STS token as
 * the POP gateway does [doc: Alibaba Cloud "Request syntax and signature method V3" and the RPC V1 signature method], and maps the key to its account in both modes.
 */
import type { CloudKey } from '../../src/auth/credentials.js';
import { safeEqual, sha256Hex } from '../../src/auth/crypto.js';
import type { AuthContext } from '../../src/auth/mode.js';
import type { DialectRequest } from '../../src/dialect/contract.js';
import { accessKeyIdOf, paramsOf } from './envelope.js';
import { AUTH_ERRORS } from './errors.js';
import {
  parseV3Authorization,
  v1Signature,
  v1StringToSign,
  V3_ALGORITHM,
  v3CanonicalRequest,
  v3Signature,
  v3StringToSign,
} from './signature.js';

/** The gateway's allowed clock difference either way. */
const MAX_SKEW_MS = 15 * 60 * 1000;
// The one format the gateway takes; [obs] users' clients fixed InvalidTimeStamp.Format by dropping fractional seconds.
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;
/**
 * Common V3 headers that must be signed when present (the V3 signature doc: every common header
 * but Authorization goes into SignedHeaders). Without this an unsigned date or nonce could be swapped.
 */
const MUST_SIGN = ['host', 'x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256', 'x-acs-security-token'];

/** What each signature version yields for the shared checks. */
interface Claim {
  accessKeyId: string;
  timestamp: string;
  nonce: string;
  token: string | undefined;
  /** Checks the signature with the key's secret; throws SignatureDoesNotMatch. */
  verify(secret: string): void;
}

/**
 * Authenticates a KMS request. Permissive: verifies nothing and returns the listed key the
 * request names, if any. Strict: returns the verified key or throws the gateway's error, checking
 * in this order [inf]: signature parts (IncompleteSignature), key (InvalidAccessKeyId.NotFound),
 * timestamp (InvalidTimeStamp.*), STS token, signature (SignatureDoesNotMatch), nonce (last, so a
 * forged request cannot use up a genuine client's nonce).
 */
export function authenticate(request: DialectRequest, auth: AuthContext): CloudKey | undefined {
  const keys = auth.credentials.alibaba;
  if (auth.mode === 'permissive') return keys.find(accessKeyIdOf(request));
  const claim = request.headers.authorization !== undefined ? v3Claim(request) : v1Claim(request);
  const key = keys.find(claim.accessKeyId);
  if (!key) throw AUTH_ERRORS.keyNotFound();
  checkTimestamp(claim.timestamp, auth.now());
  checkToken(key, claim.token);
  claim.verify(key.secret);
  // Scoped by key: two callers may well pick the same nonce.
  if (!auth.nonces.remember(`alibaba:${key.accessKeyId}:${claim.nonce}`, auth.now())) throw AUTH_ERRORS.nonceUsed();
  return key;
}

/**
 * V1: every parameter from the query and a form body, signed with HMAC-SHA1. pop-core's POST puts
 * everything, Signature included, in the form body [rec: test/fixtures/alibaba-sdk-captures/063-pop-core-PutSecretValue.json, 064, 067];
 * old Python/Java cores add and sign RegionId [sdk]: both are just parameters here.
 */
function v1Claim(request: DialectRequest): Claim {
  // The values the dialect acts on, so a signature can never cover other values than the ones used.
  const params = paramsOf(request);
  const [accessKeyId, signature, nonce, timestamp] = ['AccessKeyId', 'Signature', 'SignatureNonce', 'Timestamp'].map((name) => params.get(name));
  if (!accessKeyId || !signature || !nonce || timestamp === undefined) throw AUTH_ERRORS.incomplete();
  if (params.get('SignatureMethod') !== 'HMAC-SHA1' || params.get('SignatureVersion') !== '1.0') throw AUTH_ERRORS.incomplete();
  return {
    accessKeyId,
    timestamp,
    nonce,
    token: params.get('SecurityToken') || undefined,
    verify(secret) {
      const stringToSign = v1StringToSign(request.method, params);
      if (!safeEqual(v1Signature(secret, stringToSign), signature)) throw AUTH_ERRORS.signatureMismatch(stringToSign);
    },
  };
}

/**
 * V3: the Authorization header over the query string, the signed headers and the body's hash.
 * SignedHeaders come from the request, not a fixed list: openapi-client also signs
 * x-acs-credentials-provider, raw callers content-type [rec: test/fixtures/alibaba-sdk-captures/027-openapi-client-v3-CreateSecret.json, 082]. Host is compared as
 * received, port included.
 */
function v3Claim(request: DialectRequest): Claim {
  const { headers } = request;
  const authorization = parseV3Authorization(headers.authorization ?? '');
  if (!authorization || authorization.algorithm !== V3_ALGORITHM) throw AUTH_ERRORS.incomplete();
  const nonce = headers['x-acs-signature-nonce'];
  const timestamp = headers['x-acs-date'];
  const contentHash = headers['x-acs-content-sha256'];
  if (!nonce || timestamp === undefined || !contentHash) throw AUTH_ERRORS.incomplete();
  if (MUST_SIGN.some((name) => headers[name] !== undefined && !authorization.signedHeaders.includes(name))) throw AUTH_ERRORS.incomplete();
  return {
    accessKeyId: authorization.accessKeyId,
    timestamp,
    nonce,
    token: headers['x-acs-security-token'] || undefined,
    verify(secret) {
      // The server's own body hash as the payload line: a body that does not match x-acs-content-sha256 fails like any other change.
      const bodyHash = sha256Hex(request.body);
      const canonical = v3CanonicalRequest({
        method: request.method,
        path: request.path,
        query: new URLSearchParams(request.rawQuery),
        headers,
        signedHeaders: authorization.signedHeaders,
        payloadHash: bodyHash,
      });
      const stringToSign = v3StringToSign(canonical);
      const matches = safeEqual(v3Signature(secret, stringToSign), authorization.signature);
      if (!matches || !safeEqual(bodyHash, contentHash.toLowerCase())) throw AUTH_ERRORS.signatureMismatch(stringToSign);
    },
  };
}

/** `YYYY-MM-DDTHH:mm:ssZ`, a real date, within 15 minutes of the emulator's clock. */
function checkTimestamp(value: string, now: number): void {
  const parts = TIMESTAMP.exec(value);
  if (!parts) throw AUTH_ERRORS.timestampFormat();
  const [year, month, day, hour, minute, second] = parts.slice(1).map(Number);
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 2024-02-30 over to March; a rolled-over date was not a real one.
  if (new Date(ms).toISOString() !== `${value.slice(0, -1)}.000Z`) throw AUTH_ERRORS.timestampFormat();
  if (Math.abs(now - ms) > MAX_SKEW_MS) throw AUTH_ERRORS.timestampExpired();
}

/** A temporary key needs its own token; a permanent key takes none. */
function checkToken(key: CloudKey, token: string | undefined): void {
  if (key.sessionToken === undefined) {
    if (token !== undefined) throw AUTH_ERRORS.tokenMismatch();
    return;
  }
  if (token === undefined) throw AUTH_ERRORS.missingToken();
  if (!safeEqual(key.sessionToken, token)) throw AUTH_ERRORS.tokenMismatch();
}
