import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What tells a developer how to get the clients the README's boto3 and aws CLI examples need. */
export const PYTHON_CLIENTS_INSTALL = 'apt-get install python3-boto3 awscli';

/** Set to `1` (CI does) to fail, not skip, the examples whose clients are missing. */
export const REQUIRE_PYTHON_CLIENTS = 'POLYSECRET_REQUIRE_PYTHON_CLIENTS';

/** The Python interpreter and aws CLI found, each undefined when missing. */
export interface PythonClients {
  /** A `python3` that can `import boto3`. */
  python?: string;
  /** An `aws` that answers `--version`. */
  aws?: string;
}

/**
 * The PATH directories in search order, Debian's first: CI installs python3-boto3 and awscli there, and a
 * pyenv shim earlier on a developer's PATH may carry another boto3, so tests would pass here and fail there.
 */
function searchPath(): string[] {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  const system = ['/usr/bin', '/bin'].filter((dir) => dirs.includes(dir));
  return [...system, ...dirs.filter((dir) => !system.includes(dir))];
}

function executables(name: string): string[] {
  return searchPath()
    .map((dir) => join(dir, name))
    .filter((file) => {
      try {
        accessSync(file, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}

/** The first candidate for which `args` exits 0 (a shim without the tool behind it does not). */
async function firstWorking(candidates: string[], args: string[]): Promise<string | undefined> {
  for (const candidate of candidates) {
    try {
      await run(candidate, args, { timeout: 30000 });
      return candidate;
    } catch {
      // Not usable; try the next one.
    }
  }
  return undefined;
}

/** Looks up the clients on PATH. */
export async function findPythonClients(): Promise<PythonClients> {
  const [python, aws] = await Promise.all([
    firstWorking(executables('python3'), ['-c', 'import boto3']),
    firstWorking(executables('aws'), ['--version']),
  ]);
  return { python, aws };
}

/** An environment that reads no ~/.aws, no inherited AWS_* settings and no pager, with `aws` first on PATH. */
export interface HermeticAws {
  env: NodeJS.ProcessEnv;
  dispose(): Promise<void>;
}

/**
 * Builds that environment in a temp dir: HOME and the config and credentials files point into it (and
 * those files do not exist), so only what a README block sets itself counts, as on a fresh machine.
 */
export async function hermeticAwsEnv(aws: string | undefined): Promise<HermeticAws> {
  const dir = await mkdtemp(join(tmpdir(), 'polysecret-readme-'));
  const bin = join(dir, 'bin');
  await mkdir(bin);
  // The block says `aws`; this makes that the binary found above, not whatever comes first on PATH.
  if (aws) await symlink(aws, join(bin, 'aws'));
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    HOME: dir,
    PATH: [bin, process.env.PATH ?? ''].join(delimiter),
    AWS_CONFIG_FILE: join(dir, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
    AWS_PAGER: '',
    AWS_EC2_METADATA_DISABLED: 'true',
    // The JS SDK's Node-version notice would otherwise go to stderr of every JS block.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  return { env, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/** A test that needs `client` (a path from {@link findPythonClients}): skipped with a note when it is missing, failed instead when CI requires the clients. */
export function withClient(client: string | undefined, title: string, body: (client: string) => Promise<void>): void {
  if (client) it(title, () => body(client), 60_000);
  else if (process.env[REQUIRE_PYTHON_CLIENTS] === '1') it(title, () => Promise.reject(new Error(`${REQUIRE_PYTHON_CLIENTS}=1 but it is missing: ${PYTHON_CLIENTS_INSTALL}`)));
  else it.skip(`${title} (skipped: not installed; ${PYTHON_CLIENTS_INSTALL})`, () => undefined);
}
