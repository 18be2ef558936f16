import { parseStringPromise } from 'xml2js';
import { ALIBABA_KEY, ALIBABA_SDKS, alibabaClient } from '../../helpers/alibaba.js';
import { credentialsFile, expectGatewayError, freshNonce, send, useStrictServer, v1Url, v3Request, type ListedKey } from '../../helpers/alibabaAuth.js';
import { expectKmsError } from '../../helpers/alibabaOperations.js';
import { useServer } from '../../helpers/server.js';

/** A listed account distinct from the server's default (1234567890123456), so the mapping shows in ARNs. */
const ACCOUNT = '5555666677778888';
const LISTED: ListedKey = { ...ALIBABA_KEY, accountId: ACCOUNT };
const WRONG_SECRET = { ...ALIBABA_KEY, accessKeySecret: 'not-the-secret' };
const UNKNOWN_KEY = { accessKeyId: 'LTAInobody', accessKeySecret: 'whatever' };
const MISMATCH_PREFIX = 'Specified signature is not matched with our calculation. server string to sign is:';
const arn = (account: string, name: string) => `acs:kms:cn-hangzhou:${account}:secret/${name}`;

describe('Alibaba strict mode through the SDKs', () => {
  const server = useStrictServer([LISTED]);

  describe.each(ALIBABA_SDKS)('%s', (sdk) => {
    it('works with a listed key, in the key’s account, one fresh nonce per call', async () => {
      const call = alibabaClient(server.url(), sdk);
      const created = await call('CreateSecret', { SecretName: `strict-${sdk}`, VersionId: 'v1', SecretData: "a b+c/=&?%*'()!~ 中文" });
      expect(created.Arn).toBe(arn(ACCOUNT, `strict-${sdk}`));
      const read = await call('GetSecretValue', { SecretName: `strict-${sdk}` });
      expect(read.SecretData).toBe("a b+c/=&?%*'()!~ 中文");
      expect((await call('GetSecretValue', { SecretName: `strict-${sdk}` })).VersionId).toBe('v1');
    });

    it('gets SignatureDoesNotMatch with a wrong secret', async () => {
      const error = await expectKmsError(sdk, alibabaClient(server.url(), sdk, WRONG_SECRET)('ListSecrets'), 'SignatureDoesNotMatch', 400);
      expect(String(error.data.Message)).toMatch(new RegExp(`^${MISMATCH_PREFIX}`));
    });

    it('gets InvalidAccessKeyId.NotFound with a key that is not listed', async () => {
      await expectKmsError(sdk, alibabaClient(server.url(), sdk, UNKNOWN_KEY)('ListSecrets'), 'InvalidAccessKeyId.NotFound', 404, 'Specified access key is not found.');
    });
  });
});

describe('Alibaba permissive mode with a credentials file', () => {
  const server = useServer('memory', { credentialsFile: credentialsFile([LISTED]) });

  it.each(ALIBABA_SDKS)('%s: any signature passes; a listed key picks its account, another key the default one', async (sdk) => {
    const listed = await alibabaClient(server().url, sdk, WRONG_SECRET)('CreateSecret', { SecretName: 'mapped', VersionId: 'v1', SecretData: 's' });
    expect(listed.Arn).toBe(arn(ACCOUNT, 'mapped'));
    const unlisted = await alibabaClient(server().url, sdk, UNKNOWN_KEY)('CreateSecret', { SecretName: 'fallback', VersionId: 'v1', SecretData: 's' });
    expect(unlisted.Arn).toBe(arn('1234567890123456', 'fallback'));
  });

  it('does not remember nonces: a replayed request is simply served again', async () => {
    const url = v1Url({ Action: 'ListSecrets' }, { ...ALIBABA_KEY, secret: 'anything', time: 0, nonce: 'same' });
    expect((await send(server().url, 'GET', url)).status).toBe(200);
    expect((await send(server().url, 'GET', url)).status).toBe(200);
  });
});

