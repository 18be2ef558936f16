import { ManualClock } from '../../../src/core/runtime.js';
import { useServer } from '../../helpers/server.js';
import { TENCENT_KEY } from '../../helpers/tencent.js';
import { AUTH_MESSAGES, credentialsFiles, setClock } from '../../helpers/tencentAuth.js';
import { sendRaw, tc3Authorization, v1Sign, withHeader, type RawRequest, type Tc3Options } from '../../helpers/tencentCaptures.js';

// Requests re-signed the way other clients sign (Go, Python, hand-rolled code from Tencent's docs),
// to pin each tolerated quirk of the TC3 and v1 signatures one by one.

const TEMPORARY = { secretId: 'AKIDtemporary00000000000000000000000', secretKey: 'temporarySecretKey', token: 'session-token-1' };
const files = credentialsFiles({
  keys: [
    { ...TENCENT_KEY, uin: '100000000042' },
    { ...TEMPORARY, uin: '100000000043' },
  ],
});
/** 2025-01-15 17:00:00 UTC: already the 16th in Beijing, so a local-date scope shows. */
const NOW = Date.UTC(2025, 0, 15, 17, 0, 0);
const SECONDS = NOW / 1000;
const clock = new ManualClock(NOW);
const ADMIN_TOKEN = 'auth-quirks-admin-token';
const server = useServer('memory', { auth: 'strict', credentialsFile: files.keys, clock, adminToken: ADMIN_TOKEN });

type Answer = { Error?: { Code: string; Message: string } } & Record<string, unknown>;

async function send(raw: RawRequest): Promise<Answer> {
  setClock(clock, NOW);
  const response = await sendRaw(server().url, raw);
  expect(response.status).toBe(200);
  return response.json.Response;
}

async function expectAccepted(raw: RawRequest): Promise<Answer> {
  const response = await send(raw);
  expect(response.Error).toBeUndefined();
  return response;
}

async function expectCode(raw: RawRequest, code: string, message?: string): Promise<void> {
  const response = await send(raw);
  expect(response.Error?.Code).toBe(code);
  if (message !== undefined) expect(response.Error?.Message).toBe(message);
}

/** A TC3 request: POST ListSecrets with a JSON body, or GET with `query`; sent with `host`. */
function tc3Request(options: { method?: 'GET' | 'POST'; host?: string; body?: string; query?: string; contentType?: string }): RawRequest {
  const method = options.method ?? 'POST';
  return {
    method,
    url: method === 'GET' ? `/?${options.query ?? ''}` : '/',
    headers: [
      ['Host', options.host ?? '127.0.0.1:4566'],
      ['X-TC-Action', 'ListSecrets'],
      ['X-TC-Version', '2019-09-23'],
      ['X-TC-Region', 'ap-guangzhou'],
      ['X-TC-Timestamp', String(SECONDS)],
      ['Content-Type', options.contentType ?? (method === 'GET' ? 'application/x-www-form-urlencoded' : 'application/json')],
    ],
    body: method === 'GET' ? '' : (options.body ?? '{"Limit":5}'),
  };
}

/** Signs `raw` with TC3, signing content-type and host (or `signed`) as the client saw them. */
function signTc3(raw: RawRequest, options: Partial<Tc3Options> & { hostSigned?: string } = {}): RawRequest {
  const header = (name: string) => raw.headers.find(([n]) => n.toLowerCase() === name)![1];
  const signed = options.signed ?? [
    ['content-type', header('content-type')],
    ['host', options.hostSigned ?? header('host')],
  ];
  const authorization = tc3Authorization(raw, { ...TENCENT_KEY, timestamp: SECONDS, service: 'ssm', ...options, signed });
  return withHeader(raw, 'Authorization', authorization);
}

