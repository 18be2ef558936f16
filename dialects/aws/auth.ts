/**
 * Authenticating a Secrets Manager request. Strict mode checks SigV4 in the order AWS's frontend
 * does (AWS SigV4 documentation; scratchstack-aws-signature's "AWS Auth Error Ordering"):
 * header present → algorithm → key=value pairs → all parts present → Host signed → timestamp
 * format → skew → credential shape → scope → key → session token → signature.
 */
import type { CloudKey } from '../../src/auth/credentials.js';
import type { AuthContext } from '../../src/auth/mode.js';
import type { DialectRequest } from '../../src/dialect/contract.js';
import { AwsAuthError, credentialScopeOf } from './envelope.js';
import { AUTH_CODES, AUTH_MESSAGES } from './messages.js';
import { safeEqual } from '../../src/auth/crypto.js';
import { ALGORITHM, canonicalRequest, formatAmzDate, parseTimestamp, signingKey, signWith, stringToSign, TERMINATOR } from './signature.js';

/** The signing name in Secrets Manager's model. */
const SERVICE = 'secretsmanager';
const SKEW_MS = 15 * 60 * 1000;
/** Region names in Secrets Manager's model (RegionType); anything else is not a valid scope. */
const REGION = /^([a-z]+-)+\d+$/;

/** What a well-formed Authorization header carries. */
interface SignedParts {
  credential: string;
  signature: string;
  signedHeaders: string[];
  timestamp: string;
  /** Whether the timestamp came from `Date` rather than `X-Amz-Date`. */
  fromDateHeader: boolean;
}

const fail = (code: keyof typeof AUTH_CODES, message: string) => new AwsAuthError(AUTH_CODES[code], message);

/** Splits the header into its parts, or throws the error AWS gives for what is missing or malformed. */
function readAuthorization(request: DialectRequest): SignedParts {
  const header = request.headers.authorization;
  // Presigned query authentication is not used by any SDK for this service [sdk], so only the header counts.
  if (header === undefined) throw fail('missingToken', AUTH_MESSAGES.missingToken);
  const trimmed = header.trim();
  const space = trimmed.indexOf(' ');
  const algorithm = space < 0 ? trimmed : trimmed.slice(0, space);
  if (algorithm !== ALGORITHM) throw fail('incomplete', AUTH_MESSAGES.unsupportedAlgorithm(algorithm));
  const params = new Map<string, string>();
  for (const raw of (space < 0 ? '' : trimmed.slice(space + 1)).split(',')) {
    const pair = raw.trim();
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    if (equals < 0) throw fail('incomplete', AUTH_MESSAGES.notKeyValue(pair, trimmed));
    // A repeated parameter: the last one wins [ss rule 6c].
    params.set(pair.slice(0, equals), pair.slice(equals + 1));
  }
  const amzDate = request.headers['x-amz-date'];
  const timestamp = amzDate ?? request.headers.date;
  const missing = [
    params.has('Credential') ? '' : AUTH_MESSAGES.missingCredential,
    params.has('Signature') ? '' : AUTH_MESSAGES.missingSignature,
    params.has('SignedHeaders') ? '' : AUTH_MESSAGES.missingSignedHeaders,
    timestamp === undefined ? AUTH_MESSAGES.missingDate : '',
  ].filter((message) => message !== '');
  if (missing.length > 0 || timestamp === undefined) throw fail('incomplete', `${missing.join(' ')} Authorization=${algorithm}`);
  return {
    credential: params.get('Credential') as string,
    signature: params.get('Signature') as string,
    // AWS lower-cases and sorts the list before building the canonical request.
    signedHeaders: (params.get('SignedHeaders') as string).split(';').map((name) => name.toLowerCase()).sort(),
    timestamp,
    fromDateHeader: amzDate === undefined,
  };
}

