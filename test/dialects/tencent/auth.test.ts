import { ManualClock } from '../../../src/core/runtime.js';
import { useServer } from '../../helpers/server.js';
import { TENCENT_KEY } from '../../helpers/tencent.js';
import { AUTH_MESSAGES, credentialsFiles, setClock } from '../../helpers/tencentAuth.js';
import {
  captureRequest,
  captureTime,
  headerOf,
  isV1,
  sendRaw,
  TENCENT_CAPTURES,
  v1Params,
  withHeader,
  withV1Params,
  type RawRequest,
  type TencentCapture,
} from '../../helpers/tencentCaptures.js';
import { UUID } from '../../helpers/tencentOperations.js';

/** The UIN the listed key belongs to: not the server's default account, so the mapping shows. */
const KEY_ACCOUNT = '100000000042';
const CAPTURED_TOKEN = headerOf(captureRequest(TENCENT_CAPTURES.find((c) => c.label.includes('token'))!), 'X-TC-Token')!;
const START = captureTime(TENCENT_CAPTURES[0]);

const files = credentialsFiles({
  listed: [{ ...TENCENT_KEY, uin: KEY_ACCOUNT, appId: '1250000042' }],
  temporary: [{ ...TENCENT_KEY, uin: KEY_ACCOUNT, token: CAPTURED_TOKEN }],
  // The same SecretId with another secret: every captured signature must then fail.
  wrongSecret: [{ ...TENCENT_KEY, secretKey: 'exampleSecretKey', uin: KEY_ACCOUNT }],
});
const clocks = { listed: new ManualClock(START), temporary: new ManualClock(START), wrongSecret: new ManualClock(START) };
const servers = {
  listed: useServer('memory', { auth: 'strict', credentialsFile: files.listed, clock: clocks.listed }),
  temporary: useServer('memory', { auth: 'strict', credentialsFile: files.temporary, clock: clocks.temporary }),
  wrongSecret: useServer('memory', { auth: 'strict', credentialsFile: files.wrongSecret, clock: clocks.wrongSecret }),
};
type ServerName = keyof typeof servers;

const carriesToken = (capture: TencentCapture) => headerOf(captureRequest(capture), 'X-TC-Token') !== undefined;
/** The server whose key a capture verifies with: the temporary one for the capture with a session token. */
const homeOf = (capture: TencentCapture): ServerName => (carriesToken(capture) ? 'temporary' : 'listed');

/** Sends `raw` to a server with its clock at `ms`; returns the Response member, after checking the envelope. */
async function send(name: ServerName, raw: RawRequest, ms: number): Promise<{ Error?: { Code: string; Message: string }; RequestId: string } & Record<string, unknown>> {
  setClock(clocks[name], ms);
  const response = await sendRaw(servers[name]().url, raw);
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toBe('application/json');
  expect(Object.keys(response.json)).toEqual(['Response']);
  expect(response.json.Response.RequestId).toMatch(UUID);
  return response.json.Response;
}

/** Sends `raw` and expects the gateway error `code` with its exact English message. */
async function expectAuthError(name: ServerName, raw: RawRequest, ms: number, code: keyof typeof AUTH_MESSAGES): Promise<void> {
  const response = await send(name, raw, ms);
  expect(Object.keys(response).sort()).toEqual(['Error', 'RequestId']);
  expect(response.Error).toEqual({ Code: code, Message: AUTH_MESSAGES[code]['en-US'] });
}

/** Changes one byte of a value: after the first `=` (form, query) or `:` (JSON), else the first byte. */
function alterOneByte(text: string): string {
  const marks = [text.indexOf('='), text.indexOf(':')].filter((i) => i >= 0);
  const at = marks.length > 0 ? Math.min(...marks) + 1 : 0;
  return text.slice(0, at) + (text[at] === 'x' ? 'y' : 'x') + text.slice(at + 1);
}