describe('Tencent strict mode: TC3 as other clients sign it', () => {
  it('accepts the Host signed with its port (Go, Python) and without it (Node), and any service in the scope', async () => {
    await expectAccepted(signTc3(tc3Request({})));
    await expectAccepted(signTc3(tc3Request({}), { hostSigned: '127.0.0.1', service: '127' }));
    await expectAccepted(signTc3(tc3Request({ host: 'localhost:4566' }), { service: 'localhost:4566' }));
    await expectAccepted(signTc3(tc3Request({ host: 'ssm.tencentcloudapi.com' })));
    await expectCode(signTc3(tc3Request({}), { hostSigned: '127.0.0.2' }), 'AuthFailure.SignatureFailure');
  });

  it('honours whatever headers the client signed, in its order (Tencent’s doc examples also sign x-tc-action)', async () => {
    const raw = tc3Request({});
    await expectAccepted(signTc3(raw, { signed: [['content-type', 'application/json'], ['host', '127.0.0.1:4566'], ['x-tc-action', 'listsecrets']] }));
    await expectAccepted(signTc3(raw, { signed: [['host', '127.0.0.1:4566'], ['x-tc-action', 'listsecrets'], ['content-type', 'application/json']] }));
    // A signed header the request does not carry, or another action than the one signed.
    await expectCode(signTc3(raw, { signed: [['content-type', 'application/json'], ['host', '127.0.0.1:4566'], ['x-tc-region', 'ap-shanghai']] }), 'AuthFailure.SignatureFailure');
    const signed = signTc3(raw, { signed: [['content-type', 'application/json'], ['host', '127.0.0.1:4566'], ['x-tc-action', 'listsecrets']] });
    await expectCode(withHeader(signed, 'X-TC-Action', 'GetRegions'), 'AuthFailure.SignatureFailure');
  });

  it('accepts header values signed lower-cased (Tencent’s doc) or as sent (clients that do not lower-case)', async () => {
    const raw = tc3Request({ contentType: 'Application/JSON' });
    await expectAccepted(signTc3(raw, { signed: [['content-type', 'application/json'], ['host', '127.0.0.1:4566']] }));
    await expectAccepted(signTc3(raw, { signed: [['content-type', 'Application/JSON'], ['host', '127.0.0.1:4566']] }));
  });

  it('accepts X-TC-Content-SHA256: UNSIGNED-PAYLOAD (Go, Python), whose body is then not covered', async () => {
    const raw = withHeader(tc3Request({}), 'X-TC-Content-SHA256', 'UNSIGNED-PAYLOAD');
    const signed = signTc3(raw, { unsignedPayload: true });
    await expectAccepted(signed);
    await expectAccepted({ ...signed, body: '{"Limit":6}' });
    // Without the header the body hash is required again.
    await expectCode(withHeader(signed, 'X-TC-Content-SHA256', undefined), 'AuthFailure.SignatureFailure');
  });

  it('takes a GET query exactly as received: `+` (Python) and `%20` (Node) are different strings', async () => {
    const python = signTc3(tc3Request({ method: 'GET', query: 'Limit=5&SearchSecretName=a+b' }));
    await expectAccepted(python);
    await expectCode({ ...python, url: '/?Limit=5&SearchSecretName=a%20b' }, 'AuthFailure.SignatureFailure');
    await expectAccepted(signTc3(tc3Request({ method: 'GET', query: 'SearchSecretName=a%20b&Limit=5' })));
  });

  it('requires the scope date to be the UTC date of X-TC-Timestamp', async () => {
    await expectAccepted(signTc3(tc3Request({}), { date: '2025-01-15' }));
    // Signed consistently, but with Beijing's date (a classic client bug).
    await expectCode(signTc3(tc3Request({}), { date: '2025-01-16' }), 'AuthFailure.SignatureFailure', AUTH_MESSAGES['AuthFailure.SignatureFailure']['en-US']);
  });

  it('wants X-TC-Timestamp present and numeric', async () => {
    const signed = signTc3(tc3Request({}));
    await expectCode(withHeader(signed, 'X-TC-Timestamp', undefined), 'MissingParameter', 'The request is missing a required parameter `X-TC-Timestamp`.');
    await expectCode(withHeader(signed, 'X-TC-Timestamp', 'soon'), 'InvalidParameter', 'Parameter `X-TC-Timestamp` type error.');
  });

  it('accepts a temporary key with its X-TC-Token, and maps it to its account', async () => {
    const raw = withHeader(tc3Request({}), 'X-TC-Token', TEMPORARY.token);
    await expectAccepted(signTc3(raw, TEMPORARY));
    await expectCode(signTc3(withHeader(raw, 'X-TC-Token', 'other'), TEMPORARY), 'AuthFailure.TokenFailure', 'Token error.');
    // An empty token header counts as none: fine for a permanent key, not for a temporary one.
    await expectAccepted(signTc3(withHeader(raw, 'X-TC-Token', '')));
    await expectCode(signTc3(withHeader(raw, 'X-TC-Token', ''), TEMPORARY), 'AuthFailure.TokenFailure');
    const create = { ...tc3Request({ body: '{"SecretName":"temp","SecretString":"v"}' }) };
    await expectAccepted(signTc3(withHeader(withHeader(create, 'X-TC-Action', 'CreateSecret'), 'X-TC-Token', TEMPORARY.token), TEMPORARY));
    expect(server().polysecret.engine.get({ cloud: 'tencent', account: '100000000043', region: 'ap-guangzhou' }, 'temp')).toBeDefined();
  });
});

/** A v1 request carrying `params` plus the common ones, signed with `sign` (default: everything, HmacSHA256, Host as sent). */
function v1Request(options: {
  method?: 'GET' | 'POST';
  host?: string;
  params?: Array<[string, string]>;
  signedHost?: string;
  /** Which pairs the client signs; default all. */
  signedPairs?: (pairs: Array<[string, string]>) => Array<[string, string]>;
  hash?: 'sha1' | 'sha256';
  key?: { secretId: string; secretKey: string };
  encode?: (pairs: Array<[string, string]>) => string;
  /** Unsigned headers sent as well. */
  headers?: Array<[string, string]>;
}): RawRequest {
  const method = options.method ?? 'POST';
  const host = options.host ?? '127.0.0.1:4566';
  const key = options.key ?? TENCENT_KEY;
  const pairs: Array<[string, string]> = [
    ['Action', 'ListSecrets'],
    ['Version', '2019-09-23'],
    ['Region', 'ap-guangzhou'],
    ['Timestamp', String(SECONDS)],
    ['Nonce', '11886'],
    ['SecretId', key.secretId],
    ...(options.params ?? [['SearchSecretName', 'a b']]),
  ];
  const signed = (options.signedPairs ?? ((all) => all))(pairs);
  pairs.push(['Signature', v1Sign(key.secretKey, options.hash ?? 'sha256', method, options.signedHost ?? host, signed)]);
  const encoded = (options.encode ?? ((all) => new URLSearchParams(all).toString()))(pairs);
  const headers: Array<[string, string]> = [['Host', host], ...(options.headers ?? [])];
  if (method === 'POST') headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
  return { method, url: method === 'GET' ? `/?${encoded}` : '/', headers, body: method === 'POST' ? encoded : '' };
}

