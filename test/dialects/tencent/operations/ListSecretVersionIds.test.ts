import { ManualClock } from '../../../../src/core/runtime.js';
import { STORES, useServer } from '../../../helpers/server.js';
import { rawTencent, TENCENT_FRAMINGS, tencentClient, type TencentFraming } from '../../../helpers/tencent.js';
import { expectRawTencentError, expectTencentError, scheduleDeletion, UUID } from '../../../helpers/tencentOperations.js';

describe.each(STORES)('Tencent ListSecretVersionIds (%s store)', (kind) => {
  const clock = new ManualClock(Date.UTC(2024, 10, 12, 13, 14, 15, 999));
  const server = useServer(kind, { clock });
  const client = (framing: TencentFraming = TENCENT_FRAMINGS[0]) => tencentClient(server().url, framing);
  const seconds = () => Math.floor(clock.now() / 1000);

  /** Versions `zeta`, `alpha`, `mid` one minute apart: creation order differs from name order. */
  async function createThreeVersions(name: string): Promise<number> {
    const start = seconds();
    await client().CreateSecret({ SecretName: name, VersionId: 'zeta', SecretString: '1' });
    clock.advance(60_000);
    await client().PutSecretValue({ SecretName: name, VersionId: 'alpha', SecretBinary: 'AA==' });
    clock.advance(60_000);
    await client().PutSecretValue({ SecretName: name, VersionId: 'mid', SecretString: '3' });
    return start;
  }

  describe.each(TENCENT_FRAMINGS)('over $name', (framing) => {
    it('lists every version with its CreateTime in unix seconds, in creation order', async () => {
      const start = await createThreeVersions('app');
      const listed = await client(framing).ListSecretVersionIds({ SecretName: 'app' });
      expect(listed).toEqual({
        SecretName: 'app',
        Versions: [
          { VersionId: 'zeta', CreateTime: start },
          { VersionId: 'alpha', CreateTime: start + 60 },
          { VersionId: 'mid', CreateTime: start + 120 },
        ],
        RequestId: expect.stringMatching(UUID),
      });
    });

    it('answers ResourceNotFound for a secret that does not exist', async () => {
      await expectTencentError(client(framing).ListSecretVersionIds({ SecretName: 'missing' }), 'ResourceNotFound');
    });
  });

  it('lists the default SSM_Current version of a secret created without VersionId', async () => {
    await client().CreateSecret({ SecretName: 'default', SecretString: 's' });
    expect((await client().ListSecretVersionIds({ SecretName: 'default' })).Versions).toEqual([{ VersionId: 'SSM_Current', CreateTime: seconds() }]);
  });

  it('drops deleted versions and lists [] for a secret left with none', async () => {
    await createThreeVersions('trim');
    await client().DeleteSecretVersion({ SecretName: 'trim', VersionId: 'alpha' });
    expect((await client().ListSecretVersionIds({ SecretName: 'trim' })).Versions!.map((v) => v.VersionId)).toEqual(['zeta', 'mid']);
    await client().DeleteSecretVersion({ SecretName: 'trim', VersionId: 'zeta' });
    await client().DeleteSecretVersion({ SecretName: 'trim', VersionId: 'mid' });
    const empty = await rawTencent(server().url, 'ListSecretVersionIds', { SecretName: 'trim' });
    expect(empty.json.Response.Versions).toEqual([]);
  });

  it('lists the versions of Disabled and PendingDelete secrets', async () => {
    await client().CreateSecret({ SecretName: 'off', SecretString: 's' });
    await client().DisableSecret({ SecretName: 'off' });
    expect((await client().ListSecretVersionIds({ SecretName: 'off' })).Versions).toHaveLength(1);
    await client().CreateSecret({ SecretName: 'doomed', VersionId: 'v1', SecretString: 's' });
    await scheduleDeletion(client(), 'doomed');
    expect((await client().ListSecretVersionIds({ SecretName: 'doomed' })).Versions!.map((v) => v.VersionId)).toEqual(['v1']);
  });

  it('requires SecretName and rejects unknown parameters', async () => {
    const missing = await expectTencentError(client().ListSecretVersionIds({} as never), 'MissingParameter');
    expect(missing.message).toBe('The request is missing a required parameter `SecretName`.');
    await expectRawTencentError(server().url, 'ListSecretVersionIds', { SecretName: 'a', Limit: 10 }, 'UnknownParameter');
    await expectRawTencentError(server().url, 'ListSecretVersionIds', { SecretName: '' }, 'InvalidParameterValue');
  });

  it('answers HTTP 200, application/json and exactly SecretName, Versions, RequestId', async () => {
    await client().CreateSecret({ SecretName: 'wire', VersionId: 'v1', SecretString: 's' });
    const response = await rawTencent(server().url, 'ListSecretVersionIds', { SecretName: 'wire' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.json).toEqual({ Response: { SecretName: 'wire', Versions: [{ VersionId: 'v1', CreateTime: seconds() }], RequestId: expect.stringMatching(UUID) } });
    const missing = await expectRawTencentError(server().url, 'ListSecretVersionIds', { SecretName: 'nope' }, 'ResourceNotFound', { 'x-tc-language': 'zh-CN' });
    expect(missing.Message).toBe('凭据不存在。');
  });
});
