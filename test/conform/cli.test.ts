import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { conformCommand } from '../../app/conform/cli.js';

/** Runs `polysecret conform ARGS` in this process and keeps what it wrote. */
async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await conformCommand(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env });
  return { code, stdout, stderr };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'polysecret-conform-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const WRONG = JSON.stringify({
  name: 'wrong',
  steps: [
    { op: 'create', name: 'db', value: 'one' },
    { op: 'read', name: 'db', expect: { value: 'two' } },
  ],
});

describe('polysecret conform', () => {
  it('with no arguments runs the built-in library in process, prints the matrix and exits 0', async () => {
    const { code, stdout, stderr } = await run([]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^PASS deletion\nstep +\| aws +\| alibaba +\| tencent\n/);
    expect(stdout).toMatch(/\n\d+ passed, 0 failed\n$/);
  });

  it('--list names each built-in scenario with its clouds and description', async () => {
    const { code, stdout } = await run(['--list']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^deletion +\[aws, alibaba, tencent\] 17 steps: Where the clouds' deletion rules differ/m);
    expect(stdout).toMatch(/^tags +\[aws, alibaba\] \d+ steps: \S/m);
    expect(stdout.trimEnd().split('\n').map((line) => line.split(' ')[0])).toEqual(['deletion', 'everywhere', 'lifecycle', 'limits', 'listing', 'rotation', 'tags', 'versions']);
  });

  it('runs the scenario files given, on the clouds asked for, and exits 1 when an expectation fails', async () => {
    const file = join(dir, 'wrong.json');
    await writeFile(file, WRONG);
    const { code, stdout } = await run([file, '--clouds', 'aws,tencent']);
    expect(code).toBe(1);
    expect(stdout).toContain('FAIL wrong\nstep');
    expect(stdout).toMatch(/2\. read db current +\| FAIL value "one"; expected value "two" \| FAIL value "one".*expected value "two"/);
    expect(stdout).not.toContain('alibaba');
    expect(stdout).toMatch(/\n2 passed, 2 failed\n$/);
  });

  it('--format json and junit print those reports instead of the table', async () => {
    const json = await run(['--format', 'json', '--clouds', 'aws']);
    expect(JSON.parse(json.stdout)).toMatchObject({ pass: true, failed: 0, targets: { aws: { kind: 'polysecret' } } });
    const junit = await run(['--format=junit', '--clouds', 'alibaba']);
    expect(junit.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
  });

  it('--report writes report.json, junit.xml and report.html; --record then --compare finds no divergence', async () => {
    const reports = join(dir, 'reports');
    const snapshots = join(dir, 'snapshots');
    const recorded = await run(['--report', reports, '--record', snapshots]);
    expect(recorded.code).toBe(0);
    expect((await readdir(reports)).sort()).toEqual(['junit.xml', 'report.html', 'report.json']);
    expect(JSON.parse(await readFile(join(reports, 'report.json'), 'utf8')).pass).toBe(true);
    expect(recorded.stderr).toMatch(/recorded \d+ snapshots in /);
    const compared = await run(['--compare', snapshots]);
    expect(compared.stderr).toBe('0 divergences from the snapshots\n');
    expect(compared.code).toBe(0);
  });

  it('exits 1 when a run diverges from its snapshots even though every expectation held', async () => {
    const snapshots = join(dir, 'diverging');
    await run(['--clouds', 'aws', '--record', snapshots]);
    const file = join(snapshots, 'lifecycle', 'aws.json');
    const snapshot = JSON.parse(await readFile(file, 'utf8'));
    snapshot.steps[0].calls[0].status = 201;
    await writeFile(file, JSON.stringify(snapshot));
    const { code, stdout, stderr } = await run(['--clouds', 'aws', '--compare', snapshots]);
    expect(stdout).toMatch(/0 failed\n$/);
    expect(stderr).toContain('lifecycle aws step 1 calls[0].status: recorded 201, now 200\n1 divergence from the snapshots\n');
    expect(code).toBe(1);
    // Given both, it compares with the old snapshots first, then records over them.
    expect((await run(['--clouds', 'aws', '--compare', snapshots, '--record', snapshots])).code).toBe(1);
    expect(await run(['--clouds', 'aws', '--compare', snapshots])).toMatchObject({ code: 0, stderr: '0 divergences from the snapshots\n' });
  });

  it.each([
    [['--clouds', 'aws,gcp'], "--clouds: expected clouds among aws, alibaba, tencent, got 'aws,gcp'"],
    [['--format', 'xml'], "--format: expected table, json or junit, got 'xml'"],
    [['--target', 'aws'], "--target: expected CLOUD=URL, got 'aws'"],
    [['--target', 'aws=ftp://x'], "aws: 'ftp://x' is not an http(s) URL"],
    [['--bogus'], "Unknown option '--bogus'"],
    [['--real', 'alibaba'], '--real alibaba needs ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET, ALIBABA_CLOUD_REGION_ID in the environment'],
  ])('refuses %j with a message and the usage, exit 2', async (args, message) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`polysecret conform: ${message}`);
    expect(stderr).toContain('Usage: polysecret conform [SCENARIO...] [options]');
  });

  it('refuses a scenario file that is missing or invalid, exit 2, before running anything', async () => {
    const missing = await run([join(dir, 'nowhere.json')]);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toMatch(/^polysecret conform: ENOENT: no such file or directory/);
    const invalid = join(dir, 'invalid.yaml');
    await writeFile(invalid, 'name: bad\nsteps:\n  - op: fly\n');
    const refused = await run([invalid]);
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr).toContain(`${invalid}: invalid scenario: /steps/0/op: must be equal to one of the allowed values`);
  });

  it('--help prints the usage and exits 0', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: polysecret conform/);
  });
});
