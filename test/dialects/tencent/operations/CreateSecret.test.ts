import { randomBytes } from 'node:crypto';
import { ManualClock } from '../../../../src/core/runtime.js';
import { STORES, useServer } from '../../../helpers/server.js';
import { rawTencent, TENCENT_FRAMINGS, tencentClient, type TencentFraming } from '../../../helpers/tencent.js';
import { expectRawTencentError, expectTencentError, scheduleDeletion, storedSecret, TENCENT_NS, UUID } from '../../../helpers/tencentOperations.js';

/** base64 of bytes chosen so the text holds `+`, `/` and `=` (the characters form and query encoding touch). */
const BINARY = Buffer.from([0xfb, 0xff, 0xbf, 0x00, 0x3e, 0x3f, 0x10]).toString('base64');

describe.each(STORES)('Tencent CreateSecret (%s store)', (kind) => {
  const clock = new ManualClock(Date.UTC(2024, 0, 2, 3, 4, 5, 678));
  const server = useServer(kind, { clock });
  const client = (framing: TencentFraming = TENCENT_FRAMINGS[0]) => tencentClient(server().url, framing);

  describe.each(TENCENT_FRAMINGS)('over $name', (framing) => {
    it('creates a string secret whose first version is SSM_Current when no VersionId is given', async () => {
      const created = await client(framing).CreateSecret({ SecretName: 'plain', SecretString: 'a b&c=d+e/é' });
      expect(created).toEqual({ SecretName: 'plain', VersionId: 'SSM_Current', TagCode: 0, TagMsg: 'ok', RequestId: expect.stringMatching(UUID) });
      const read = await client(framing).GetSecretValue({ SecretName: 'plain', VersionId: 'SSM_Current' });
      expect(read).toMatchObject({ SecretName: 'plain', VersionId: 'SSM_Current', SecretString: 'a b&c=d+e/é', SecretBinary: '' });
    });

    it('round-trips SecretBinary as the same base64 text, with SecretString ""', async () => {
      const created = await client(framing).CreateSecret({ SecretName: 'bin', VersionId: 'v1.0', SecretBinary: BINARY });
      expect(created.VersionId).toBe('v1.0');
      const read = await client(framing).GetSecretValue({ SecretName: 'bin', VersionId: 'v1.0' });
      expect(read).toMatchObject({ SecretBinary: BINARY, SecretString: '' });
      expect(Buffer.from(read.SecretBinary!, 'base64')).toEqual(Buffer.from([0xfb, 0xff, 0xbf, 0x00, 0x3e, 0x3f, 0x10]));
    });

    it('keeps Description, KmsKeyId, AdditionalConfig, EncryptType and Tags', async () => {
      await client(framing).CreateSecret({
        SecretName: 'full',
        VersionId: 'v1',
        SecretString: 's',
        Description: 'desc 描述',
        KmsKeyId: 'fd950ef7-1ff5-11ea-90c1-525400ce83fb',
        AdditionalConfig: '{"a":1}',
        EncryptType: 1,
        KmsHsmClusterId: 'cluster-1',
        Tags: [
          { TagKey: 'env', TagValue: 'dev' },
          { TagKey: 'team', TagValue: '' },
        ],
      });
      const described = await client(framing).DescribeSecret({ SecretName: 'full' });
      expect(described).toMatchObject({
        Description: 'desc 描述',
        KmsKeyId: 'fd950ef7-1ff5-11ea-90c1-525400ce83fb',
        AdditionalConfig: '{"a":1}',
        EncryptType: 1,
        SecretType: 0,
        Status: 'Enabled',
      });
      // SSM answers tags only through the separate tag API; they are kept with the secret.
      expect(storedSecret(server(), 'full')?.tags).toEqual([
        { key: 'env', value: 'dev' },
        { key: 'team', value: '' },
      ]);
    });
  });

  it('defaults Description, KmsKeyId and AdditionalConfig to "" and SecretType, EncryptType to 0', async () => {
    await client().CreateSecret({ SecretName: 'bare', SecretString: 's' });
    expect(await client().DescribeSecret({ SecretName: 'bare' })).toMatchObject({
      Description: '',
      KmsKeyId: '',
      AdditionalConfig: '',
      SecretType: 0,
      EncryptType: 0,
      CreateTime: Math.floor(clock.now() / 1000),
    });
    expect(storedSecret(server(), 'bare')?.tags).toBeUndefined();
  });

  it('accepts SecretType 0 explicitly and refuses the product types with InvalidParameterValue', async () => {
    await client().CreateSecret({ SecretName: 'typed', SecretString: 's', SecretType: 0 });
    for (const type of [1, 2, 3, 4]) {
      await expectTencentError(client().CreateSecret({ SecretName: `typed${type}`, SecretString: 's', SecretType: type }), 'InvalidParameterValue');
    }
  });

  describe('value', () => {
    it('refuses both SecretString and SecretBinary, and neither, with InvalidParameterValue', async () => {
      await expectTencentError(client().CreateSecret({ SecretName: 'both', SecretString: 's', SecretBinary: BINARY }), 'InvalidParameterValue');
      await expectTencentError(client().CreateSecret({ SecretName: 'neither' }), 'InvalidParameterValue');
      await expectTencentError(client().CreateSecret({ SecretName: 'empty', SecretString: '', SecretBinary: '' }), 'InvalidParameterValue');
      expect(storedSecret(server(), 'both')).toBeUndefined();
      expect(storedSecret(server(), 'neither')).toBeUndefined();
    });

    it('refuses a SecretBinary that is not base64', async () => {
      await expectTencentError(client().CreateSecret({ SecretName: 'notb64', SecretBinary: 'not base64!' }), 'InvalidParameterValue');
      await expectTencentError(client().CreateSecret({ SecretName: 'notb64', SecretBinary: 'abc' }), 'InvalidParameterValue');
    });

    it('takes a value of exactly 32 KiB and refuses one byte more', async () => {
      await client().CreateSecret({ SecretName: 'max', SecretString: 'x'.repeat(32 * 1024) });
      await client().CreateSecret({ SecretName: 'maxbin', SecretBinary: randomBytes(32 * 1024).toString('base64') });
      await expectTencentError(client().CreateSecret({ SecretName: 'over', SecretString: 'x'.repeat(32 * 1024 + 1) }), 'InvalidParameterValue');
      // Bytes, not characters: 10923 three-byte characters are 32769 bytes.
      await expectTencentError(client().CreateSecret({ SecretName: 'overutf8', SecretString: '中'.repeat(10923) }), 'InvalidParameterValue');
      await expectTencentError(client().CreateSecret({ SecretName: 'overbin', SecretBinary: randomBytes(32 * 1024 + 1).toString('base64') }), 'InvalidParameterValue');
    });
  });

  describe('SecretName', () => {
    it.each([
      ['a', 'one character'],
      ['9start-with_digit', 'letters, digits, _ and -'],
      ['n'.repeat(128), '128 characters'],
    ])('accepts %s (%s)', async (name) => {
      await client().CreateSecret({ SecretName: name, SecretString: 's' });
      expect((await client().GetSecretValue({ SecretName: name, VersionId: 'SSM_Current' })).SecretString).toBe('s');
    });

    it.each([
      ['', 'empty'],
      ['n'.repeat(129), '129 characters'],
      ['_lead', 'leading underscore'],
      ['-lead', 'leading hyphen'],
      ['has.dot', 'a dot'],
      ['has space', 'a space'],
      ['has/slash', 'a slash'],
      ['中文', 'non-ASCII'],
    ])('refuses %j (%s) with InvalidParameterValue', async (name) => {
      await expectTencentError(client().CreateSecret({ SecretName: name, SecretString: 's' }), 'InvalidParameterValue');
    });

    it('is required (MissingParameter)', async () => {
      const error = await expectTencentError(client().CreateSecret({ SecretString: 's' } as never), 'MissingParameter');
      expect(error.message).toBe('The request is missing a required parameter `SecretName`.');
    });
  });

  describe('VersionId', () => {
    it.each(['v', 'v1.0', 'V_1-2.3', 'v'.repeat(64)])('accepts %s', async (versionId) => {
      await client().CreateSecret({ SecretName: 'ver', VersionId: versionId, SecretString: 's' });
      expect((await client().GetSecretValue({ SecretName: 'ver', VersionId: versionId })).VersionId).toBe(versionId);
    });

    it.each([
      ['', 'empty'],
      ['v'.repeat(65), '65 characters'],
      ['.v', 'leading dot'],
      ['_v', 'leading underscore'],
      ['v 1', 'a space'],
      ['v/1', 'a slash'],
    ])('refuses %j (%s) with InvalidParameterValue', async (versionId) => {
      await expectTencentError(client().CreateSecret({ SecretName: 'ver', VersionId: versionId, SecretString: 's' }), 'InvalidParameterValue');
      expect(storedSecret(server(), 'ver')).toBeUndefined();
    });
  });

  describe('names in use', () => {
    it('refuses a name in use with ResourceInUse.SecretExists, keeping the first secret', async () => {
      await client().CreateSecret({ SecretName: 'dup', SecretString: 'first' });
      for (const framing of TENCENT_FRAMINGS) {
        await expectTencentError(client(framing).CreateSecret({ SecretName: 'dup', SecretString: 'second' }), 'ResourceInUse.SecretExists');
      }
      expect((await client().GetSecretValue({ SecretName: 'dup', VersionId: 'SSM_Current' })).SecretString).toBe('first');
    });

    it('refuses a name held by a disabled or a PendingDelete secret', async () => {
      await client().CreateSecret({ SecretName: 'held', SecretString: 's' });
      await client().DisableSecret({ SecretName: 'held' });
      await expectTencentError(client().CreateSecret({ SecretName: 'held', SecretString: 's' }), 'ResourceInUse.SecretExists');
      await client().DeleteSecret({ SecretName: 'held', RecoveryWindowInDays: 1 });
      await expectTencentError(client().CreateSecret({ SecretName: 'held', SecretString: 's' }), 'ResourceInUse.SecretExists');
    });

    it('frees the name once the PendingDelete window has passed', async () => {
      await client().CreateSecret({ SecretName: 'reuse', SecretString: 'old' });
      await scheduleDeletion(client(), 'reuse', 1);
      clock.advance(86_400_000 + 1000);
      await client().CreateSecret({ SecretName: 'reuse', SecretString: 'new' });
      expect((await client().GetSecretValue({ SecretName: 'reuse', VersionId: 'SSM_Current' })).SecretString).toBe('new');
    });

    it('allows the same name in another region', async () => {
      await client().CreateSecret({ SecretName: 'regional', SecretString: 'gz' });
      const shanghai = tencentClient(server().url, TENCENT_FRAMINGS[0], { region: 'ap-shanghai' });
      await shanghai.CreateSecret({ SecretName: 'regional', SecretString: 'sh' });
      expect((await shanghai.GetSecretValue({ SecretName: 'regional', VersionId: 'SSM_Current' })).SecretString).toBe('sh');
    });
  });

  describe('Description and Tags', () => {
    it('takes a Description of 2048 bytes and refuses 2049 bytes, counted in UTF-8', async () => {
      await client().CreateSecret({ SecretName: 'd1', SecretString: 's', Description: 'd'.repeat(2048) });
      await client().CreateSecret({ SecretName: 'd2', SecretString: 's', Description: `${'中'.repeat(682)}ab` });
      await expectTencentError(client().CreateSecret({ SecretName: 'd3', SecretString: 's', Description: 'd'.repeat(2049) }), 'InvalidParameterValue');
      // 683 characters, 2049 bytes.
      await expectTencentError(client().CreateSecret({ SecretName: 'd4', SecretString: 's', Description: '中'.repeat(683) }), 'InvalidParameterValue');
    });

    it('refuses a TagKey given twice with InvalidParameterValue.TagKeysDuplicated', async () => {
      const tags = [
        { TagKey: 'env', TagValue: 'a' },
        { TagKey: 'env', TagValue: 'b' },
      ];
      for (const framing of TENCENT_FRAMINGS) {
        await expectTencentError(client(framing).CreateSecret({ SecretName: 'tags', SecretString: 's', Tags: tags }), 'InvalidParameterValue.TagKeysDuplicated');
      }
      expect(storedSecret(server(), 'tags')).toBeUndefined();
      const error = await expectRawTencentError(server().url, 'CreateSecret', { SecretName: 'tags', SecretString: 's', Tags: tags }, 'InvalidParameterValue.TagKeysDuplicated', {
        'x-tc-language': 'zh-CN',
      });
      expect(error.Message).toBe('标签键重复。');
    });

    it('requires TagKey and TagValue in every tag and refuses an empty TagKey', async () => {
      await expectTencentError(client().CreateSecret({ SecretName: 't', SecretString: 's', Tags: [{ TagKey: 'k' }] as never }), 'MissingParameter');
      await expectTencentError(client().CreateSecret({ SecretName: 't', SecretString: 's', Tags: [{ TagValue: 'v' }] as never }), 'MissingParameter');
      await expectTencentError(client().CreateSecret({ SecretName: 't', SecretString: 's', Tags: [{ TagKey: '', TagValue: 'v' }] }), 'InvalidParameterValue');
    });
  });

  it('refuses the 1001st secret of a region with LimitExceeded', async () => {
    const engine = server().polysecret.engine;
    await Promise.all(
      Array.from({ length: 999 }, (_, i) => engine.create(TENCENT_NS, { name: `bulk${i}`, firstVersion: { id: 'SSM_Current', value: { type: 'string', data: 'v' }, labels: [] } })),
    );
    await client().CreateSecret({ SecretName: 'thousandth', SecretString: 's' });
    await expectTencentError(client().CreateSecret({ SecretName: 'one-too-many', SecretString: 's' }), 'LimitExceeded');
    // Another region has its own quota.
    await tencentClient(server().url, TENCENT_FRAMINGS[0], { region: 'ap-beijing' }).CreateSecret({ SecretName: 'one-too-many', SecretString: 's' });
  });

  describe('on the wire', () => {
    it('answers HTTP 200, application/json and exactly SecretName, VersionId, TagCode, TagMsg, RequestId', async () => {
      const response = await rawTencent(server().url, 'CreateSecret', { SecretName: 'wire', SecretString: 's', VersionId: 'v1' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(response.json).toEqual({ Response: { SecretName: 'wire', VersionId: 'v1', TagCode: 0, TagMsg: 'ok', RequestId: expect.stringMatching(UUID) } });
    });

    it('reports unknown, mistyped and missing parameters as the gateway does', async () => {
      const unknown = await expectRawTencentError(server().url, 'CreateSecret', { SecretName: 'w', SecretString: 's', Name: 'x' }, 'UnknownParameter');
      expect(unknown.Message).toBe('The parameter `Name` is not recognized.');
      const mistyped = await expectRawTencentError(server().url, 'CreateSecret', { SecretName: 'w', SecretString: 's', SecretType: '0' }, 'InvalidParameter');
      expect(mistyped.Message).toBe('Parameter `SecretType` type error.');
      const tagType = await expectRawTencentError(server().url, 'CreateSecret', { SecretName: 'w', SecretString: 's', Tags: { TagKey: 'k', TagValue: 'v' } }, 'InvalidParameter');
      expect(tagType.Message).toBe('Parameter `Tags` type error.');
      const missing = await expectRawTencentError(server().url, 'CreateSecret', { SecretString: 's' }, 'MissingParameter', { 'x-tc-language': 'zh-CN' });
      expect(missing.Message).toBe('缺少必填参数`SecretName`。');
    });

    it('explains the both-or-neither rule in the caller\'s language', async () => {
      const english = await expectRawTencentError(server().url, 'CreateSecret', { SecretName: 'w' }, 'InvalidParameterValue');
      expect(english.Message).toContain('exactly one of SecretString and SecretBinary');
      const chinese = await expectRawTencentError(server().url, 'CreateSecret', { SecretName: 'w' }, 'InvalidParameterValue', { 'x-tc-language': 'zh-CN' });
      expect(chinese.Message).toContain('参数`SecretString`的取值无效');
    });
  });
});
