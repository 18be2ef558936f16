/**
 * The real-cloud path of `polysecret conform`, end to end: the compiled CLI with `--real` reads each
 * SDK's standard credential variables and talks to a second polysecret in strict mode standing in for
 * the three clouds (every request signed and verified as the clouds do), through `--target`.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CLEAN_ENV, ROOT, useCompiledCli, type Run } from '../helpers/compiledCli.js';
import { startServer, type TestServer } from '../helpers/server.js';

const KEYS = {
  aws: { accessKeyId: 'AKIACONFORMREALPATH1', secretAccessKey: 'conform-real-aws-secret', accountId: '111122223333' },
  alibaba: { accessKeyId: 'LTAIconformRealPath', accessKeySecret: 'conform-real-alibaba-secret', accountId: '1234567890123456' },
  tencent: { secretId: 'AKIDconformRealPath000000000000000', secretKey: 'conformRealTencentSecretKey00000', appId: '1250000000', uin: '100000000001' },
};

/** Each SDK's own variables, as a user's shell would hold them for their accounts. */
const CREDENTIALS_ENV = {
  AWS_ACCESS_KEY_ID: KEYS.aws.accessKeyId,
  AWS_SECRET_ACCESS_KEY: KEYS.aws.secretAccessKey,
  AWS_REGION: 'eu-west-1',
  ALIBABA_CLOUD_ACCESS_KEY_ID: KEYS.alibaba.accessKeyId,
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEYS.alibaba.accessKeySecret,
  ALIBABA_CLOUD_REGION_ID: 'cn-shanghai',
  TENCENTCLOUD_SECRET_ID: KEYS.tencent.secretId,
  TENCENTCLOUD_SECRET_KEY: KEYS.tencent.secretKey,
  TENCENTCLOUD_REGION: 'ap-beijing',
};

const SCENARIOS = ['lifecycle.json', 'deletion.yaml', 'tags.json', 'everywhere.json'].map((name) => join(ROOT, 'schemas/conform/scenarios', name));

const ADMIN_TOKEN = 'conform-real-path-admin-token';

const compiled = useCompiledCli('conform-real');
let server: TestServer;
beforeAll(async () => {
  const credentials = join(compiled.dir(), 'credentials.json');
  await writeFile(credentials, JSON.stringify({ aws: [KEYS.aws], alibaba: [KEYS.alibaba], tencent: [KEYS.tencent], admin: { token: ADMIN_TOKEN } }));
  server = await startServer('memory', { auth: 'strict', credentialsFile: credentials });
});
afterAll(() => server?.stop());

/** Runs the compiled `polysecret conform ARGS` with only PATH and `env`. */
function conformCli(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [compiled.cli(), 'conform', ...args], { cwd: ROOT, env: { ...CLEAN_ENV, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr });
    });
  });
}

/** `--target` for every cloud: the strict polysecret stands in for each vendor's endpoint. */
const targets = () => ['aws', 'alibaba', 'tencent'].flatMap((cloud) => ['--target', `${cloud}=${server.url}`]);

