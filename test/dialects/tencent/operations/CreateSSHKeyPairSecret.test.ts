import { STORES, useServer } from '../../../helpers/server.js';
import { rawTencent, TENCENT_FRAMINGS, tencentClient, type TencentFraming } from '../../../helpers/tencent.js';
import { expectRawTencentError, expectTencentError, storedSecret, UUID } from '../../../helpers/tencentOperations.js';

describe.each(STORES)('Tencent CreateSSHKeyPairSecret (%s store)', (kind) => {
  const server = useServer(kind);
  const client = (framing: TencentFraming = TENCENT_FRAMINGS[0]) => tencentClient(server().url, framing);

  describe.each(TENCENT_FRAMINGS)('over $name', (framing) => {
    it('creates an Enabled SSH key pair secret with a new key id and, unnamed, a name derived from it', async () => {
      const created = await client(framing).CreateSSHKeyPairSecret({ SecretName: 'deploy-key', ProjectId: 0 });
      expect(created).toEqual({
        SecretName: 'deploy-key',
        SSHKeyID: expect.stringMatching(/^skey-[a-z0-9]{8}$/),
        SSHKeyName: created.SSHKeyID!.replace('-', '_'),
        TagCode: 0,
        TagMsg: 'ok',
        RequestId: expect.stringMatching(UUID),
      });
      const described = await client(framing).DescribeSecret({ SecretName: 'deploy-key' });
      expect(described).toMatchObject({
        Status: 'Enabled',
        SecretType: 2,
        ProductName: 'Cvm',
        ResourceID: created.SSHKeyID,
        ResourceName: created.SSHKeyName,
        ProjectID: 0,
      });
    });

    it('uses the SSHKeyName and ProjectId given, and lists the secret under SecretType 2', async () => {
      await client(framing).CreateSSHKeyPairSecret({ SecretName: 'bastion', ProjectId: 1024, SSHKeyName: 'bastion_key_01', Description: 'jump host' });
      const [listed] = (await client(framing).ListSecrets({ SecretType: 2 })).SecretMetadatas!;
      expect(listed).toMatchObject({ SecretName: 'bastion', Description: 'jump host', SecretType: 2, ResourceName: 'bastion_key_01', ProjectID: 1024 });
      expect((await client(framing).ListSecrets({})).TotalCount).toBe(0);
    });
  });

  it('answers exactly SecretName, SSHKeyID, SSHKeyName, TagCode, TagMsg and RequestId, HTTP 200 application/json', async () => {
    const response = await rawTencent(server().url, 'CreateSSHKeyPairSecret', { SecretName: 'raw', ProjectId: 0, SSHKeyName: 'raw_key' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(Object.keys(response.json.Response)).toEqual(['SecretName', 'SSHKeyID', 'SSHKeyName', 'TagCode', 'TagMsg', 'RequestId']);
    expect(response.json.Response.SSHKeyName).toBe('raw_key');
  });

  it('keeps Tags, KmsKeyId and EncryptType, and gives every key pair its own id', async () => {
    const first = await client().CreateSSHKeyPairSecret({ SecretName: 'one', ProjectId: 0, Tags: [{ TagKey: 'env', TagValue: 'prod' }], KmsKeyId: 'key-1', EncryptType: 1 });
    const second = await client().CreateSSHKeyPairSecret({ SecretName: 'two', ProjectId: 0 });
    expect(first.SSHKeyID).not.toBe(second.SSHKeyID);
    const stored = storedSecret(server(), 'one')!;
    expect([stored.tags, stored.kmsKeyId, stored.tencent?.encryptType]).toEqual([[{ key: 'env', value: 'prod' }], 'key-1', 1]);
    expect(stored.tencent).toMatchObject({ secretType: 2, productName: 'Cvm', sshKeyId: first.SSHKeyID, resourceName: first.SSHKeyName, projectId: 0 });
  });

  describe('refusals', () => {
    it.each([
      ['over 25 characters', 'a'.repeat(26)],
      ['starting with an underscore', '_key'],
      ['holding a hyphen', 'my-key'],
    ])('refuses an SSHKeyName %s (InvalidParameterValue)', async (_case, SSHKeyName) => {
      await expectTencentError(client().CreateSSHKeyPairSecret({ SecretName: 'bad', ProjectId: 0, SSHKeyName }), 'InvalidParameterValue');
      expect(storedSecret(server(), 'bad')).toBeUndefined();
    });

    it('refuses an SSHKeyName another key pair has (InvalidParameterValue)', async () => {
      await client().CreateSSHKeyPairSecret({ SecretName: 'first', ProjectId: 0, SSHKeyName: 'shared' });
      await expectTencentError(client().CreateSSHKeyPairSecret({ SecretName: 'second', ProjectId: 0, SSHKeyName: 'shared' }), 'InvalidParameterValue');
    });

    it('refuses a request without ProjectId (MissingParameter) or with a text one (InvalidParameter)', async () => {
      const missing = await expectRawTencentError(server().url, 'CreateSSHKeyPairSecret', { SecretName: 'bad' }, 'MissingParameter');
      expect(missing.Message).toBe('The request is missing a required parameter `ProjectId`.');
      await expectRawTencentError(server().url, 'CreateSSHKeyPairSecret', { SecretName: 'bad', ProjectId: 'zero' }, 'InvalidParameter');
    });

    it('refuses a name in use (ResourceInUse.SecretExists) and duplicate tag keys (TagKeysDuplicated)', async () => {
      await client().CreateSecret({ SecretName: 'taken', SecretString: 's' });
      await expectTencentError(client().CreateSSHKeyPairSecret({ SecretName: 'taken', ProjectId: 0 }), 'ResourceInUse.SecretExists');
      const tags = [
        { TagKey: 'k', TagValue: '1' },
        { TagKey: 'k', TagValue: '2' },
      ];
      await expectTencentError(client().CreateSSHKeyPairSecret({ SecretName: 'dup', ProjectId: 0, Tags: tags }), 'InvalidParameterValue.TagKeysDuplicated');
    });
  });
});
