import { CreateSecretCommand, DeleteSecretCommand, DescribeSecretCommand, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { ManualClock } from '../../src/core/runtime.js';
import { createLogger, type LogFormat, type LogLevel } from '../../src/server/log.js';
import { RequestLog, type RequestEntry } from '../../src/server/requestLog.js';
import { Redactor } from '../../src/server/redact.js';
import { ALIBABA_SDKS, alibabaClient, alibabaError } from '../helpers/alibaba.js';
import { awsClient, rawAws, sdkError, startServer, type TestServer } from '../helpers/server.js';
import { TENCENT_FRAMINGS, tencentClient, tencentError } from '../helpers/tencent.js';

/** A value, keys and tokens that must never reach a log line. */
const VALUE = 'canary-Value-7f3aQz';
const AWS_KEY = { accessKeyId: 'AKIALOGCANARY0000001', secretAccessKey: 'awsSigningKeyCanary123', sessionToken: 'awsSessionTokenCanary456' };
const ALIBABA_KEY = { accessKeyId: 'LTAIlogCanaryKeyId01', accessKeySecret: 'alibabaSigningSecretCanary' };
const TENCENT_KEY = { secretId: 'AKIDlogCanarySecretId000000000000001', secretKey: 'tencentSigningKeyCanary', token: 'tencentTokenCanary789' };
const NEVER_LOGGED = [VALUE, AWS_KEY.accessKeyId, AWS_KEY.secretAccessKey, AWS_KEY.sessionToken, ...Object.values(ALIBABA_KEY), ...Object.values(TENCENT_KEY)];
const START = Date.UTC(2025, 0, 1);
/** Raw CreateSecret calls with a value need the idempotency token the SDK would fill in. */
const TOKEN = '00000000-0000-4000-8000-000000000001';
const DAY_MS = 24 * 60 * 60 * 1000;

/** A server whose logger writes into `lines`. */
async function loggedServer(level: LogLevel, format: LogFormat, clock = new ManualClock(START)): Promise<{ server: TestServer; lines: string[] }> {
  const lines: string[] = [];
  const logger = createLogger(level, format, { out: (line) => lines.push(line), err: (line) => lines.push(line) });
  return { server: await startServer('memory', { logger, clock }), lines };
}

/** Creates and reads a secret holding VALUE through every client of every cloud. */
async function createAndGetEverywhere(url: string): Promise<void> {
  const aws = awsClient(url, AWS_KEY);
  await aws.send(new CreateSecretCommand({ Name: 'aws-logged', SecretString: VALUE }));
  expect((await aws.send(new GetSecretValueCommand({ SecretId: 'aws-logged' }))).SecretString).toBe(VALUE);
  for (const sdk of ALIBABA_SDKS) {
    const call = alibabaClient(url, sdk, ALIBABA_KEY);
    await call('CreateSecret', { SecretName: `ali-${sdk}`, VersionId: 'v1', SecretData: VALUE });
    expect((await call('GetSecretValue', { SecretName: `ali-${sdk}` })).SecretData).toBe(VALUE);
  }
  for (const framing of TENCENT_FRAMINGS) {
    const client = tencentClient(url, framing, { credential: TENCENT_KEY });
    const name = `tc-${framing.signMethod}-${framing.reqMethod}`;
    await client.CreateSecret({ SecretName: name, VersionId: 'v1', SecretString: VALUE });
    expect((await client.GetSecretValue({ SecretName: name, VersionId: 'v1' })).SecretString).toBe(VALUE);
  }
}

describe('request log', () => {
  it.each([
    ['error', 'pretty'],
    ['info', 'pretty'],
    ['info', 'json'],
    ['debug', 'pretty'],
    ['debug', 'json'],
  ] as const)('never writes a secret value, key, token or signature at level %s (%s)', async (level, format) => {
    const { server, lines } = await loggedServer(level, format);
    try {
      await createAndGetEverywhere(server.url);
    } finally {
      await server.stop();
    }
    const output = lines.join('\n');
    for (const secret of NEVER_LOGGED) expect(output).not.toContain(secret);
    // Every signature parameter or header part that reached the log was replaced.
    for (const match of output.matchAll(/Signature=([^&"\s,]*)/g)) expect(match[1]).toBe('%5Bredacted%5D');
    if (level === 'error') expect(lines).toEqual([]);
    if (level !== 'error') expect(lines.length).toBeGreaterThanOrEqual(2 * (1 + ALIBABA_SDKS.length + TENCENT_FRAMINGS.length));
    if (level === 'debug') {
      // The debug lines are there and show the requests, just not their secrets.
      expect(output).toContain('[redacted]');
      expect(output).toContain('aws-logged');
      expect(output).toContain('ali-pop-core-get');
      expect(output).toContain('tc-TC3-HMAC-SHA256-POST');
    }
  });

  it('writes one JSON object per line with cloud, action, namespace, status, error code and duration', async () => {
    const { server, lines } = await loggedServer('info', 'json');
    try {
      await rawAws(server.url, 'CreateSecret', { Name: 'a', SecretString: VALUE, ClientRequestToken: TOKEN });
      expect((await sdkError(awsClient(server.url).send(new GetSecretValueCommand({ SecretId: 'missing' })))).name).toBe('ResourceNotFoundException');
      expect((await alibabaError(alibabaClient(server.url, 'pop-core-post')('GetSecretValue', { SecretName: 'missing' }))).code).toBe('Forbidden.ResourceNotFound');
      expect((await tencentError(tencentClient(server.url).GetSecretValue({ SecretName: 'missing', VersionId: 'v1' }))).code).toBe('ResourceNotFound');
      await fetch(server.url, { method: 'POST', body: '{}' });
    } finally {
      await server.stop();
    }
    const requests = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.msg === 'request');
    expect(requests.map(({ time, durationMs, ...rest }) => rest)).toEqual([
      { level: 'info', msg: 'request', cloud: 'aws', action: 'CreateSecret', namespace: '000000000000/us-east-1', status: 200 },
      { level: 'info', msg: 'request', cloud: 'aws', action: 'GetSecretValue', namespace: '000000000000/us-east-1', status: 400, errorCode: 'ResourceNotFoundException' },
      { level: 'info', msg: 'request', cloud: 'alibaba', action: 'GetSecretValue', namespace: '1234567890123456/cn-hangzhou', status: 404, errorCode: 'Forbidden.ResourceNotFound' },
      { level: 'info', msg: 'request', cloud: 'tencent', action: 'GetSecretValue', namespace: '100000000001/ap-guangzhou', status: 200, errorCode: 'ResourceNotFound' },
      { level: 'info', msg: 'request', cloud: 'unrecognised', action: 'POST /', status: 400, errorCode: 'UnrecognizedRequest' },
    ]);
    for (const line of requests) {
      expect(typeof line.durationMs).toBe('number');
      expect(new Date(line.time as string).getTime()).not.toBeNaN();
    }
  });

  it('writes a readable line per request in pretty format', async () => {
    const { server, lines } = await loggedServer('info', 'pretty');
    try {
      await rawAws(server.url, 'DescribeSecret', { SecretId: 'missing' });
    } finally {
      await server.stop();
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^\S+Z request cloud=aws action=DescribeSecret namespace=000000000000\/us-east-1 status=400 errorCode=ResourceNotFoundException durationMs=[\d.]+$/,
    );
  });

  it('redacts secret-value elements of XML answers and summarises bodies it cannot read', () => {
    const xml = '<Response><SecretDatas><SecretData>s3cret &lt;x&gt;</SecretData></SecretDatas><SecretName>n</SecretName></Response>';
    const redactBody = (body: string, type: string, allowXml: boolean) => new Redactor(['SecretData', 'SecretString']).body(body, type, allowXml);
    expect(redactBody(xml, 'text/xml', true)).toBe('<Response><SecretDatas><SecretData>[redacted]</SecretData></SecretDatas><SecretName>n</SecretName></Response>');
    expect(redactBody(xml, 'text/xml', false)).toBe(`<${xml.length} bytes>`);
    expect(redactBody('{"SecretString": "s3cret"', 'application/json', false)).toBe('<25 bytes, not valid JSON>');
  });
});

describe('GET /_emulator/requests', () => {
  it('lists the recent requests of this server only, oldest first, without values', async () => {
    const [one, other] = await Promise.all([loggedServer('silent', 'json'), loggedServer('silent', 'json')]);
    try {
      await rawAws(one.server.url, 'CreateSecret', { Name: 'kept', SecretString: VALUE, ClientRequestToken: TOKEN });
      await rawAws(one.server.url, 'GetSecretValue', { SecretId: 'kept' });
      await rawAws(one.server.url, 'GetSecretValue', { SecretId: 'missing' });
      await tencentClient(one.server.url).GetSecretValue({ SecretName: 'missing', VersionId: 'v1' }).catch(() => undefined);
      const response = await fetch(`${one.server.url}/_emulator/requests`);
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).not.toContain(VALUE);
      const { requests } = JSON.parse(text) as { requests: RequestEntry[] };
      expect(requests.map(({ durationMs, ...rest }) => rest)).toEqual([
        { time: new Date(START).toISOString(), cloud: 'aws', action: 'CreateSecret', namespace: '000000000000/us-east-1', status: 200 },
        { time: new Date(START).toISOString(), cloud: 'aws', action: 'GetSecretValue', namespace: '000000000000/us-east-1', status: 200 },
        { time: new Date(START).toISOString(), cloud: 'aws', action: 'GetSecretValue', namespace: '000000000000/us-east-1', status: 400, errorCode: 'ResourceNotFoundException' },
        { time: new Date(START).toISOString(), cloud: 'tencent', action: 'GetSecretValue', namespace: '100000000001/ap-guangzhou', status: 200, errorCode: 'ResourceNotFound' },
      ]);
      expect(requests.every((entry) => entry.durationMs >= 0)).toBe(true);
      const otherList = (await (await fetch(`${other.server.url}/_emulator/requests`)).json()) as { requests: RequestEntry[] };
      expect(otherList.requests).toEqual([]);
    } finally {
      await Promise.all([one.server.stop(), other.server.stop()]);
    }
  });

  it('keeps only the newest entries once full', () => {
    const log = new RequestLog({ logger: createLogger('silent'), clock: new ManualClock(START), capacity: 2, debug: false, valueMembers: () => [] });
    for (const action of ['A', 'B', 'C']) log.answered({ cloud: 'aws', action, status: 200, outcome: {}, started: process.hrtime.bigint() });
    expect(log.recent().map((entry) => entry.action)).toEqual(['B', 'C']);
  });
});

describe('admin calls', () => {
  it('are logged one info line each and listed with cloud admin, without bodies, query values or health checks', async () => {
    const { server, lines } = await loggedServer('info', 'json');
    const seed = JSON.stringify({ aws: { '000000000000': { 'us-east-1': [{ name: 'seeded', versions: [{ value: VALUE }] }] } } });
    let listed: RequestEntry[];
    try {
      expect((await fetch(`${server.url}/_emulator/seed`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: seed })).status).toBe(200);
      expect((await fetch(`${server.url}/_emulator/state?values=true`)).status).toBe(200);
      expect((await fetch(`${server.url}/_emulator/health`)).status).toBe(200);
      expect((await fetch(`${server.url}/_emulator/nope?values=true`)).status).toBe(404);
      expect((await fetch(`${server.url}/_emulator/seed`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"aws": 1}' })).status).toBe(400);
      expect((await fetch(`${server.url}/moto-api/reset`, { method: 'POST' })).status).toBe(200);
      const answer = await fetch(`${server.url}/_emulator/requests`);
      ({ requests: listed } = (await answer.json()) as { requests: RequestEntry[] });
    } finally {
      await server.stop();
    }
    const calls = [
      { cloud: 'admin', action: 'POST /_emulator/seed', status: 200 },
      { cloud: 'admin', action: 'GET /_emulator/state', status: 200 },
      { cloud: 'admin', action: 'GET /_emulator/nope', status: 404 },
      { cloud: 'admin', action: 'POST /_emulator/seed', status: 400 },
      { cloud: 'admin', action: 'POST /moto-api/reset', status: 200 },
    ];
    expect(listed.map(({ durationMs, ...rest }) => rest)).toEqual(calls.map((call) => ({ time: new Date(START).toISOString(), ...call })));
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.msg === 'request');
    // The last request line is the listing itself, answered after the list was made.
    expect(logged.map(({ time, durationMs, ...rest }) => rest)).toEqual([...calls, { cloud: 'admin', action: 'GET /_emulator/requests', status: 200 }].map((call) => ({ level: 'info', msg: 'request', ...call })));
    for (const line of logged) expect(line.durationMs).toEqual(expect.any(Number));
    const output = lines.join('\n');
    expect(output).not.toContain(VALUE);
    expect(output).not.toContain('values=true');
    expect(output).not.toContain('/_emulator/health');
  });
});

describe('/_emulator/clock', () => {
  let server: TestServer;
  beforeEach(async () => {
    ({ server } = await loggedServer('silent', 'pretty'));
  });
  afterEach(async () => {
    await server.stop();
  });

  const move = (body: string) => fetch(`${server.url}/_emulator/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const now = async () => (await (await fetch(`${server.url}/_emulator/clock`)).json()) as { time: string; epochMs: number };

  it('reports the emulator time and moves it forward by seconds or to a time', async () => {
    expect(await now()).toEqual({ time: '2025-01-01T00:00:00.000Z', epochMs: START });
    const advanced = await move('{"advanceSeconds": 90}');
    expect(advanced.status).toBe(200);
    expect(await advanced.json()).toEqual({ time: '2025-01-01T00:01:30.000Z', epochMs: START + 90_000 });
    expect(await (await move('{"time": "2025-02-01T00:00:00Z"}')).json()).toEqual({ time: '2025-02-01T00:00:00.000Z', epochMs: Date.UTC(2025, 1, 1) });
    expect((await move(`{"time": ${Date.UTC(2025, 2, 1)}}`)).status).toBe(200);
    expect(await now()).toEqual({ time: '2025-03-01T00:00:00.000Z', epochMs: Date.UTC(2025, 2, 1) });
  });

  it.each([
    ['backwards in time', '{"time": "2024-12-31T23:59:59Z"}', 'only moves forward'],
    ['a negative advance', '{"advanceSeconds": -1}', 'advanceSeconds'],
    ['both fields', '{"advanceSeconds": 1, "time": "2026-01-01T00:00:00Z"}', 'exactly one'],
    ['an unknown field', '{"days": 1}', 'exactly one'],
    ['a time that is no date', '{"time": "tomorrow"}', 'not a reachable date-time'],
    ['an unreachable advance', '{"advanceSeconds": 1e300}', 'not a reachable date-time'],
    ['a body that is not JSON', 'advance please', 'must be JSON'],
  ])('refuses %s with a 400 and leaves the time alone', async (_what, body, reason) => {
    const response = await move(body);
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { error: string; message: string; problems: string[] };
    expect(answer.error).toBe('InvalidClock');
    expect(`${answer.message} ${answer.problems.join(' ')}`).toContain(reason);
    expect((await now()).epochMs).toBe(START);
  });

  it('lets a scheduled AWS deletion purge once the recovery window has passed', async () => {
    const aws = awsClient(server.url);
    await aws.send(new CreateSecretCommand({ Name: 'doomed', SecretString: VALUE }));
    await aws.send(new DeleteSecretCommand({ SecretId: 'doomed', RecoveryWindowInDays: 7 }));
    const scheduled = await aws.send(new DescribeSecretCommand({ SecretId: 'doomed' }));
    expect(scheduled.DeletedDate?.getTime()).toBe(START);
    expect((await move(JSON.stringify({ advanceSeconds: (8 * DAY_MS) / 1000 }))).status).toBe(200);
    expect((await sdkError(aws.send(new DescribeSecretCommand({ SecretId: 'doomed' })))).name).toBe('ResourceNotFoundException');
  });
});