describe('Alibaba strict mode: raw requests', () => {
  const T = Date.parse('2026-01-01T00:00:00Z');
  const TEMPORARY: ListedKey = { accessKeyId: 'STS.temporary', accessKeySecret: 'temporary-secret', accountId: ACCOUNT, securityToken: 'token-1' };
  const server = useStrictServer([LISTED, TEMPORARY], T);
  const HOST = 'kms.cn-hangzhou.aliyuncs.com';
  const permanent = { accessKeyId: LISTED.accessKeyId, secret: LISTED.accessKeySecret, time: T };
  const temporary = { accessKeyId: TEMPORARY.accessKeyId, secret: TEMPORARY.accessKeySecret, time: T };
  const v1 = async (params: Record<string, string>, options: Parameters<typeof v1Url>[1]) => send(server.url(), 'GET', v1Url(params, options));
  const v3 = async (action: string, query: Record<string, string>, options: Parameters<typeof v3Request>[3]) => {
    const { path, headers } = v3Request(action, query, HOST, options);
    return send(server.url(), 'POST', path, headers);
  };

  beforeEach(() => server.setTime(T));

  it('takes a temporary key with its own token, by V1 SecurityToken or V3 x-acs-security-token', async () => {
    expect((await v1({ Action: 'ListSecrets' }, { ...temporary, token: 'token-1' })).status).toBe(200);
    expect((await v3('ListSecrets', {}, { ...temporary, token: 'token-1' })).status).toBe(200);
  });

  it('refuses a temporary key without its token, with another token, and a permanent key with a token', async () => {
    expectGatewayError(await v1({ Action: 'ListSecrets' }, temporary), 'MissingSecurityToken', 400);
    expectGatewayError(await v3('ListSecrets', {}, temporary), 'MissingSecurityToken', 400);
    expectGatewayError(await v1({ Action: 'ListSecrets' }, { ...temporary, token: 'token-2' }), 'InvalidSecurityToken.MismatchWithAccessKey', 400);
    expectGatewayError(await v3('ListSecrets', {}, { ...temporary, token: 'token-2' }), 'InvalidSecurityToken.MismatchWithAccessKey', 400);
    const withToken = await v1({ Action: 'ListSecrets' }, { ...permanent, token: 'token-1' });
    expectGatewayError(withToken, 'InvalidSecurityToken.MismatchWithAccessKey', 400);
    expect(withToken.json.Message).toBe('Specified SecurityToken mismatch with the AccessKey.');
  });

  it('accepts a timestamp exactly 15 minutes off either way, and refuses malformed ones', async () => {
    const quarter = 15 * 60 * 1000;
    expect((await v1({ Action: 'ListSecrets' }, { ...permanent, time: T - quarter })).status).toBe(200);
    expect((await v3('ListSecrets', {}, { ...permanent, time: T + quarter })).status).toBe(200);
    const expired = await v1({ Action: 'ListSecrets' }, { ...permanent, time: T + quarter + 1000 });
    expectGatewayError(expired, 'InvalidTimeStamp.Expired', 400);
    expect(expired.json.Message).toBe('Specified time stamp or date value is expired.');
    for (const time of ['2026-02-30T00:00:00Z', '2026-01-01 00:00:00', '2026-01-01T00:00:00+08:00', '']) {
      const malformed = await v1({ Action: 'ListSecrets' }, { ...permanent, time });
      expectGatewayError(malformed, 'InvalidTimeStamp.Format', 400);
      expect(malformed.json.Message).toBe('Specified time stamp or date value is not well formatted.');
    }
  });

  it('refuses a nonce used by the same key again, V1 or V3, but not one another key used', async () => {
    expect((await v1({ Action: 'ListSecrets' }, { ...permanent, nonce: 'shared' })).status).toBe(200);
    expect((await v1({ Action: 'ListSecrets' }, { ...temporary, token: 'token-1', nonce: 'shared' })).status).toBe(200);
    const replayed = await v3('ListSecrets', {}, { ...permanent, nonce: 'shared' });
    expectGatewayError(replayed, 'SignatureNonceUsed', 400);
    expect(replayed.json.Message).toBe('Specified signature nonce was used already.');
  });

  it('refuses a request with no signature at all with IncompleteSignature', async () => {
    const response = await send(server.url(), 'GET', '/?Action=ListSecrets&Version=2016-01-20');
    expectGatewayError(response, 'IncompleteSignature', 400);
    expect(response.json.Message).toBe('The request signature does not conform to Aliyun standards.');
  });

  it('answers in XML when the request asks for it', async () => {
    const response = await v1({ Action: 'ListSecrets', Format: 'XML' }, { ...permanent, secret: 'wrong' });
    expect(response.status).toBe(400);
    expect(response.contentType).toBe('text/xml;charset=utf-8');
    const { Error: body } = await parseStringPromise(response.text, { explicitArray: false });
    expect(body.Code).toBe('SignatureDoesNotMatch');
    expect(body.Message.startsWith(MISMATCH_PREFIX)).toBe(true);
  });

  it('routes before authenticating and validates parameters after', async () => {
    const wrong = { ...permanent, secret: 'wrong' };
    expectGatewayError(await v1({ Action: 'NoSuchAction' }, wrong), 'InvalidAction.NotFound', 404);
    expectGatewayError(await v1({ Action: 'ListSecrets', Version: '2015-01-01' }, wrong), 'InvalidVersion', 400);
    expectGatewayError(await v1({ Action: 'GetSecretValue' }, wrong), 'SignatureDoesNotMatch', 400);
    expectGatewayError(await v1({ Action: 'GetSecretValue' }, permanent), 'MissingSecretName', 400);
  });

  it('checks the key, then the timestamp, then the signature', async () => {
    const stale = T - 60 * 60 * 1000;
    expectGatewayError(await v1({ Action: 'ListSecrets' }, { accessKeyId: 'nobody', secret: 'x', time: stale }), 'InvalidAccessKeyId.NotFound', 404);
    expectGatewayError(await v1({ Action: 'ListSecrets' }, { ...permanent, secret: 'wrong', time: stale }), 'InvalidTimeStamp.Expired', 400);
  });

  it('lets a forged request not use up the nonce it copies', async () => {
    const nonce = freshNonce();
    expectGatewayError(await v1({ Action: 'ListSecrets' }, { ...permanent, secret: 'wrong', nonce }), 'SignatureDoesNotMatch', 400);
    expect((await v1({ Action: 'ListSecrets' }, { ...permanent, nonce })).status).toBe(200);
  });
});
