import { authenticate } from '../../../dialects/alibaba/auth.js';
import { formatOf } from '../../../dialects/alibaba/envelope.js';
import { AlibabaError } from '../../../dialects/alibaba/errors.js';
import {
  percentEncode,
  v1Signature,
  v1StringToSign,
  v3CanonicalRequest,
  v3Signature,
  v3StringToSign,
} from '../../../dialects/alibaba/signature.js';
import { KeyRing, credentialsFrom } from '../../../src/auth/credentials.js';
import { sha256Hex } from '../../../src/auth/crypto.js';
import type { AuthContext } from '../../../src/auth/mode.js';
import { NonceCache } from '../../../src/auth/nonces.js';
import { ALIBABA_KEY } from '../../helpers/alibaba.js';
import { expectGatewayError, useStrictServer, type ListedKey } from '../../helpers/alibabaAuth.js';
import { CAPTURES, isV3, replay, signedAt, toDialectRequest, type Capture, type Replay } from '../../helpers/alibabaCaptures.js';

const LISTED: ListedKey = { ...ALIBABA_KEY, accountId: '1234567890123456' };
const MISMATCH_PREFIX = 'Specified signature is not matched with our calculation. server string to sign is:';
const FIFTEEN_MINUTES = 15 * 60 * 1000;

/** The captures the capturing verifier accepted (69, 70 and 80 were sent with a wrong secret or key on purpose). */
const VERIFIED = CAPTURES.filter((c) => c.detected.auth.verified);
/** Verified captures whose action exists: an unknown action (083) is refused by routing, before authentication. */
const ROUTED = VERIFIED.filter((c) => c.response.body.Code !== 'InvalidAction.NotFound');
/** The answer format a capture asked for. */
const formatOfCapture = (capture: Capture) => formatOf(toDialectRequest(capture));
const named = (list: readonly Capture[]) => list.map((c) => [`${c.seq} ${c.label} ${c.detected.action}`, c] as const);

/** A strict context over `keys` at `now`, for calling authenticate() directly. */
function strictContext(keys: ListedKey[], now: number): AuthContext {
  return { mode: 'strict', credentials: credentialsFrom({ alibaba: keys }), nonces: new NonceCache(), now: () => now };
}

/** The AlibabaError authenticate() throws. */
function authError(run: () => unknown): AlibabaError {
  try {
    run();
  } catch (error) {
    if (error instanceof AlibabaError) return error;
    throw error;
  }
  throw new Error('expected authentication to fail');
}

describe('Alibaba signature algorithms', () => {
  it('encodes as RFC 3986: unreserved kept, * as %2A, ~ literal, space %20, UTF-8 bytes upper-case', () => {
    expect(percentEncode("a b+c/=&?*~!'()中")).toBe('a%20b%2Bc%2F%3D%26%3F%2A~%21%27%28%29%E4%B8%AD');
  });

  it('V1 matches the verified test vector', () => {
    const params = new Map(Object.entries({
      AccessKeyId: 'testid',
      Action: 'CreateKey',
      Format: 'json',
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      Timestamp: '2016-03-28T03:13:08Z',
      Version: '2016-01-20',
    }));
    expect(v1Signature('testsecret', v1StringToSign('GET', params))).toBe('41wk2SSX1GJh7fwnc5eqOfiJPFg=');
  });

  it('V3 matches the verified test vector', () => {
    const headers = {
      host: 'kms.cn-hangzhou.aliyuncs.com',
      'x-acs-action': 'GetSecretValue',
      'x-acs-version': '2016-01-20',
      'x-acs-date': '2024-01-01T00:00:00Z',
      'x-acs-signature-nonce': 'nonce-123',
      'x-acs-content-sha256': sha256Hex(''),
    };
    const canonical = v3CanonicalRequest({
      method: 'POST',
      path: '/',
      query: [['SecretName', 'my secret/1'], ['VersionStage', 'ACSCurrent']],
      headers,
      signedHeaders: Object.keys(headers).sort(),
      payloadHash: sha256Hex(''),
    });
    expect(v3Signature('testAccessKeySecret', v3StringToSign(canonical))).toBe('5fd3eba336659e4f83ba50cc972a20a77362fb47155de4c2b730f52e44600853');
  });

  it.each(named(VERIFIED))('%s: authenticates with the recorded key at the recorded time', (_, capture) => {
    const key = authenticate(toDialectRequest(capture), strictContext([LISTED], signedAt(capture)));
    expect(key).toMatchObject({ accessKeyId: 'testAccessKeyId', account: LISTED.accountId });
  });

  it.each(named(CAPTURES.filter((c) => c.detected.auth.stringToSign)))('%s: the server StringToSign equals the recorded one', (_, capture) => {
    const wrong = { ...LISTED, accessKeySecret: 'not-the-secret' };
    const error = authError(() => authenticate(toDialectRequest(capture), strictContext([wrong], signedAt(capture))));
    expect(error.code).toBe('SignatureDoesNotMatch');
    expect(error.message).toBe(`${MISMATCH_PREFIX}${capture.detected.auth.stringToSign}`);
  });

  it('permissive mode verifies nothing and returns the listed key the request names, else nothing', () => {
    const permissive: AuthContext = { ...strictContext([LISTED], 0), mode: 'permissive' };
    for (const capture of CAPTURES) {
      const key = authenticate(toDialectRequest(capture), permissive);
      expect(key?.accessKeyId).toBe(capture.detected.auth.accessKeyId ?? (capture.url.includes('AccessKeyId=nobody') ? undefined : 'testAccessKeyId'));
    }
    expect(authenticate(toDialectRequest(CAPTURES[0]), { ...permissive, credentials: { ...permissive.credentials, alibaba: new KeyRing() } })).toBeUndefined();
  });
});

