import { createHash, createHmac } from 'node:crypto';
import { ManualClock } from '../../../src/core/runtime.js';
import { credentialsFile, send, signCall, withAuthParam, type RawRequest, type RawResponse, type TestKey } from '../../helpers/awsSigning.js';
import { useServer } from '../../helpers/server.js';

// There are no captured AWS requests: these vectors are signed with the SDK's own signer at T,
// and the emulator's clock is set to T.
const T = Date.UTC(2026, 2, 1, 12, 0, 0);
const AMZ_DATE = '20260301T120000Z';
const TOKEN = '11111111-2222-3333-4444-555555555555';
const LONG_TERM: TestKey = { accessKeyId: 'AKIAPOLYSECRETSTRICT', secretAccessKey: 'strict-long-term-secret' };
const TEMPORARY: TestKey = { accessKeyId: 'ASIAPOLYSECRETSTRICT', secretAccessKey: 'strict-temporary-secret', sessionToken: 'strict-session-token' };
const FILE = credentialsFile([
  { ...LONG_TERM, accountId: '111122223333' },
  { ...TEMPORARY, accountId: '444455556666' },
]);

const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. ' +
  'Consult the service documentation for details.';
const INVALID_TOKEN = 'The security token included in the request is invalid.';

/** One call of each shape: a write, a read of a missing secret, an empty input, a generated value. */
const CALLS: Array<[string, Record<string, unknown>]> = [
  ['CreateSecret', { Name: 'vector', SecretString: 'v', ClientRequestToken: TOKEN }],
  ['DescribeSecret', { SecretId: 'missing' }],
  ['ListSecrets', {}],
  ['GetRandomPassword', { PasswordLength: 12 }],
];
const KEYS: Array<[string, TestKey]> = [
  ['long-term key', LONG_TERM],
  ['temporary key', TEMPORARY],
];

const AUTH_CODES = ['MissingAuthenticationTokenException', 'IncompleteSignatureException', 'UnrecognizedClientException', 'InvalidSignatureException'];

function withHeaders(request: RawRequest, changes: Record<string, string | undefined>): RawRequest {
  const headers = { ...request.headers };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete headers[name];
    else headers[name] = value;
  }
  return { ...request, headers };
}

/** The same bytes but one, at the middle. */
function flipOneByte(body: Buffer): Buffer {
  const altered = Buffer.from(body);
  const middle = Math.floor(altered.length / 2);
  altered[middle] = altered[middle] === 0x41 ? 0x42 : 0x41;
  return altered;
}

