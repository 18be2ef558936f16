import { ALIBABA_SDKS, alibabaClient } from '../../../helpers/alibaba.js';
import { arnOf, createSecret, expectKmsError, expectRawError, expectRawXml, expectRawXmlError, rpc, TEST_NS } from '../../../helpers/alibabaOperations.js';
import { STORES, useServer } from '../../../helpers/server.js';

const POLICY = JSON.stringify({
  Version: '1',
  Statement: [{ Sid: 'reader', Effect: 'Allow', Principal: { RAM: ['acs:ram::1234567890123456:role/app'] }, Action: ['kms:GetSecretValue'], Resource: ['*'] }],
});

describe.each(STORES)('SetSecretPolicy (%s store)', (kind) => {
  const server = useServer(kind);
  const url = () => server().url;
  const storedPolicy = (name: string) => server().polysecret.engine.get(TEST_NS, name)?.resourcePolicy;

  describe.each(ALIBABA_SDKS)('through %s', (sdk) => {
    const call = () => alibabaClient(url(), sdk);

    it('stores the policy verbatim, answering only RequestId; GetSecretPolicy returns it', async () => {
      await createSecret(url(), 'app/db');
      const answer = await call()('SetSecretPolicy', { SecretName: 'app/db', PolicyName: 'default', Policy: POLICY });
      expect(answer).toEqual({ RequestId: expect.any(String) });
      expect(storedPolicy('app/db')).toBe(POLICY);
      expect((await call()('GetSecretPolicy', { SecretName: 'app/db' })).Policy).toBe(POLICY);
    });

    it('refuses a Policy that is not JSON with InvalidParameter (400)', async () => {
      await createSecret(url(), 'app/db');
      await expectKmsError(sdk, call()('SetSecretPolicy', { SecretName: 'app/db', Policy: '{"Version":' }), 'InvalidParameter', 400);
    });

    it('answers Forbidden.ResourceNotFound (404) for an unknown secret', async () => {
      await expectKmsError(sdk, call()('SetSecretPolicy', { SecretName: 'missing', Policy: POLICY }), 'Forbidden.ResourceNotFound', 404);
    });
  });

  it('keeps the exact text, whitespace and key order included, and replaces an earlier policy', async () => {
    await createSecret(url(), 'app/db', { Policy: POLICY });
    const spaced = '{ "Statement": [],\n  "Version": "1" }';
    expect((await rpc(url(), 'SetSecretPolicy', { SecretName: 'app/db', Policy: spaced })).status).toBe(200);
    expect(storedPolicy('app/db')).toBe(spaced);
  });

  it('takes PolicyName=default or no PolicyName, and refuses any other name', async () => {
    await createSecret(url(), 'app/db');
    expect((await rpc(url(), 'SetSecretPolicy', { SecretName: 'app/db', Policy: POLICY })).status).toBe(200);
    const other = await rpc(url(), 'SetSecretPolicy', { SecretName: 'app/db', PolicyName: 'custom', Policy: '{}' });
    expectRawError(other, 'InvalidParameter', 400);
    expect(other.json.Message).toMatch(/^The specified parameter PolicyName is not valid\./);
    expect(storedPolicy('app/db')).toBe(POLICY);
  });

  it.each([
    ['not JSON', 'Version=1'],
    ['a JSON array', '[]'],
    ['a JSON string', '"policy"'],
    ['null', 'null'],
  ])('refuses a Policy that is %s, keeping the stored one', async (_, policy) => {
    await createSecret(url(), 'app/db', { Policy: POLICY });
    const response = await rpc(url(), 'SetSecretPolicy', { SecretName: 'app/db', Policy: policy });
    expectRawError(response, 'InvalidParameter', 400);
    expect(response.json.Message).toMatch(/^The specified parameter Policy is not valid\./);
    expect(storedPolicy('app/db')).toBe(POLICY);
  });

  it('accepts a policy of exactly 32768 bytes and refuses one byte more (counted in UTF-8 bytes)', async () => {
    await createSecret(url(), 'app/db');
    const sized = (bytes: number, filler = 'x') => {
      const shell = '{"Version":"1","Statement":[],"Pad":""}';
      return shell.replace('"Pad":""', `"Pad":"${filler.repeat((bytes - Buffer.byteLength(shell)) / Buffer.byteLength(filler))}"`);
    };
    const max = sized(32_768);
    expect(Buffer.byteLength(max)).toBe(32_768);
    // Form bodies, since a URL this long is over Node's header limit.
    expect((await rpc(url(), 'SetSecretPolicy', { SecretName: 'app/db', Policy: max }, { form: true })).status).toBe(200);
    expect(storedPolicy('app/db')).toBe(max);
    expectRawError(await rpc(url(), 'SetSecretPolicy', { SecretName: 'app/db', Policy: sized(32_769) }, { form: true }), 'InvalidParameter', 400);
    // 2-byte characters: fewer than 32768 characters but more than 32768 bytes.
    const wide = sized(32_770, 'é');
    expect(wide.length).toBeLessThan(32_768);
    expectRawError(await rpc(url(), 'SetSecretPolicy', { SecretName: 'app/db', Policy: wide }, { form: true }), 'InvalidParameter', 400);
    expect(storedPolicy('app/db')).toBe(max);
  });

  it('answers Rejected.ResourceInDeleteWindow (409) for a secret pending deletion', async () => {
    await createSecret(url(), 'doomed');
    await rpc(url(), 'DeleteSecret', { SecretName: 'doomed' });
    expectRawError(await rpc(url(), 'SetSecretPolicy', { SecretName: 'doomed', Policy: POLICY }), 'Rejected.ResourceInDeleteWindow', 409);
  });

  it('finds the secret by ARN', async () => {
    await createSecret(url(), 'by-arn');
    expect((await rpc(url(), 'SetSecretPolicy', { SecretName: arnOf('by-arn'), Policy: POLICY })).status).toBe(200);
    expect(storedPolicy('by-arn')).toBe(POLICY);
  });

  it('answers MissingPolicy and MissingSecretName for missing required parameters', async () => {
    await createSecret(url(), 'app/db');
    expectRawError(await rpc(url(), 'SetSecretPolicy', { SecretName: 'app/db' }), 'MissingPolicy', 400);
    expectRawError(await rpc(url(), 'SetSecretPolicy', { Policy: POLICY }), 'MissingSecretName', 400);
  });

  it('answers XML under <KMS> holding only RequestId, and errors under <Error>', async () => {
    await createSecret(url(), 'xml');
    const ok = await rpc(url(), 'SetSecretPolicy', { SecretName: 'xml', Policy: POLICY, Format: 'XML' });
    expect(await expectRawXml(ok)).toEqual({ RequestId: expect.any(String) });
    const failed = await rpc(url(), 'SetSecretPolicy', { SecretName: 'missing', Policy: POLICY, Format: 'XML' });
    await expectRawXmlError(failed, 'Forbidden.ResourceNotFound', 404);
  });
});
