import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { STORES, useServer } from '../../../helpers/server.js';
import { rawTencent, TENCENT_FRAMINGS, tencentClient, type TencentFraming } from '../../../helpers/tencent.js';
import { expectRawTencentError, expectTencentError, scheduleDeletion, UUID } from '../../../helpers/tencentOperations.js';

/** The RSA public key in an OpenSSH `ssh-rsa <base64> <comment>` line, read field by field. */
function parseOpenSshRsa(line: string): { e: string; n: string; comment: string } {
  const [type, base64, comment] = line.split(' ');
  expect(type).toBe('ssh-rsa');
  const blob = Buffer.from(base64, 'base64');
  const fields: Buffer[] = [];
  for (let offset = 0; offset < blob.length; ) {
    const length = blob.readUInt32BE(offset);
    fields.push(blob.subarray(offset + 4, offset + 4 + length));
    offset += 4 + length;
  }
  expect(fields[0].toString()).toBe('ssh-rsa');
  const integer = (field: Buffer) => (field[0] === 0 ? field.subarray(1) : field).toString('base64url');
  return { e: integer(fields[1]), n: integer(fields[2]), comment };
}

describe.each(STORES)('Tencent GetSSHKeyPairValue (%s store)', (kind) => {
  const server = useServer(kind);
  const client = (framing: TencentFraming = TENCENT_FRAMINGS[0]) => tencentClient(server().url, framing);

  describe.each(TENCENT_FRAMINGS)('over $name', (framing) => {
    it('returns the key pair by SecretName and, identically, by SSHKeyId', async () => {
      const created = await client().CreateSSHKeyPairSecret({ SecretName: 'deploy-key', ProjectId: 7, SSHKeyName: 'deploy' });
      const byName = await client(framing).GetSSHKeyPairValue({ SecretName: 'deploy-key' });
      expect(byName).toEqual({
        SSHKeyID: created.SSHKeyID,
        PublicKey: expect.stringMatching(new RegExp(`^ssh-rsa AAAAB3NzaC1yc2E[A-Za-z0-9+/=]+ ${created.SSHKeyID}$`)),
        PrivateKey: expect.stringMatching(/^-----BEGIN RSA PRIVATE KEY-----\n[\s\S]+\n-----END RSA PRIVATE KEY-----$/),
        ProjectID: 7,
        SSHKeyDescription: 'created by ssm',
        SSHKeyName: 'deploy',
        RequestId: expect.stringMatching(UUID),
      });
      const byId = await client(framing).GetSSHKeyPairValue({ SSHKeyId: created.SSHKeyID });
      expect({ ...byId, RequestId: '' }).toEqual({ ...byName, RequestId: '' });
    });
  });

  it('hands out a working RSA key pair: the OpenSSH public key is the private key\'s, and signatures verify', async () => {
    await client().CreateSSHKeyPairSecret({ SecretName: 'deploy-key', ProjectId: 0 });
    const pair = await client().GetSSHKeyPairValue({ SecretName: 'deploy-key' });
    const privateKey = createPrivateKey(pair.PrivateKey!);
    expect([privateKey.asymmetricKeyType, privateKey.asymmetricKeyDetails?.modulusLength]).toEqual(['rsa', 2048]);
    const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
    const openSsh = parseOpenSshRsa(pair.PublicKey!);
    expect([openSsh.e, openSsh.n, openSsh.comment]).toEqual([jwk.e, jwk.n, pair.SSHKeyID]);
    const publicKey = createPublicKey({ key: { kty: 'RSA', n: openSsh.n, e: openSsh.e }, format: 'jwk' });
    const signature = sign('sha256', Buffer.from('login'), privateKey);
    expect(verify('sha256', Buffer.from('login'), publicKey, signature)).toBe(true);
  });

  it('gives each secret its own key pair', async () => {
    await client().CreateSSHKeyPairSecret({ SecretName: 'one', ProjectId: 0 });
    await client().CreateSSHKeyPairSecret({ SecretName: 'two', ProjectId: 0 });
    const [one, two] = await Promise.all(['one', 'two'].map((SecretName) => client().GetSSHKeyPairValue({ SecretName })));
    expect(one.PrivateKey).not.toBe(two.PrivateKey);
  });

  it('answers exactly the key members and RequestId, HTTP 200 application/json', async () => {
    await client().CreateSSHKeyPairSecret({ SecretName: 'raw', ProjectId: 0 });
    const response = await rawTencent(server().url, 'GetSSHKeyPairValue', { SecretName: 'raw' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(Object.keys(response.json.Response)).toEqual(['SSHKeyID', 'PublicKey', 'PrivateKey', 'ProjectID', 'SSHKeyDescription', 'SSHKeyName', 'RequestId']);
  });

  describe('refusals', () => {
    it('needs SecretName or SSHKeyId (MissingParameter)', async () => {
      const error = await expectRawTencentError(server().url, 'GetSSHKeyPairValue', {}, 'MissingParameter');
      expect(error.Message).toBe('The request is missing a required parameter `SecretName`.');
    });

    it('answers ResourceNotFound for an unknown SSHKeyId or secret, and for a SecretName and SSHKeyId that disagree', async () => {
      await client().CreateSSHKeyPairSecret({ SecretName: 'one', ProjectId: 0 });
      const two = await client().CreateSSHKeyPairSecret({ SecretName: 'two', ProjectId: 0 });
      await expectTencentError(client().GetSSHKeyPairValue({ SSHKeyId: 'skey-00000000' }), 'ResourceNotFound');
      await expectTencentError(client().GetSSHKeyPairValue({ SecretName: 'nope' }), 'ResourceNotFound');
      await expectTencentError(client().GetSSHKeyPairValue({ SecretName: 'one', SSHKeyId: two.SSHKeyID }), 'ResourceNotFound');
      const error = await expectRawTencentError(server().url, 'GetSSHKeyPairValue', { SSHKeyId: 'skey-00000000' }, 'ResourceNotFound', { 'x-tc-language': 'zh-CN' });
      expect(error.Message).toBe('SSH密钥对不存在。');
    });

    it('refuses a secret of another type (InvalidParameterValue), in Chinese when asked', async () => {
      await client().CreateSecret({ SecretName: 'mine', SecretString: 's' });
      await expectTencentError(client().GetSSHKeyPairValue({ SecretName: 'mine' }), 'InvalidParameterValue');
      const error = await expectRawTencentError(server().url, 'GetSSHKeyPairValue', { SecretName: 'mine' }, 'InvalidParameterValue', { 'x-tc-language': 'zh-CN' });
      expect(error.Message).toBe('该凭据不是SSH密钥对凭据。');
    });

    it('refuses a Disabled secret (ResourceDisabled) and no longer finds a deleted one (ResourceNotFound)', async () => {
      await client().CreateSSHKeyPairSecret({ SecretName: 'off', ProjectId: 0 });
      await client().DisableSecret({ SecretName: 'off' });
      await expectTencentError(client().GetSSHKeyPairValue({ SecretName: 'off' }), 'ResourceUnavailable.ResourceDisabled');
      const { SSHKeyID } = await client().CreateSSHKeyPairSecret({ SecretName: 'doomed', ProjectId: 0 });
      await scheduleDeletion(client(), 'doomed', 0);
      await expectTencentError(client().GetSSHKeyPairValue({ SSHKeyId: SSHKeyID }), 'ResourceNotFound');
    });

    it('refuses an unknown member (UnknownParameter)', async () => {
      await expectRawTencentError(server().url, 'GetSSHKeyPairValue', { SecretName: 'x', VersionId: 'v' }, 'UnknownParameter');
    });
  });
});