describe('AWS strict mode: SigV4 as Secrets Manager verifies it', () => {
  const server = useServer('memory', { auth: 'strict', credentialsFile: FILE, clock: new ManualClock(T) });
  const sign = (operation: string, input: unknown, options: Partial<Parameters<typeof signCall>[3]> = {}) =>
    signCall(server().url, operation, input, { key: LONG_TERM, date: new Date(T), ...options });

  /** Sends, and checks the auth-layer envelope: 400, x-amzn-ErrorType, `{"__type","message"}` with a lowercase `message`. */
  async function authError(request: RawRequest, code: string, message?: string): Promise<string> {
    const response = await send(server().url, request);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(response.headers['x-amzn-errortype']).toBe(code);
    expect(response.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(Object.keys(response.json)).toEqual(['__type', 'message']);
    expect(response.json.__type).toBe(code);
    if (message !== undefined) expect(response.json.message).toBe(message);
    return response.json.message as string;
  }

  function passedAuth(response: RawResponse): void {
    expect(AUTH_CODES).not.toContain(response.json?.__type);
  }

  describe.each(KEYS)('every vector verifies with its %s', (_label, key) => {
    it.each(CALLS)('%s', async (operation, input) => {
      const response = await send(server().url, await sign(operation, input, { key }));
      passedAuth(response);
      if (operation === 'DescribeSecret') expect(response.json.__type).toBe('ResourceNotFoundException');
      else expect(response.status).toBe(200);
    });
  });

  it('takes the account from the listed key and the region from the scope', async () => {
    const longTerm = await send(server().url, await sign('CreateSecret', { Name: 'mine', SecretString: 'v', ClientRequestToken: TOKEN }, { region: 'eu-west-2' }));
    expect(longTerm.json.ARN).toMatch(/^arn:aws:secretsmanager:eu-west-2:111122223333:secret:mine-[A-Za-z0-9]{6}$/);
    const temporary = await send(server().url, await sign('CreateSecret', { Name: 'mine', SecretString: 'v', ClientRequestToken: TOKEN }, { key: TEMPORARY }));
    expect(temporary.json.ARN).toMatch(/^arn:aws:secretsmanager:us-east-1:444455556666:secret:mine-/);
  });

  it('verifies a request that does not send X-Amz-Content-SHA256, hashing the body itself', async () => {
    const request = await sign('ListSecrets', {}, { checksum: false });
    expect(request.headers['x-amz-content-sha256']).toBeUndefined();
    passedAuth(await send(server().url, request));
    await authError({ ...request, body: Buffer.from('{ }') }, 'InvalidSignatureException');
  });

  describe.each(CALLS)('%s altered', (operation, input) => {
    it('in one body byte: InvalidSignatureException, even with the original X-Amz-Content-SHA256', async () => {
      const request = await sign(operation, input);
      await authError({ ...request, body: flipOneByte(request.body) }, 'InvalidSignatureException');
    });

    it('in one signed header value: InvalidSignatureException', async () => {
      const request = await sign(operation, input);
      for (const change of [
        { 'x-amz-target': 'secretsmanager.DeleteSecret' },
        { 'content-type': 'application/json' },
        { host: request.headers.host.replace(/:\d+$/, '') },
        { 'x-amz-date': '20260301T120001Z' },
      ]) {
        await authError(withHeaders(request, change), 'InvalidSignatureException');
      }
    });

    it('signed with another secret: InvalidSignatureException', async () => {
      const request = await sign(operation, input, { key: { ...LONG_TERM, secretAccessKey: 'not-the-secret' } });
      expect((await authError(request, 'InvalidSignatureException')).startsWith(MISMATCH)).toBe(true);
    });

    it('signed with an unknown key id: UnrecognizedClientException', async () => {
      const request = await sign(operation, input, { key: { accessKeyId: 'AKIAUNKNOWN', secretAccessKey: 'whatever' } });
      await authError(request, 'UnrecognizedClientException', INVALID_TOKEN);
    });

    it('signed more than 15 minutes before or after the clock: InvalidSignatureException, in AWS words', async () => {
      const early = await sign(operation, input, { date: new Date(T - 15 * 60_000 - 1000) });
      await authError(early, 'InvalidSignatureException', 'Signature expired: 20260301T114459Z is now earlier than 20260301T114500Z (20260301T120000Z - 15 min.)');
      const late = await sign(operation, input, { date: new Date(T + 15 * 60_000 + 1000) });
      await authError(late, 'InvalidSignatureException', 'Signature not yet current: 20260301T121501Z is still later than 20260301T121500Z (20260301T120000Z + 15 min.)');
    });

    it('without Authorization: MissingAuthenticationTokenException, with Secrets Manager’s exact body', async () => {
      const request = withHeaders(await sign(operation, input), { authorization: undefined });
      const response = await send(server().url, request);
      expect(response.status).toBe(400);
      expect(response.text).toBe('{"__type":"MissingAuthenticationTokenException","message":"Missing Authentication Token"}');
    });

    it('with a garbled Authorization: IncompleteSignatureException', async () => {
      const request = await sign(operation, input);
      await authError(withHeaders(request, { authorization: request.headers.authorization.slice(0, 60) }), 'IncompleteSignatureException');
    });
  });

  it('returns the server’s canonical request and string to sign in the mismatch message', async () => {
    const request = await sign('ListSecrets', {});
    const altered = flipOneByte(request.body);
    const h = request.headers;
    const canonical = [
      'POST',
      '/',
      '',
      `content-length:${h['content-length']}\ncontent-type:application/x-amz-json-1.1\nhost:${h.host}\n` +
        `x-amz-content-sha256:${h['x-amz-content-sha256']}\nx-amz-date:${AMZ_DATE}\nx-amz-target:secretsmanager.ListSecrets\n`,
      'content-length;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-target',
      createHash('sha256').update(altered).digest('hex'),
    ].join('\n');
    const toSign = `AWS4-HMAC-SHA256\n${AMZ_DATE}\n20260301/us-east-1/secretsmanager/aws4_request\n${createHash('sha256').update(canonical).digest('hex')}`;
    const message = await authError({ ...request, body: altered }, 'InvalidSignatureException');
    expect(message).toBe(
      `${MISMATCH}\n\nThe Canonical String for this request should have been\n'${canonical}'\n\nThe String-to-Sign should have been\n'${toSign}'\n`,
    );
  });

  it('accepts a timestamp exactly 15 minutes off either way', async () => {
    for (const offset of [-15 * 60_000, 15 * 60_000]) {
      passedAuth(await send(server().url, await sign('ListSecrets', {}, { date: new Date(T + offset) })));
    }
  });

  it('reports each malformed Authorization part as AWS does', async () => {
    const request = await sign('ListSecrets', {});
    const cases: Array<[RawRequest, string, string]> = [
      [withHeaders(request, { authorization: 'Bearer abc' }), 'IncompleteSignatureException', "Unsupported AWS 'algorithm': 'Bearer'."],
      [
        withHeaders(request, { authorization: 'AWS4-HMAC-SHA256 garbage' }),
        'IncompleteSignatureException',
        "'garbage' not a valid key=value pair (missing equal-sign) in Authorization header: 'AWS4-HMAC-SHA256 garbage'",
      ],
      [
        withHeaders(request, { authorization: 'AWS4-HMAC-SHA256' }),
        'IncompleteSignatureException',
        "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. " +
          "Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4-HMAC-SHA256",
      ],
      [
        withHeaders(request, { authorization: request.headers.authorization.replace(/, Signature=.*$/, ''), 'x-amz-date': undefined }),
        'IncompleteSignatureException',
        "Authorization header requires 'Signature' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. " +
          'Authorization=AWS4-HMAC-SHA256',
      ],
      [
        withAuthParam(request, 'SignedHeaders', 'content-type;x-amz-date;x-amz-target'),
        'InvalidSignatureException',
        "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
      ],
      [
        withHeaders(request, { 'x-amz-date': '2026-03-01T12:00:00Z' }),
        'IncompleteSignatureException',
        "Date must be in ISO-8601 'basic format'. Got '2026-03-01T12:00:00Z'. See http://en.wikipedia.org/wiki/ISO_8601",
      ],
      [
        withHeaders(request, { 'x-amz-date': '20260231T120000Z' }),
        'IncompleteSignatureException',
        "Date must be in ISO-8601 'basic format'. Got '20260231T120000Z'. See http://en.wikipedia.org/wiki/ISO_8601",
      ],
      [
        withAuthParam(request, 'Credential', 'AKIAPOLYSECRETSTRICT/20260301/us-east-1'),
        'IncompleteSignatureException',
        "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'AKIAPOLYSECRETSTRICT/20260301/us-east-1'",
      ],
      [withAuthParam(request, 'Signature', 'abc'), 'InvalidSignatureException', ''],
    ];
    for (const [altered, code, message] of cases) {
      const received = await authError(altered, code);
      if (message === '') expect(received.startsWith(MISMATCH)).toBe(true);
      else expect(received).toBe(message);
    }
  });

  it('refuses a scope for another service, an invalid region, terminator or date, naming each', async () => {
    const kms = await sign('ListSecrets', {}, { service: 'kms' });
    await authError(kms, 'InvalidSignatureException', "Credential should be scoped to correct service: 'secretsmanager'. ");
    const global = await sign('ListSecrets', {}, { region: 'aws-global' });
    await authError(global, 'InvalidSignatureException', "Credential should be scoped to a valid region, not 'aws-global'. ");
    const request = await sign('ListSecrets', {});
    await authError(
      withAuthParam(request, 'Credential', 'AKIAPOLYSECRETSTRICT/20260302/Nowhere/kms/aws5_request'),
      'InvalidSignatureException',
      "Credential should be scoped to a valid region, not 'Nowhere'. Credential should be scoped to correct service: 'secretsmanager'. " +
        "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'. " +
        "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20260302' != '20260301', from '20260301T120000Z'. ",
    );
  });

  it('requires a temporary key’s session token, exactly, and refuses one on a long-term key', async () => {
    const temporary = await sign('ListSecrets', {}, { key: TEMPORARY });
    expect(temporary.headers['x-amz-security-token']).toBe('strict-session-token');
    await authError(withHeaders(temporary, { 'x-amz-security-token': undefined }), 'UnrecognizedClientException', INVALID_TOKEN);
    const wrongToken = await sign('ListSecrets', {}, { key: { ...TEMPORARY, sessionToken: 'strict-session-tokeX' } });
    await authError(wrongToken, 'UnrecognizedClientException', INVALID_TOKEN);
    const tokenOnLongTerm = await sign('ListSecrets', {}, { key: { ...LONG_TERM, sessionToken: 'strict-session-token' } });
    await authError(tokenOnLongTerm, 'UnrecognizedClientException', INVALID_TOKEN);
  });

  it('checks in AWS’s order: skew before the key, the key before the signature, authentication before the input', async () => {
    const staleUnknown = await sign('ListSecrets', {}, { key: { accessKeyId: 'AKIAUNKNOWN', secretAccessKey: 'x' }, date: new Date(T - 3_600_000) });
    expect(await authError(staleUnknown, 'InvalidSignatureException')).toMatch(/^Signature expired: /);
    const unknownWrongScope = await sign('ListSecrets', {}, { key: { accessKeyId: 'AKIAUNKNOWN', secretAccessKey: 'x' }, service: 'kms' });
    expect(await authError(unknownWrongScope, 'InvalidSignatureException')).toMatch(/^Credential should be scoped to correct service/);
    // A malformed body or unknown operation is only looked at once the request is authenticated.
    await authError(withHeaders(await sign('NoSuchOperation', {}), { authorization: undefined }), 'MissingAuthenticationTokenException');
    const badJson = await sign('CreateSecret', '{"x"');
    await authError(withHeaders(badJson, { authorization: undefined }), 'MissingAuthenticationTokenException');
    expect((await send(server().url, badJson)).json.__type).toBe('SerializationException');
    // The protocol is recognised first: a form-encoded request gets AWS's bare marker, signed or not.
    const form = await send(server().url, withHeaders(await sign('ListSecrets', {}), { 'content-type': 'application/x-www-form-urlencoded' }));
    expect(form.status).toBe(404);
  });

  it('answers an oversized body with SerializationException, signed or not: it was discarded unread, so it cannot be hashed', async () => {
    const huge = await sign('CreateSecret', { Name: 'huge', SecretString: 'x'.repeat(2 * 1024 * 1024) });
    expect((await send(server().url, huge)).json.__type).toBe('SerializationException');
    expect((await send(server().url, withHeaders(huge, { authorization: undefined }))).json.__type).toBe('SerializationException');
  });

  it('accepts UNSIGNED-PAYLOAD, as SigV4 lets a client opt out of body hashing', async () => {
    const request = await sign('ListSecrets', {}, { headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } });
    passedAuth(await send(server().url, request));
    passedAuth(await send(server().url, { ...request, body: flipOneByte(request.body) }));
  });

  it('has no nonce, like AWS: the same signed request is accepted again within the window', async () => {
    const request = await sign('ListSecrets', {});
    passedAuth(await send(server().url, request));
    passedAuth(await send(server().url, request));
  });

  it('accepts an RFC 1123 Date header in place of X-Amz-Date', async () => {
    // The SDK signer always sets X-Amz-Date, so this one is signed by hand (SigV4's canonical request, string to sign and signature steps).
    const { host } = new URL(server().url);
    const body = '{}';
    const headers: Record<string, string> = {
      'content-type': 'application/x-amz-json-1.1',
      date: 'Sun, 01 Mar 2026 12:00:00 GMT',
      host,
      'x-amz-target': 'secretsmanager.ListSecrets',
    };
    const signed = Object.keys(headers).sort();
    const canonical = ['POST', '/', '', signed.map((n) => `${n}:${headers[n]}\n`).join(''), signed.join(';'), createHash('sha256').update(body).digest('hex')].join('\n');
    const scope = '20260301/us-east-1/secretsmanager/aws4_request';
    const toSign = `AWS4-HMAC-SHA256\n${AMZ_DATE}\n${scope}\n${createHash('sha256').update(canonical).digest('hex')}`;
    let key: Buffer | string = `AWS4${LONG_TERM.secretAccessKey}`;
    for (const part of ['20260301', 'us-east-1', 'secretsmanager', 'aws4_request']) key = createHmac('sha256', key).update(part).digest();
    const signature = createHmac('sha256', key).update(toSign).digest('hex');
    headers.authorization = `AWS4-HMAC-SHA256 Credential=${LONG_TERM.accessKeyId}/${scope}, SignedHeaders=${signed.join(';')}, Signature=${signature}`;
    const response = await send(server().url, { headers, body: Buffer.from(body) });
    expect(response.status).toBe(200);
    await authError({ headers: { ...headers, date: 'Sun, 01 Mar 2026 12:00:01 GMT' }, body: Buffer.from(body) }, 'InvalidSignatureException');
  });
});