describe('polysecret conform --real against a strict polysecret standing in for the clouds', () => {
  it("signs with the credentials from each SDK's variables, skips what needs a clock, and force-deletes everything it made", async () => {
    const reports = join(compiled.dir(), 'reports');
    const { code, stdout, stderr } = await conformCli([...SCENARIOS, '--real', 'aws,alibaba,tencent', ...targets(), '--report', reports], CREDENTIALS_ENV);
    // toContain: on Node 20 the AWS SDK adds its own warning about Node versions.
    expect(stderr).toContain(`polysecret conform: wrote ${['report.json', 'junit.xml', 'report.html'].map((name) => join(reports, name)).join(', ')}\n`);
    expect(code).toBe(0);
    // lifecycle advances the clock past the recovery window: from there on a real cloud cannot follow.
    expect(stdout).toMatch(/^\d+\. advanceClock \d+s +\| SKIP +\| SKIP +\| SKIP$/m);
    expect(stdout).toMatch(/\n\d+ passed, 0 failed, \d+ skipped \(a real cloud has no clock to advance\)\n$/);

    const report = JSON.parse(await readFile(join(reports, 'report.json'), 'utf8'));
    expect(report.targets).toEqual({
      aws: { kind: 'real', endpoint: server.url },
      alibaba: { kind: 'real', endpoint: server.url },
      tencent: { kind: 'real', endpoint: server.url },
    });
    const created = report.scenarios[0].steps[0].results;
    // The keys are the variables' own: each secret lands in that key's account.
    expect(created.aws.exchanges[0].request.body).toMatch(/"Name":"conform-[0-9a-f]{6}-1-/);
    expect(JSON.stringify(created.aws.exchanges[0].response.body)).toContain('arn:aws:secretsmanager:eu-west-1:111122223333:secret:conform-');
    // Alibaba's region is the endpoint's (kms.<region>.aliyuncs.com); a bare address gets polysecret's default.
    expect(created.alibaba.exchanges[0].response.body).toMatch(/"acs:kms:[a-z0-9-]+:1234567890123456:secret\/conform-/);
    expect(created.tencent.exchanges[0].request.headers['x-tc-region']).toBe('ap-beijing');

    // Nothing the run made is left behind, in any cloud.
    expect(server.polysecret.engine.all()).toEqual([]);
  }, 90_000);

  it("fails the steps a cloud refuses for a wrong key, with the vendor's signature code, and exits 1", async () => {
    const { code, stdout } = await conformCli([SCENARIOS[2], '--real', 'aws', '--clouds', 'aws', ...targets()], { ...CREDENTIALS_ENV, AWS_SECRET_ACCESS_KEY: 'not-the-key' });
    expect(code).toBe(1);
    expect(stdout).toContain('FAIL error other (InvalidSignatureException)');
  }, 60_000);

  it("refuses to start without a cloud's variables, naming them, before any secret is made", async () => {
    const { TENCENTCLOUD_SECRET_KEY: _key, TENCENTCLOUD_REGION: _region, ...partial } = CREDENTIALS_ENV;
    const { code, stdout, stderr } = await conformCli(['--real', 'tencent', ...targets()], partial);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^polysecret conform: --real tencent needs TENCENTCLOUD_SECRET_KEY, TENCENTCLOUD_REGION in the environment\n/);
    expect(server.polysecret.engine.all()).toEqual([]);
  }, 60_000);

  it('sends POLYSECRET_ADMIN_TOKEN to a --target polysecret, whose clock it then moves', async () => {
    // Not --real: the emulator's admin API runs the clock, and strict mode opens it only to the token.
    const args = [SCENARIOS[0], '--clouds', 'aws', '--target', `aws=${server.url}`];
    const refused = await conformCli(args, CREDENTIALS_ENV);
    expect(refused.stdout).toMatch(/advanceClock \d+s +\| FAIL error other \(HTTP 401\)/);
    expect(refused.code).toBe(1);
    const allowed = await conformCli(args, { ...CREDENTIALS_ENV, POLYSECRET_ADMIN_TOKEN: ADMIN_TOKEN });
    expect(allowed.stdout).toMatch(/\n\d+ passed, 0 failed\n$/);
    expect(allowed.code).toBe(0);
  }, 60_000);
});

describe('npx polysecret conform', () => {
  it('with no arguments runs the built-in library against a polysecret in its own process and prints the matrix', async () => {
    const { code, stdout } = await conformCli([], {});
    expect(stdout).toMatch(/^PASS \S+\nstep +\| aws +\| alibaba +\| tencent\n/);
    expect(stdout).toMatch(/\n\d+ passed, 0 failed\n$/);
    expect(code).toBe(0);
  }, 60_000);
});