/** Recorded answers that refuse a request before its nonce is taken, so sending it again gets the same answer. */
const REFUSED_BEFORE_NONCE = new Set(['InvalidAction.NotFound', 'SignatureDoesNotMatch', 'InvalidAccessKeyId.NotFound', 'InvalidTimeStamp.Expired']);

describe('Alibaba strict mode: every capture replayed in order', () => {
  const server = useStrictServer([LISTED]);

  it('answers each with its recorded status and code, and refuses each second sending of a nonce', async () => {
    // The session's clock: the latest signing time so far (079 is signed an hour early on purpose, 078 replays 077's nonce).
    let now = 0;
    for (const capture of CAPTURES) {
      now = Math.max(now, signedAt(capture));
      server.setTime(now);
      const response = await replay(server.url(), capture);
      expect({ seq: capture.seq, status: response.status, code: response.json.Code }).toEqual({
        seq: capture.seq,
        status: capture.response.status,
        code: capture.response.body.Code,
      });
      // 69 and 80 were signed with a wrong secret: the whole message, server StringToSign included, is the recorded one.
      if (capture.response.body.Code === 'SignatureDoesNotMatch') expect(response.json.Message).toBe(capture.response.body.Message);
    }
    server.setTime(now + 60_000);
    for (const capture of CAPTURES) {
      const again = await replay(server.url(), capture);
      const recorded = capture.response.body.Code as string | undefined;
      const code = recorded !== undefined && REFUSED_BEFORE_NONCE.has(recorded) ? recorded : 'SignatureNonceUsed';
      expect({ seq: capture.seq, code: again.json.Code }).toEqual({ seq: capture.seq, code });
      expectGatewayError(again, code, code === 'SignatureNonceUsed' ? 400 : capture.response.status, formatOfCapture(capture));
    }
  });
});

/** Replaces (or, returning undefined, removes) a parameter's raw value wherever it is: the query or the form body. */
function editParam(request: Replay, name: string, edit: (raw: string) => string | undefined): void {
  const apply = (raw: string) =>
    raw
      .split('&')
      .flatMap((segment) => {
        const eq = segment.indexOf('=');
        if ((eq < 0 ? segment : segment.slice(0, eq)) !== name) return [segment];
        const value = edit(eq < 0 ? '' : segment.slice(eq + 1));
        return value === undefined ? [] : [`${name}=${value}`];
      })
      .join('&');
  const q = request.url.indexOf('?');
  if (q >= 0 && new RegExp(`[?&]${name}=`).test(request.url)) request.url = `${request.url.slice(0, q + 1)}${apply(request.url.slice(q + 1))}`;
  else request.body = Buffer.from(apply(request.body.toString('utf8')));
}

/** The string with its last character changed. */
const flip = (value: string): string => `${value.slice(0, -1)}${value.endsWith('a') ? 'b' : 'a'}`;

type Alteration = [name: string, alter: (request: Replay) => void, code: string, status: number];

const V1_ALTERATIONS: Alteration[] = [
  ['one byte of the signed parameters (the nonce, in the query or the form body)', (r) => editParam(r, 'SignatureNonce', flip), 'SignatureDoesNotMatch', 400],
  ['a signed value moved within the window (Timestamp + 1 s)', (r) => editParam(r, 'Timestamp', (t) => t.replace(/(\d)Z$/, (_, d) => `${(Number(d) + 1) % 10}Z`)), 'SignatureDoesNotMatch', 400],
  ['an added parameter', (r) => (r.url.includes('?') ? (r.url += '&Extra=1') : (r.body = Buffer.concat([r.body, Buffer.from('&Extra=1')]))), 'SignatureDoesNotMatch', 400],
  ['a garbled Signature', (r) => editParam(r, 'Signature', (s) => (s.startsWith('A') ? `B${s.slice(1)}` : `A${s.slice(1)}`)), 'SignatureDoesNotMatch', 400],
  ['no Signature', (r) => editParam(r, 'Signature', () => undefined), 'IncompleteSignature', 400],
  ['no SignatureNonce', (r) => editParam(r, 'SignatureNonce', () => undefined), 'IncompleteSignature', 400],
  ['no Timestamp', (r) => editParam(r, 'Timestamp', () => undefined), 'IncompleteSignature', 400],
  ['SignatureMethod HMAC-SHA256', (r) => editParam(r, 'SignatureMethod', () => 'HMAC-SHA256'), 'IncompleteSignature', 400],
  ['a Timestamp with milliseconds', (r) => editParam(r, 'Timestamp', (t) => t.replace(/Z$/, '.000Z')), 'InvalidTimeStamp.Format', 400],
  ['an unknown AccessKeyId', (r) => editParam(r, 'AccessKeyId', () => 'nobody'), 'InvalidAccessKeyId.NotFound', 404],
];