const SHA256: Array<[string, string]> = [['SignatureMethod', 'HmacSHA256']];

describe('Tencent strict mode: v1 as other clients sign it', () => {
  it('accepts the Host signed with its port (every SDK) and without it', async () => {
    for (const method of ['POST', 'GET'] as const) {
      await expectAccepted(v1Request({ method, params: SHA256 }));
      await expectAccepted(v1Request({ method, params: SHA256, signedHost: '127.0.0.1' }));
      await expectCode(v1Request({ method, params: SHA256, signedHost: '127.0.0.2:4566' }), 'AuthFailure.SignatureFailure');
    }
  });

  it('accepts empty-valued parameters left out of the signature (Go) or signed', async () => {
    const params: Array<[string, string]> = [...SHA256, ['Language', ''], ['SearchSecretName', '']];
    await expectAccepted(v1Request({ params, signedPairs: (all) => all.filter(([, value]) => value !== '') }));
    await expectAccepted(v1Request({ params }));
    // Only empty values may be left out.
    await expectCode(v1Request({ params, signedPairs: (all) => all.filter(([name]) => name !== 'Region') }), 'AuthFailure.SignatureFailure');
  });

  it('acts in the signed Region and Version parameters, never in unsigned X-TC-Region / X-TC-Version headers', async () => {
    const unsigned: Array<[string, string]> = [
      ['X-TC-Region', 'ap-shanghai'],
      ['X-TC-Version', '2017-03-12'],
    ];
    for (const method of ['POST', 'GET'] as const) {
      const answer = await expectAccepted(v1Request({ method, params: SHA256, headers: unsigned }));
      expect(answer).toHaveProperty('SecretMetadatas');
      const { requests } = (await (await fetch(`${server().url}/_emulator/requests`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).json()) as { requests: Array<{ action: string; namespace: string }> };
      expect(requests.at(-1)).toMatchObject({ action: 'ListSecrets', namespace: '100000000042/ap-guangzhou' });
    }
  });

  it('defaults SignatureMethod to HmacSHA1', async () => {
    await expectAccepted(v1Request({ params: [], hash: 'sha1' }));
    await expectAccepted(v1Request({ params: [['SignatureMethod', 'HmacSHA1']], hash: 'sha1' }));
    await expectCode(v1Request({ params: [], hash: 'sha256' }), 'AuthFailure.SignatureFailure');
    await expectCode(v1Request({ params: [['SignatureMethod', 'HmacSHA1']], hash: 'sha256' }), 'AuthFailure.SignatureFailure');
  });

  it('signs decoded values, so `+` (Python) and `%20` (Node) for a space both verify', async () => {
    const plus = (pairs: Array<[string, string]>) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%20/g, '+')}`).join('&');
    const percent = (pairs: Array<[string, string]>) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
    for (const method of ['POST', 'GET'] as const) {
      await expectAccepted(v1Request({ method, params: [...SHA256, ['SearchSecretName', 'a b&c=d+e/é']], encode: plus }));
      await expectAccepted(v1Request({ method, params: [...SHA256, ['SearchSecretName', 'a b&c=d+e/é']], encode: percent }));
    }
  });

  it('checks Token against the temporary key', async () => {
    await expectAccepted(v1Request({ key: TEMPORARY, params: [...SHA256, ['Token', TEMPORARY.token]] }));
    await expectCode(v1Request({ key: TEMPORARY, params: [...SHA256, ['Token', 'other']] }), 'AuthFailure.TokenFailure');
    await expectCode(v1Request({ key: TEMPORARY, params: SHA256 }), 'AuthFailure.TokenFailure');
    await expectCode(v1Request({ params: [...SHA256, ['Token', TEMPORARY.token]] }), 'AuthFailure.TokenFailure');
  });

  it('wants SecretId and Timestamp', async () => {
    const raw = v1Request({ params: SHA256 });
    const without = (name: string) => {
      const params = new URLSearchParams(raw.body);
      params.delete(name);
      return { ...raw, body: params.toString() };
    };
    await expectCode(without('SecretId'), 'MissingParameter', 'The request is missing a required parameter `SecretId`.');
    await expectCode(without('Timestamp'), 'MissingParameter', 'The request is missing a required parameter `Timestamp`.');
  });
});
