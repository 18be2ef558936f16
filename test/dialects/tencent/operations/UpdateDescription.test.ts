import { STORES, useServer } from '../../../helpers/server.js';
import { rawTencent, TENCENT_FRAMINGS, tencentClient, type TencentFraming } from '../../../helpers/tencent.js';
import { expectRawTencentError, expectTencentError, scheduleDeletion, UUID } from '../../../helpers/tencentOperations.js';

describe.each(STORES)('Tencent UpdateDescription (%s store)', (kind) => {
  const server = useServer(kind);
  const client = (framing: TencentFraming = TENCENT_FRAMINGS[0]) => tencentClient(server().url, framing);
  const descriptionOf = async (name: string) => (await client().DescribeSecret({ SecretName: name })).Description;

  describe.each(TENCENT_FRAMINGS)('over $name', (framing) => {
    it('replaces the description', async () => {
      await client().CreateSecret({ SecretName: 'app', SecretString: 's', Description: 'old' });
      const updated = await client(framing).UpdateDescription({ SecretName: 'app', Description: 'new 描述 a&b=c+d' });
      expect(updated).toEqual({ SecretName: 'app', RequestId: expect.stringMatching(UUID) });
      expect(await descriptionOf('app')).toBe('new 描述 a&b=c+d');
    });

    it('answers ResourceNotFound for a secret that does not exist', async () => {
      await expectTencentError(client(framing).UpdateDescription({ SecretName: 'missing', Description: 'd' }), 'ResourceNotFound');
    });
  });

  it('clears the description with ""', async () => {
    await client().CreateSecret({ SecretName: 'clear', SecretString: 's', Description: 'old' });
    await client().UpdateDescription({ SecretName: 'clear', Description: '' });
    expect(await descriptionOf('clear')).toBe('');
  });

  it('leaves the value and versions alone', async () => {
    await client().CreateSecret({ SecretName: 'value', VersionId: 'v1', SecretString: 's' });
    await client().UpdateDescription({ SecretName: 'value', Description: 'd' });
    expect((await client().ListSecretVersionIds({ SecretName: 'value' })).Versions!.map((v) => v.VersionId)).toEqual(['v1']);
    expect((await client().GetSecretValue({ SecretName: 'value', VersionId: 'v1' })).SecretString).toBe('s');
  });

  it('takes 2048 bytes and refuses 2049, counted in UTF-8 bytes, not characters', async () => {
    await client().CreateSecret({ SecretName: 'long', SecretString: 's', Description: 'old' });
    await client().UpdateDescription({ SecretName: 'long', Description: 'd'.repeat(2048) });
    await client().UpdateDescription({ SecretName: 'long', Description: `${'中'.repeat(682)}ab` });
    await expectTencentError(client().UpdateDescription({ SecretName: 'long', Description: 'd'.repeat(2049) }), 'InvalidParameterValue');
    // 683 characters are 2049 bytes.
    await expectTencentError(client().UpdateDescription({ SecretName: 'long', Description: '中'.repeat(683) }), 'InvalidParameterValue');
    expect(await descriptionOf('long')).toBe(`${'中'.repeat(682)}ab`);
  });

  it('updates a Disabled secret', async () => {
    await client().CreateSecret({ SecretName: 'off', SecretString: 's' });
    await client().DisableSecret({ SecretName: 'off' });
    await client().UpdateDescription({ SecretName: 'off', Description: 'while disabled' });
    expect(await descriptionOf('off')).toBe('while disabled');
  });

  it('refuses a PendingDelete secret with FailedOperation', async () => {
    await client().CreateSecret({ SecretName: 'doomed', SecretString: 's', Description: 'old' });
    await scheduleDeletion(client(), 'doomed');
    for (const framing of TENCENT_FRAMINGS) {
      await expectTencentError(client(framing).UpdateDescription({ SecretName: 'doomed', Description: 'new' }), 'FailedOperation');
    }
    expect(await descriptionOf('doomed')).toBe('old');
  });

  it('requires SecretName and Description', async () => {
    await client().CreateSecret({ SecretName: 'req', SecretString: 's' });
    const missing = await expectTencentError(client().UpdateDescription({ SecretName: 'req' } as never), 'MissingParameter');
    expect(missing.message).toBe('The request is missing a required parameter `Description`.');
    await expectTencentError(client().UpdateDescription({ Description: 'd' } as never), 'MissingParameter');
    const mistyped = await expectRawTencentError(server().url, 'UpdateDescription', { SecretName: 'req', Description: 5 }, 'InvalidParameter');
    expect(mistyped.Message).toBe('Parameter `Description` type error.');
  });

  it('answers HTTP 200, application/json and exactly SecretName, RequestId', async () => {
    await client().CreateSecret({ SecretName: 'wire', SecretString: 's' });
    const response = await rawTencent(server().url, 'UpdateDescription', { SecretName: 'wire', Description: 'd' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.json).toEqual({ Response: { SecretName: 'wire', RequestId: expect.stringMatching(UUID) } });
    const english = await expectRawTencentError(server().url, 'UpdateDescription', { SecretName: 'wire', Description: '中'.repeat(683) }, 'InvalidParameterValue');
    expect(english.Message).toBe('The value of parameter `Description` is invalid: it must be at most 2048 bytes.');
    const tooLong = await expectRawTencentError(server().url, 'UpdateDescription', { SecretName: 'wire', Description: '中'.repeat(683) }, 'InvalidParameterValue', {
      'x-tc-language': 'zh-CN',
    });
    expect(tooLong.Message).toBe('参数`Description`的取值无效：长度不能超过2048字节。');
  });
});