const setHeader = (name: string, edit: (value: string) => string | undefined) => (r: Replay) => {
  const value = edit(r.headers[name] ?? '');
  if (value === undefined) delete r.headers[name];
  else r.headers[name] = value;
};

const V3_ALTERATIONS: Alteration[] = [
  ['one body byte', (r) => (r.body = r.body.length ? Buffer.from(flip(r.body.toString('utf8'))) : Buffer.from('x')), 'SignatureDoesNotMatch', 400],
  ['a query byte', (r) => (r.url = r.url.includes('?') ? flip(r.url) : `${r.url}?Extra=1`), 'SignatureDoesNotMatch', 400],
  ['the signed host header', setHeader('host', (h) => h.replace(/:(\d+)$/, (_, p) => `:${Number(p) + 1}`)), 'SignatureDoesNotMatch', 400],
  ['the signed nonce header', setHeader('x-acs-signature-nonce', flip), 'SignatureDoesNotMatch', 400],
  ['x-acs-content-sha256', setHeader('x-acs-content-sha256', flip), 'SignatureDoesNotMatch', 400],
  ['a garbled Signature (its last hex digit)', setHeader('authorization', flip), 'SignatureDoesNotMatch', 400],
  ['no Authorization', setHeader('authorization', () => undefined), 'IncompleteSignature', 400],
  ['a truncated Authorization', setHeader('authorization', (a) => a.slice(0, a.indexOf(',SignedHeaders'))), 'IncompleteSignature', 400],
  ['another algorithm (ACS3-HMAC-SM3)', setHeader('authorization', (a) => a.replace('ACS3-HMAC-SHA256', 'ACS3-HMAC-SM3')), 'IncompleteSignature', 400],
  ['x-acs-date left out of SignedHeaders', setHeader('authorization', (a) => a.replace(';x-acs-date', '')), 'IncompleteSignature', 400],
  ['no x-acs-content-sha256', setHeader('x-acs-content-sha256', () => undefined), 'IncompleteSignature', 400],
  ['an x-acs-date with milliseconds', setHeader('x-acs-date', (d) => d.replace(/Z$/, '.000Z')), 'InvalidTimeStamp.Format', 400],
  ['an unknown Credential', setHeader('authorization', (a) => a.replace('Credential=testAccessKeyId', 'Credential=nobody')), 'InvalidAccessKeyId.NotFound', 404],
];

describe('Alibaba strict mode: altered captures are refused with the gateway error', () => {
  const server = useStrictServer([LISTED]);

  describe.each(named(ROUTED))('%s', (_, capture) => {
    it.each(isV3(capture) ? V3_ALTERATIONS : V1_ALTERATIONS)('%s', async (_name, alter, code, status) => {
      server.setTime(signedAt(capture));
      expectGatewayError(await replay(server.url(), capture, alter), code, status, formatOfCapture(capture));
    });

    it('a clock more than 15 minutes away, either way', async () => {
      server.setTime(signedAt(capture) + FIFTEEN_MINUTES + 1000);
      expectGatewayError(await replay(server.url(), capture), 'InvalidTimeStamp.Expired', 400, formatOfCapture(capture));
      server.setTime(signedAt(capture) - FIFTEEN_MINUTES - 1000);
      expectGatewayError(await replay(server.url(), capture), 'InvalidTimeStamp.Expired', 400, formatOfCapture(capture));
    });
  });
});

describe('Alibaba strict mode: a listed key with another secret', () => {
  const server = useStrictServer([{ ...LISTED, accessKeySecret: 'not-the-secret' }]);

  it.each(named(ROUTED))('%s: SignatureDoesNotMatch with the server StringToSign', async (_, capture) => {
    server.setTime(signedAt(capture));
    const response = await replay(server.url(), capture);
    expectGatewayError(response, 'SignatureDoesNotMatch', 400, formatOfCapture(capture));
    expect(response.json.Message).toBe(`${MISMATCH_PREFIX}${capture.detected.auth.stringToSign}`);
  });
});

describe('Alibaba strict mode: a key that is not listed', () => {
  const server = useStrictServer([{ accessKeyId: 'someoneElse', accessKeySecret: 'x', accountId: '1111222233334444' }]);

  it.each(named(ROUTED))('%s: InvalidAccessKeyId.NotFound', async (_, capture) => {
    server.setTime(signedAt(capture));
    const response = await replay(server.url(), capture);
    expectGatewayError(response, 'InvalidAccessKeyId.NotFound', 404, formatOfCapture(capture));
    expect(response.json.Message).toBe('Specified access key is not found.');
  });
});
