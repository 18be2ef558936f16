import { conform, parseScenario } from '../../app/conform/index.js';

const scenario = () =>
  parseScenario(
    JSON.stringify({
      name: 'wire',
      steps: [
        { op: 'create', name: 'db', value: 's3cret-1' },
        { op: 'read', name: 'db', expect: { value: 's3cret-1' } },
        { op: 'read', name: 'missing', expect: { error: 'not-found' } },
      ],
    }),
    'json',
  );

describe('conform() records each step\'s HTTP exchanges', () => {
  it('keeps every request and answer of each SDK, with signatures masked', async () => {
    const result = await conform({ scenarios: [await scenario()] });
    const [create, read, missing] = result.scenarios[0].steps;
    for (const cloud of ['aws', 'alibaba', 'tencent'] as const) {
      const [exchange] = read.results[cloud]!.exchanges;
      expect(exchange.request.method).toBe('POST');
      expect(exchange.response?.status).toBe(200);
      expect(exchange.response?.body).toContain('s3cret-1');
      expect(JSON.stringify(create.results[cloud]!.exchanges)).not.toMatch(/Signature=[^(&]|HMAC-SHA256 Credential|TC3-HMAC-SHA256 Credential/);
    }
    // Tencent API 3.0 answers its errors with 200 and the code in the body.
    expect(missing.results.aws!.exchanges[0].response?.status).toBe(400);
    expect(missing.results.alibaba!.exchanges[0].response?.status).toBe(404);
    expect(missing.results.tencent!.exchanges[0].response).toMatchObject({ status: 200, body: expect.stringContaining('"Code":"ResourceNotFound"') });
    expect(read.results.aws!.exchanges[0].request.headers['x-amz-target']).toBe('secretsmanager.GetSecretValue');
    expect(read.results.aws!.exchanges[0].request.headers.authorization).toBe('(masked)');
    expect(read.results.aws!.exchanges[0].request.body).toMatch(/^\{"SecretId":"conform-[0-9a-f]{6}-1-db"/);
    expect(read.results.alibaba!.exchanges[0].request.url + read.results.alibaba!.exchanges[0].request.body).toContain('Action=GetSecretValue');
    expect(read.results.tencent!.exchanges[0].request.headers['x-tc-action']).toBe('GetSecretValue');
    expect(missing.results.aws!.exchanges[0].response?.body).toContain('ResourceNotFoundException');
  });
});
