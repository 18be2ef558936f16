import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const run = promisify(execFile);

/** The README code block tagged `js <tag>`. */
function block(tag: string): string {
  const match = new RegExp('```js ' + tag + '\\n([\\s\\S]*?)```').exec(README);
  if (!match) throw new Error(`README has no ${tag} block`);
  return match[1];
}

/** What the example's tests would do: reach the server the global setup started, on a free port. */
const EXAMPLE_TEST = `
test('the global setup started polysecret', async () => {
  const url = process.env.POLYSECRET_URL;
  expect(url).toMatch(/^http:\\/\\/127\\.0\\.0\\.1:\\d+$/);
  expect(url.endsWith(':4566')).toBe(false);
  const health = await fetch(url + '/_emulator/health');
  expect(health.status).toBe(200);
  expect((await health.json()).status).toBe('ready');
});
`;

describe('README programmatic start', () => {
  // Inside the repo so the build finds node_modules and the package root (schemas/).
  let build: string;
  let project: string;
  beforeAll(async () => {
    await mkdir(join(ROOT, 'node_modules/.cache'), { recursive: true });
    build = await mkdtemp(join(ROOT, 'node_modules/.cache/polysecret-build-'));
    // Not under node_modules: jest ignores test files there.
    project = await mkdtemp(join(ROOT, 'test/.readme-jest-'));
    // A separate outDir, so this never rewrites dist/ under a server another test runs from it.
    await run('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', build], { cwd: ROOT });
  }, 120000);
  afterAll(async () => {
    await Promise.all([build, project].filter(Boolean).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it("the package's own name resolves to its main entry, as the README's import needs", async () => {
    const script = "console.log(import.meta.resolve('polysecret'))";
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT });
    expect(stdout.trim()).toBe(pathToFileURL(join(ROOT, PACKAGE.main)).href);
    const conform = await run(process.execPath, ['--input-type=module', '-e', "console.log(import.meta.resolve('polysecret/conform'))"], { cwd: ROOT });
    expect(conform.stdout.trim()).toBe(pathToFileURL(join(ROOT, 'dist/app/conform/index.js')).href);
  });

  it('package.json points main, types and exports at what the build emits', () => {
    const emitted = (path: string) => existsSync(join(build, path.replace(/^(\.\/)?dist\//, '')));
    expect(PACKAGE.exports['.']).toEqual({ types: PACKAGE.types.replace(/^/, './'), default: PACKAGE.main.replace(/^/, './') });
    expect(emitted(PACKAGE.main)).toBe(true);
    expect(emitted(PACKAGE.types)).toBe(true);
    expect(emitted(PACKAGE.bin.polysecret)).toBe(true);
    expect(readFileSync(join(build, 'app/index.d.ts'), 'utf8')).toContain('startPolysecret(options?: PolysecretOptions): Promise<PolysecretHandle>');
    // The conformance API is its own entry, so importing the server never loads it.
    expect(PACKAGE.exports['./conform']).toEqual({ types: './dist/app/conform/index.d.ts', default: './dist/app/conform/index.js' });
    expect(readFileSync(join(build, 'app/conform/index.d.ts'), 'utf8')).toContain('conform(options: ConformOptions): Promise<ConformResult>');
  });

  it('the jest globalSetup/globalTeardown example runs under jest', async () => {
    // The package's own name resolves to dist/ once built; here it is pointed at this test's build.
    const entry = pathToFileURL(join(build, 'app/index.js')).href;
    await writeFile(join(project, 'jest.config.mjs'), block('jest-config'));
    await writeFile(join(project, 'polysecret.setup.mjs'), block('jest-global-setup').replace("from 'polysecret'", `from '${entry}'`));
    await writeFile(join(project, 'polysecret.teardown.mjs'), block('jest-global-teardown'));
    await writeFile(join(project, 'health.test.cjs'), EXAMPLE_TEST);
    const jest = join(ROOT, 'node_modules/jest/bin/jest.js');
    // A teardown that failed to stop the server would leave jest waiting on it: the timeout turns that into a failure.
    const { stderr } = await run(process.execPath, [jest, '--ci', '--config', 'jest.config.mjs', '--rootDir', project], {
      cwd: project,
      timeout: 60000,
    });
    expect(stderr).toMatch(/Tests:\s+1 passed, 1 total/);
  }, 90000);
});
