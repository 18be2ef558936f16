import { CreateSecretCommand, DescribeSecretCommand, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { awsClient, rawAws, STORES, useServer } from '../../helpers/server.js';

const TOKEN = '11111111-2222-3333-4444-555555555555';

describe.each(STORES)('AWS JSON 1.1 envelope (%s store)', (kind) => {
  const server = useServer(kind);

  it('answers with the JSON 1.1 content type and a request id, success or error', async () => {
    const ok = await rawAws(server().url, 'ListSecrets', {});
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(ok.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    const failed = await rawAws(server().url, 'DescribeSecret', { SecretId: 'missing' });
    expect(failed.status).toBe(400);
    expect(failed.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(failed.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
    expect(failed.json).toEqual({ __type: 'ResourceNotFoundException', Message: "Secrets Manager can't find the specified secret." });
  });

  it('omits unset members instead of sending null and sends epoch-second timestamps', async () => {
    await rawAws(server().url, 'CreateSecret', { Name: 'plain', SecretString: 'v', ClientRequestToken: TOKEN });
    const described = await rawAws(server().url, 'DescribeSecret', { SecretId: 'plain' });
    expect(described.text).not.toContain('null');
    expect(Object.keys(described.json).sort()).toEqual(['ARN', 'CreatedDate', 'LastChangedDate', 'Name', 'VersionIdsToStages']);
    expect(typeof described.json.CreatedDate).toBe('number');
    expect(described.json.CreatedDate).toBeCloseTo(Date.now() / 1000, -2);
  });

  it('rejects malformed JSON, non-object bodies and wrong member types with SerializationException, and keeps serving', async () => {
    for (const body of ['{"Name": "x"', '[]', '"text"', '42']) {
      const response = await rawAws(server().url, 'CreateSecret', body);
      expect(response.status).toBe(400);
      expect(response.json.__type).toBe('SerializationException');
    }
    const wrongType = await rawAws(server().url, 'CreateSecret', { Name: 123 });
    expect(wrongType.json).toEqual({ __type: 'SerializationException', Message: "Unexpected value type at 'name'." });
    const nestedWrongType = await rawAws(server().url, 'CreateSecret', { Name: 'x', Tags: [{ Key: ['k'] }] });
    expect(nestedWrongType.json.__type).toBe('SerializationException');
    expect((await rawAws(server().url, 'ListSecrets', {})).status).toBe(200);
  });

  it('refuses a body that is not valid UTF-8 with SerializationException and stores nothing altered', async () => {
    const body = Buffer.concat([Buffer.from(`{"Name":"latin1","ClientRequestToken":"${TOKEN}","SecretString":"caf`), Buffer.from([0xe9]), Buffer.from('"}')]);
    const response = await rawAws(server().url, 'CreateSecret', body);
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ __type: 'SerializationException', Message: 'The request body is not a valid JSON object.' });
    expect((await rawAws(server().url, 'DescribeSecret', { SecretId: 'latin1' })).json.__type).toBe('ResourceNotFoundException');
    // The same value sent as UTF-8 is stored exactly.
    expect((await rawAws(server().url, 'CreateSecret', { Name: 'utf8', ClientRequestToken: TOKEN, SecretString: 'café' })).status).toBe(200);
    expect((await rawAws(server().url, 'GetSecretValue', { SecretId: 'utf8' })).json.SecretString).toBe('café');
  });

  it('treats an empty body as an empty input', async () => {
    expect((await rawAws(server().url, 'ListSecrets', '')).json).toEqual({ SecretList: [] });
    const missing = await rawAws(server().url, 'GetSecretValue', '');
    expect(missing.json).toEqual({
      __type: 'ValidationException',
      Message: "1 validation error detected: Value null at 'secretId' failed to satisfy constraint: Member must not be null",
    });
  });

  it('reports every constraint failure at once, in AWS wording, redacting sensitive values', async () => {
    const response = await rawAws(server().url, 'CreateSecret', { Name: 'x'.repeat(513), Description: 'd'.repeat(2049) });
    expect(response.json.__type).toBe('ValidationException');
    expect(response.json.Message).toMatch(/^2 validation errors detected: /);
    expect(response.json.Message).toContain("at 'name' failed to satisfy constraint: Member must have length less than or equal to 512");
    expect(response.json.Message).toContain("at 'description' failed to satisfy constraint: Member must have length less than or equal to 2048");
    const secret = 's'.repeat(70_000);
    const oversized = await rawAws(server().url, 'CreateSecret', { Name: 'big', SecretString: secret, ClientRequestToken: TOKEN });
    expect(oversized.json.__type).toBe('ValidationException');
    expect(oversized.json.Message).toContain("Value '*** Sensitive Data Redacted ***' at 'secretString'");
    expect(oversized.text).not.toContain('sss');
  });

  it('answers an unknown operation with UnknownOperationException', async () => {
    const response = await rawAws(server().url, 'NoSuchOperation', {});
    expect(response.status).toBe(400);
    expect(response.json.__type).toBe('UnknownOperationException');
  });

  it('answers a request in another protocol (content type) with the bare UnknownOperationException marker', async () => {
    const response = await rawAws(server().url, 'ListSecrets', {}, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(response.status).toBe(404);
    expect(response.text).toBe('<UnknownOperationException/>\n');
  });

  it('reads the JSON content types in any case and with parameters', async () => {
    for (const type of ['application/x-amz-json-1.1; charset=utf-8', 'Application/X-Amz-Json-1.0', 'application/json;charset=UTF-8']) {
      expect((await rawAws(server().url, 'ListSecrets', {}, { 'content-type': type })).status).toBe(200);
    }
  });

  it('cuts a body over 1 MiB off with 413 and SerializationException, and stays up', async () => {
    const huge = JSON.stringify({ Name: 'huge', SecretString: 'x'.repeat(2 * 1024 * 1024) });
    const response = await rawAws(server().url, 'CreateSecret', huge);
    expect(response.status).toBe(413);
    expect(response.json.__type).toBe('SerializationException');
    expect((await rawAws(server().url, 'ListSecrets', {})).status).toBe(200);
  });

  it('treats __proto__ and constructor keys as data, never as object plumbing', async () => {
    const body = `{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"Name":"safe","SecretString":"v","ClientRequestToken":"${TOKEN}"}`;
    const response = await rawAws(server().url, 'CreateSecret', body);
    expect(response.status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const value = await awsClient(server().url).send(new GetSecretValueCommand({ SecretId: 'safe' }));
    expect(value.SecretString).toBe('v');
  });

  it('takes the account from a 12-digit access key id and the region from the credential scope', async () => {
    const client = awsClient(server().url, { accessKeyId: '111122223333', region: 'eu-west-2' });
    const created = await client.send(new CreateSecretCommand({ Name: 'scoped', SecretString: 'v' }));
    expect(created.ARN).toMatch(/^arn:aws:secretsmanager:eu-west-2:111122223333:secret:scoped-[A-Za-z0-9]{6}$/);
    const otherAccount = awsClient(server().url, { region: 'eu-west-2' });
    await expect(otherAccount.send(new DescribeSecretCommand({ SecretId: 'scoped' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    // An ARN selects its own account and region.
    const byArn = await otherAccount.send(new DescribeSecretCommand({ SecretId: created.ARN }));
    expect(byArn.Name).toBe('scoped');
    const unsigned = await rawAws(server().url, 'CreateSecret', { Name: 'unsigned' });
    expect(unsigned.json.ARN).toMatch(/^arn:aws:secretsmanager:us-east-1:000000000000:secret:unsigned-/);
  });
});