/** The capture with one byte of what it signs as payload changed: the body, or a GET's query. */
function withAlteredPayload(raw: RawRequest): RawRequest {
  if (raw.method === 'GET') return { ...raw, url: `/?${alterOneByte(raw.url.slice(2))}` };
  return { ...raw, body: alterOneByte(raw.body) };
}

/** The capture with its v1 parameter `name` set (or removed when undefined). */
function withParam(raw: RawRequest, name: string, value: string | undefined): RawRequest {
  const params = v1Params(raw);
  if (value === undefined) params.delete(name);
  else params.set(name, value);
  return withV1Params(raw, params);
}

/** The capture claiming another SecretId, in its Authorization header (TC3) or its SecretId parameter (v1). */
function withSecretId(capture: TencentCapture, secretId: string): RawRequest {
  const raw = captureRequest(capture);
  if (isV1(capture)) return withParam(raw, 'SecretId', secretId);
  return withHeader(raw, 'Authorization', headerOf(raw, 'Authorization')!.replace(TENCENT_KEY.secretId, secretId));
}

function withTimestamp(capture: TencentCapture, seconds: number): RawRequest {
  const raw = captureRequest(capture);
  return isV1(capture) ? withParam(raw, 'Timestamp', String(seconds)) : withHeader(raw, 'X-TC-Timestamp', String(seconds));
}

const cases = TENCENT_CAPTURES.map((capture) => [`${capture.seq} ${capture.label}`, capture] as const);