/** Refuses a timestamp more than 15 minutes away from the emulator's clock, in AWS's words. */
function checkSkew(signedAt: number, now: number): void {
  if (signedAt < now - SKEW_MS) {
    throw fail('invalidSignature', AUTH_MESSAGES.expired(formatAmzDate(signedAt), formatAmzDate(now - SKEW_MS), formatAmzDate(now)));
  }
  if (signedAt > now + SKEW_MS) {
    throw fail('invalidSignature', AUTH_MESSAGES.notYetCurrent(formatAmzDate(signedAt), formatAmzDate(now + SKEW_MS), formatAmzDate(now)));
  }
}

/** The scope's elements, after checking each; AWS reports every wrong element at once. */
function checkScope(credential: string, amzDate: string): { accessKeyId: string; date: string; region: string; service: string } {
  const parts = credential.split('/');
  if (parts.length !== 5) throw fail('incomplete', AUTH_MESSAGES.credentialParts(credential));
  const [accessKeyId, date, region, service, terminator] = parts;
  const complaints = [
    REGION.test(region) ? '' : AUTH_MESSAGES.wrongRegion(region),
    service === SERVICE ? '' : AUTH_MESSAGES.wrongService(SERVICE),
    terminator === TERMINATOR ? '' : AUTH_MESSAGES.wrongTerminator(terminator),
    date === amzDate.slice(0, 8) ? '' : AUTH_MESSAGES.wrongDate(date, amzDate.slice(0, 8), amzDate),
  ].join('');
  if (complaints !== '') throw fail('invalidSignature', complaints);
  return { accessKeyId, date, region, service };
}

/**
 * The listed key, after checking temporary credentials: a key listed with a session token needs
 * that exact X-Amz-Security-Token, and a long-term key must carry none. Both failures are
 * UnrecognizedClientException, as AWS answers a token it cannot decode; ExpiredTokenException
 * would need an expiry the credentials file does not record.
 */
function findKey(request: DialectRequest, auth: AuthContext, accessKeyId: string): CloudKey {
  const key = auth.credentials.aws.find(accessKeyId);
  if (!key) throw fail('unrecognizedClient', AUTH_MESSAGES.invalidToken);
  const token = request.headers['x-amz-security-token'];
  const tokenValid = key.sessionToken === undefined ? token === undefined : token !== undefined && safeEqual(key.sessionToken, token);
  if (!tokenValid) throw fail('unrecognizedClient', AUTH_MESSAGES.invalidToken);
  return key;
}

function verify(request: DialectRequest, auth: AuthContext): CloudKey {
  const parts = readAuthorization(request);
  if (!parts.signedHeaders.includes('host')) throw fail('invalidSignature', AUTH_MESSAGES.hostNotSigned);
  const signedAt = parseTimestamp(parts.timestamp, parts.fromDateHeader);
  if (signedAt === undefined) throw fail('incomplete', AUTH_MESSAGES.badDate(parts.timestamp));
  checkSkew(signedAt, auth.now());
  const amzDate = formatAmzDate(signedAt);
  const scope = checkScope(parts.credential, amzDate);
  const key = findKey(request, auth, scope.accessKeyId);
  const canonical = canonicalRequest(request, parts.signedHeaders);
  const scopeText = `${scope.date}/${scope.region}/${scope.service}`;
  const toSign = stringToSign(amzDate, `${scopeText}/${TERMINATOR}`, canonical);
  const derived = auth.signingKeys?.get(key.secret, `aws4/${scopeText}`, () => signingKey(key.secret, scope)) ?? signingKey(key.secret, scope);
  if (!safeEqual(signWith(derived, toSign), parts.signature)) {
    throw fail('invalidSignature', AUTH_MESSAGES.mismatch(canonical, toSign));
  }
  return key;
}

/**
 * The listed key a request was signed with. Permissive mode verifies nothing and returns the
 * key named by the Authorization header's scope if it is listed (so the credentials file maps
 * keys to accounts in both modes). Strict mode verifies the SigV4 signature and returns the
 * key, or throws the {@link AwsAuthError} AWS would answer.
 */
export function authenticate(request: DialectRequest, auth: AuthContext): CloudKey | undefined {
  if (auth.mode === 'strict') return verify(request, auth);
  return auth.credentials.aws.find(credentialScopeOf(request.headers)?.accessKeyId);
}
