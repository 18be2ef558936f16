import { ALIBABA_SDKS, alibabaClient } from '../../../helpers/alibaba.js';
import { arnOf, createSecret, expectKmsError, expectRawError, expectRawXml, expectRawXmlError, rpc, TEST_NS } from '../../../helpers/alibabaOperations.js';
import { STORES, useServer } from '../../../helpers/server.js';

const POLICY = '{"Version":"1","Statement":[{"Effect":"Allow","Principal":{"RAM":["acs:ram::1234567890123456:root"]},"Action":["kms:*"],"Resource":["*"]}]}';

describe.each(STORES)('GetSecretPolicy (%s store)', (kind) => {
  const server = useServer(kind);
  const url = () => server().url;

  describe.each(ALIBABA_SDKS)('through %s', (sdk) => {
    const call = () => alibabaClient(url(), sdk);

    it('returns the policy set by CreateSecret verbatim in Policy', async () => {
      await createSecret(url(), 'app/db', { Policy: POLICY });
      expect(await call()('GetSecretPolicy', { SecretName: 'app/db', PolicyName: 'default' })).toEqual({ Policy: POLICY, RequestId: expect.any(String) });
    });

    it('answers Forbidden.ResourceNotFound (404) for an unknown secret', async () => {
      await expectKmsError(sdk, call()('GetSecretPolicy', { SecretName: 'missing' }), 'Forbidden.ResourceNotFound', 404);
    });

    it('refuses a PolicyName other than default with InvalidParameter (400)', async () => {
      await createSecret(url(), 'app/db', { Policy: POLICY });
      await expectKmsError(sdk, call()('GetSecretPolicy', { SecretName: 'app/db', PolicyName: 'other' }), 'InvalidParameter', 400);
    });
  });

  it('returns the policy last set by SetSecretPolicy', async () => {
    await createSecret(url(), 'app/db', { Policy: POLICY });
    const replaced = '{"Version":"1", "Statement":[]}';
    await rpc(url(), 'SetSecretPolicy', { SecretName: 'app/db', Policy: replaced });
    expect((await rpc(url(), 'GetSecretPolicy', { SecretName: 'app/db' })).json.Policy).toBe(replaced);
  });

  it("answers the default policy, granting the account's RAM principals kms:*, for a secret never given one", async () => {
    await createSecret(url(), 'plain');
    const response = await rpc(url(), 'GetSecretPolicy', { SecretName: 'plain' });
    expect(response.status).toBe(200);
    expect(Object.keys(response.json).sort()).toEqual(['Policy', 'RequestId']);
    expect(JSON.parse(response.json.Policy)).toEqual({
      Version: '1',
      Statement: [
        { Sid: 'kms default secret policy', Effect: 'Allow', Principal: { RAM: [`acs:ram::${TEST_NS.account}:*`] }, Action: ['kms:*'], Resource: ['*'] },
      ],
    });
  });

  it('reads the policy of a secret pending deletion', async () => {
    await createSecret(url(), 'doomed', { Policy: POLICY });
    await rpc(url(), 'DeleteSecret', { SecretName: 'doomed' });
    expect((await rpc(url(), 'GetSecretPolicy', { SecretName: 'doomed' })).json.Policy).toBe(POLICY);
  });

  it('finds the secret by ARN', async () => {
    await createSecret(url(), 'by-arn', { Policy: POLICY });
    expect((await rpc(url(), 'GetSecretPolicy', { SecretName: arnOf('by-arn') })).json.Policy).toBe(POLICY);
  });

  it('answers MissingSecretName without a SecretName, and 404 after a forced deletion', async () => {
    expectRawError(await rpc(url(), 'GetSecretPolicy', {}), 'MissingSecretName', 400);
    await createSecret(url(), 'gone', { Policy: POLICY });
    await rpc(url(), 'DeleteSecret', { SecretName: 'gone', ForceDeleteWithoutRecovery: 'true' });
    expectRawError(await rpc(url(), 'GetSecretPolicy', { SecretName: 'gone' }), 'Forbidden.ResourceNotFound', 404);
  });

  it('answers XML under <KMS> with the policy text escaped and intact, and errors under <Error>', async () => {
    await createSecret(url(), 'xml', { Policy: POLICY });
    const ok = await rpc(url(), 'GetSecretPolicy', { SecretName: 'xml', Format: 'XML' });
    expect(await expectRawXml(ok)).toEqual({ Policy: POLICY, RequestId: expect.any(String) });
    const failed = await rpc(url(), 'GetSecretPolicy', { SecretName: 'xml', PolicyName: 'x', Format: 'XML' });
    await expectRawXmlError(failed, 'InvalidParameter', 400);
  });
});
