import { useServer } from '../../helpers/server.js';
import { rawTencent, TENCENT_FRAMINGS, TENCENT_KEY, TENCENT_SHA1_FRAMINGS, tencentClient, type TencentSigning } from '../../helpers/tencent.js';
import { AUTH_MESSAGES, credentialsFiles } from '../../helpers/tencentAuth.js';
import { expectTencentError } from '../../helpers/tencentOperations.js';

// The official Node SDK signs with the real clock, so these servers keep the system clock.

const KEY_ACCOUNT = '100000000042';
const DEFAULT_ACCOUNT = '100000000001';
const TEMPORARY = { secretId: 'AKIDtemporary00000000000000000000000', secretKey: 'temporarySecretKey', token: 'sdk-session-token' };
const files = credentialsFiles({
  keys: [
    { ...TENCENT_KEY, uin: KEY_ACCOUNT, appId: '1250000042' },
    { ...TEMPORARY, uin: '100000000043' },
  ],
});

/** Every way the Node SDK can sign: the helper's four framings plus HmacSHA1 POST and GET. */
const SIGNINGS: TencentSigning[] = [...TENCENT_FRAMINGS, ...TENCENT_SHA1_FRAMINGS];
const cases = SIGNINGS.map((signing) => [signing.name, signing] as const);

describe('Tencent strict mode through the official Node SDK', () => {
  const server = useServer('memory', { auth: 'strict', credentialsFile: files.keys });

  it.each(cases)('%s: a listed key works end to end, in its own account', async (_, signing) => {
    const client = tencentClient(server().url, signing);
    await client.CreateSecret({ SecretName: 'strict-sdk', SecretString: 'a b&c=d+e/é', Tags: [{ TagKey: 'env', TagValue: 'dev' }] });
    expect((await client.GetSecretValue({ SecretName: 'strict-sdk', VersionId: 'SSM_Current' })).SecretString).toBe('a b&c=d+e/é');
    const described = await client.DescribeSecret({ SecretName: 'strict-sdk' });
    expect([described.CreateUin, described.ResourceID]).toEqual([Number(KEY_ACCOUNT), expect.stringContaining(`_${KEY_ACCOUNT}_customize_`)]);
    const listed = await client.ListSecrets({ Limit: 5, TagFilters: [{ TagKey: 'env', TagValue: ['dev'] }] });
    expect(listed.SecretMetadatas?.map((s) => s.SecretName)).toEqual(['strict-sdk']);
    await client.DisableSecret({ SecretName: 'strict-sdk' });
    await client.DeleteSecret({ SecretName: 'strict-sdk', RecoveryWindowInDays: 0 });
  });

  it.each(cases)('%s: a wrong secret, an unknown SecretId and a bad token get the gateway errors', async (_, signing) => {
    const wrong = tencentClient(server().url, signing, { credential: { ...TENCENT_KEY, secretKey: 'wrong' } });
    const failure = await expectTencentError(wrong.GetRegions(), 'AuthFailure.SignatureFailure');
    expect(failure.message).toBe(AUTH_MESSAGES['AuthFailure.SignatureFailure']['en-US']);
    const unknown = tencentClient(server().url, signing, { credential: { secretId: 'AKIDunknown', secretKey: TENCENT_KEY.secretKey } });
    const notFound = await expectTencentError(unknown.ListSecrets({}), 'AuthFailure.SecretIdNotFound');
    expect(notFound.message).toBe(AUTH_MESSAGES['AuthFailure.SecretIdNotFound']['en-US']);
    const chinese = tencentClient(server().url, signing, { language: 'zh-CN', credential: { ...TENCENT_KEY, secretKey: 'wrong' } });
    expect((await expectTencentError(chinese.GetRegions(), 'AuthFailure.SignatureFailure')).message).toBe(
      AUTH_MESSAGES['AuthFailure.SignatureFailure']['zh-CN'],
    );
    await tencentClient(server().url, signing, { credential: TEMPORARY }).CreateSecret({ SecretName: 'temporary', SecretString: 'v' });
    await expectTencentError(tencentClient(server().url, signing, { credential: { ...TEMPORARY, token: 'other' } }).GetRegions(), 'AuthFailure.TokenFailure');
    await expectTencentError(tencentClient(server().url, signing, { credential: { ...TEMPORARY, token: undefined } }).GetRegions(), 'AuthFailure.TokenFailure');
    expect(server().polysecret.engine.get({ cloud: 'tencent', account: '100000000043', region: 'ap-guangzhou' }, 'temporary')).toBeDefined();
  });

  it('refuses a request with no signature at all, after checking its action', async () => {
    expect((await rawTencent(server().url, 'GetRegions', {})).json.Response.Error.Code).toBe('AuthFailure.InvalidAuthorization');
    expect((await rawTencent(server().url, 'NoSuchAction', {})).json.Response.Error.Code).toBe('InvalidAction');
  });
});

describe('Tencent permissive mode with a credentials file', () => {
  const server = useServer('memory', { credentialsFile: files.keys });

  it.each(cases)('%s: any signature passes; a listed key picks its account, others the default', async (_, signing) => {
    const wrongSecret = tencentClient(server().url, signing, { credential: { ...TENCENT_KEY, secretKey: 'wrong' } });
    await wrongSecret.CreateSecret({ SecretName: 'mapped', SecretString: 'v' });
    expect((await wrongSecret.DescribeSecret({ SecretName: 'mapped' })).CreateUin).toBe(Number(KEY_ACCOUNT));
    const unlisted = tencentClient(server().url, signing, { credential: { secretId: 'AKIDunlisted', secretKey: 'any' } });
    await unlisted.CreateSecret({ SecretName: 'default', SecretString: 'v' });
    expect((await unlisted.DescribeSecret({ SecretName: 'default' })).CreateUin).toBe(Number(DEFAULT_ACCOUNT));
    // A temporary key needs no token here.
    const temporary = tencentClient(server().url, signing, { credential: { ...TEMPORARY, token: undefined } });
    expect((await temporary.ListSecrets({})).TotalCount).toBe(0);
  });

  it('takes requests with no or garbled Authorization, and an unsigned v1 form', async () => {
    expect((await rawTencent(server().url, 'GetRegions', {})).json.Response.Error).toBeUndefined();
    expect((await rawTencent(server().url, 'GetRegions', {}, { authorization: 'garbage' })).json.Response.Error).toBeUndefined();
    const form = await fetch(server().url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=GetRegions&Version=2019-09-23&SecretId=AKIDx&Nonce=1',
    });
    expect(((await form.json()) as { Response: { Error?: unknown } }).Response.Error).toBeUndefined();
  });
});