describe('Tencent strict mode: the Node SDK captures', () => {
  it('covers TC3 POST and GET, HmacSHA256 POST and GET, HmacSHA1, a session token and three endpoint shapes', () => {
    expect(TENCENT_CAPTURES).toHaveLength(23);
    expect(new Set(TENCENT_CAPTURES.map((c) => c.scheme))).toEqual(new Set(['TC3-HMAC-SHA256', 'v1:HmacSHA256', 'v1:HmacSHA1']));
    expect(TENCENT_CAPTURES.filter(carriesToken)).toHaveLength(1);
  });

  it('verifies every capture with the recorded key at its own time, in order, landing in the key’s account', async () => {
    for (const capture of TENCENT_CAPTURES) {
      const response = await send(homeOf(capture), captureRequest(capture), captureTime(capture));
      expect(`${capture.label}: ${response.Error?.Code ?? 'ok'}`).not.toMatch(/: (AuthFailure|MissingParameter$)/);
    }
    // The listed server ran CreateSecret (TC3 and HmacSHA256) and PutSecretValue: the secret is in KEY_ACCOUNT, not the default account.
    const engine = servers.listed().polysecret.engine;
    expect(engine.get({ cloud: 'tencent', account: KEY_ACCOUNT, region: 'ap-guangzhou' }, 'cap-bin')).toBeDefined();
    expect(engine.get({ cloud: 'tencent', account: '100000000001', region: 'ap-guangzhou' }, 'cap-bin')).toBeUndefined();
  });

  it.each(cases)('%s: succeeds alone with the recorded key', async (_, capture) => {
    const response = await send(homeOf(capture), captureRequest(capture), captureTime(capture));
    expect(response.Error?.Code ?? 'ok').not.toMatch(/^AuthFailure|^MissingParameter$|^InvalidParameter$|^UnknownParameter$/);
  });

  it.each(cases)('%s: refused when altered, with the gateway code', async (_, capture) => {
    const home = homeOf(capture);
    const raw = captureRequest(capture);
    const at = captureTime(capture);
    const seconds = at / 1000;
    // One byte of the signed payload.
    await expectAuthError(home, withAlteredPayload(raw), at, 'AuthFailure.SignatureFailure');
    // A signed header: Host is signed by both methods (TC3 as a header, v1 in the string to sign).
    await expectAuthError(home, withHeader(raw, 'Host', `evil.example:${new URL(`http://${headerOf(raw, 'Host')}`).port}`), at, 'AuthFailure.SignatureFailure');
    if (!isV1(capture)) await expectAuthError(home, withHeader(raw, 'Content-Type', 'text/plain'), at, 'AuthFailure.SignatureFailure');
    // The key's secret.
    await expectAuthError('wrongSecret', raw, at, 'AuthFailure.SignatureFailure');
    // The clock: more than 300 s either way; the signed timestamp itself changed.
    await expectAuthError(home, raw, at + 301_000, 'AuthFailure.SignatureExpire');
    await expectAuthError(home, raw, at - 301_000, 'AuthFailure.SignatureExpire');
    await expectAuthError(home, withTimestamp(capture, seconds + 1), at, 'AuthFailure.SignatureFailure');
    // A SecretId nobody listed.
    await expectAuthError(home, withSecretId(capture, 'AKIDunknown0000000000000000000000000'), at, 'AuthFailure.SecretIdNotFound');
    if (isV1(capture)) {
      // The v1 signature travels as a parameter: missing, it is a missing parameter [inf]; garbled, it does not verify.
      const missing = await send(home, withParam(raw, 'Signature', undefined), at);
      expect(missing.Error).toEqual({ Code: 'MissingParameter', Message: 'The request is missing a required parameter `Signature`.' });
      await expectAuthError(home, withParam(raw, 'Signature', 'garbled'), at, 'AuthFailure.SignatureFailure');
      await expectAuthError(home, withParam(raw, 'SignatureMethod', 'HmacMD5'), at, 'AuthFailure.SignatureFailure');
    } else {
      await expectAuthError(home, withHeader(raw, 'Authorization', undefined), at, 'AuthFailure.InvalidAuthorization');
      await expectAuthError(home, withHeader(raw, 'Authorization', 'TC3-HMAC-SHA256 garbled'), at, 'AuthFailure.InvalidAuthorization');
      const authorization = headerOf(raw, 'Authorization')!;
      await expectAuthError(home, withHeader(raw, 'Authorization', authorization.replace('/tc3_request', '/tc4_request')), at, 'AuthFailure.InvalidAuthorization');
      await expectAuthError(home, withHeader(raw, 'Authorization', authorization.replace(/Signature=.*/, `Signature=${'0'.repeat(64)}`)), at, 'AuthFailure.SignatureFailure');
      await expectAuthError(home, withHeader(raw, 'Authorization', authorization.replace(/Signature=.*/, 'Signature=abc')), at, 'AuthFailure.SignatureFailure');
    }
  });

  it('accepts a timestamp exactly 300 s away in either direction', async () => {
    for (const capture of [TENCENT_CAPTURES[3], TENCENT_CAPTURES.find(isV1)!]) {
      for (const skew of [300_000, -300_000]) {
        const response = await send('listed', captureRequest(capture), captureTime(capture) + skew);
        expect(response.Error?.Code ?? 'ok').not.toMatch(/^AuthFailure/);
      }
    }
  });

  it('accepts header values that differ from the signed ones only in case (values are compared lower-cased)', async () => {
    const raw = captureRequest(TENCENT_CAPTURES[3]);
    const response = await send('listed', withHeader(raw, 'Content-Type', 'Application/JSON'), captureTime(TENCENT_CAPTURES[3]));
    expect(response.Error?.Code ?? 'ok').not.toMatch(/^AuthFailure/);
  });

  it('checks the session token: the temporary key needs its own, a permanent key takes none', async () => {
    const withToken = TENCENT_CAPTURES.find(carriesToken)!;
    const plain = TENCENT_CAPTURES[3];
    const raw = captureRequest(withToken);
    await expectAuthError('listed', raw, captureTime(withToken), 'AuthFailure.TokenFailure');
    await expectAuthError('temporary', withHeader(raw, 'X-TC-Token', `${CAPTURED_TOKEN}x`), captureTime(withToken), 'AuthFailure.TokenFailure');
    await expectAuthError('temporary', withHeader(raw, 'X-TC-Token', undefined), captureTime(withToken), 'AuthFailure.TokenFailure');
    await expectAuthError('temporary', captureRequest(plain), captureTime(plain), 'AuthFailure.TokenFailure');
    const v1 = TENCENT_CAPTURES.find(isV1)!;
    await expectAuthError('temporary', captureRequest(v1), captureTime(v1), 'AuthFailure.TokenFailure');
    const v1WithToken = withParam(captureRequest(v1), 'Token', CAPTURED_TOKEN);
    // Token is signed in v1: added after signing, the signature fails first.
    await expectAuthError('temporary', v1WithToken, captureTime(v1), 'AuthFailure.SignatureFailure');
  });

  it('answers in Chinese when X-TC-Language is zh-CN, and echoes X-TC-TraceId', async () => {
    const capture = TENCENT_CAPTURES[3];
    const raw = withHeader(withHeader(captureRequest(capture), 'X-TC-Language', 'zh-CN'), 'X-TC-TraceId', 'trace-auth');
    setClock(clocks.wrongSecret, captureTime(capture));
    const wrong = await sendRaw(servers.wrongSecret().url, raw);
    expect(wrong.json.Response.Error).toEqual({ Code: 'AuthFailure.SignatureFailure', Message: AUTH_MESSAGES['AuthFailure.SignatureFailure']['zh-CN'] });
    expect(wrong.headers['x-tc-traceid']).toBe('trace-auth');
    for (const [code, altered, ms] of [
      ['AuthFailure.SecretIdNotFound', withSecretId(capture, 'AKIDunknown'), captureTime(capture)],
      ['AuthFailure.SignatureExpire', captureRequest(capture), captureTime(capture) + 3_600_000],
      ['AuthFailure.InvalidAuthorization', withHeader(captureRequest(capture), 'Authorization', 'Bearer x'), captureTime(capture)],
    ] as const) {
      const response = await send('listed', withHeader(altered, 'X-TC-Language', 'zh-CN'), ms);
      expect(response.Error).toEqual({ Code: code, Message: AUTH_MESSAGES[code]['zh-CN'] });
    }
  });

  it('checks the action and version before the signature, and the signature before the parameters', async () => {
    const capture = TENCENT_CAPTURES[3];
    const raw = withHeader(captureRequest(capture), 'Authorization', undefined);
    const at = captureTime(capture);
    expect((await send('listed', withHeader(raw, 'X-TC-Action', 'NoSuchAction'), at)).Error?.Code).toBe('InvalidAction');
    expect((await send('listed', withHeader(raw, 'X-TC-Version', '2018-01-01'), at)).Error?.Code).toBe('NoSuchVersion');
    // A body that is not JSON, or names an unknown parameter, still fails on its signature first.
    await expectAuthError('listed', { ...captureRequest(capture), body: '{"SecretName":' }, at, 'AuthFailure.SignatureFailure');
    await expectAuthError('listed', { ...captureRequest(capture), body: '{"Nope":1}' }, at, 'AuthFailure.SignatureFailure');
    // v1: the action and version are signed parameters, but are still checked first.
    const v1 = TENCENT_CAPTURES.find(isV1)!;
    expect((await send('listed', withParam(captureRequest(v1), 'Action', 'NoSuchAction'), captureTime(v1))).Error?.Code).toBe('InvalidAction');
  });

  it('takes a replayed request within the window: Tencent has no nonce check (TC3 has no nonce; v1 Nonce is 16-bit)', async () => {
    for (const capture of [TENCENT_CAPTURES[3], TENCENT_CAPTURES.find(isV1)!]) {
      for (let i = 0; i < 2; i++) {
        const response = await send('listed', captureRequest(capture), captureTime(capture) + i * 1000);
        expect(response.Error?.Code ?? 'ok').not.toMatch(/^AuthFailure/);
      }
    }
  });
});
