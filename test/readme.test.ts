import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  findPythonClients,
  hermeticAwsEnv,
  PYTHON_CLIENTS_INSTALL,
  REQUIRE_PYTHON_CLIENTS,
  type HermeticAws,
} from './helpers/pythonClients.js';
import { startServer, type TestServer } from './helpers/server.js';

const ROOT = new URL('../', import.meta.url);
const README = readFileSync(new URL('README.md', ROOT), 'utf8');

/** The "Pointing clients at it" section, up to the next `## ` heading (its `###` subsections included). */
const SECTION = /\n## Pointing clients at it\n([\s\S]*?)\n## /.exec(README)?.[1] ?? '';

/** A tagged code block: ```<language> <tag>. */
interface Block {
  language: string;
  tag: string;
  code: string;
}

const BLOCKS: Block[] = [...SECTION.matchAll(/```(\w+) ([\w-]+)\n([\s\S]*?)```/g)].map(([, language, tag, code]) => ({ language, tag, code }));

/** What each block prints, exactly; its comment must say the same (whitespace aside). */
const PRINTS: Record<string, string> = {
  'aws-example': "s3cr3t [ 'AWSCURRENT' ]",
  'boto3-example': "s3cr3t ['AWSCURRENT']",
  'awscli-example': 's3cr3t\tAWSCURRENT',
  'alibaba-example': "s3cr3t [ 'ACSCurrent' ]",
  'alibaba-openapi-example': "s3cr3t [ 'ACSCurrent' ]",
  'alibaba-openapi-core-example': "s3cr3t [ 'ACSCurrent' ]",
  'alibaba-pop-example': "s3cr3t [ 'ACSCurrent' ]",
  'tencent-example': 's3cr3t SSM_Current',
};

const squash = (text: string) => text.replace(/\s+/g, ' ');

// Looked up once, before the tests are declared, since whether a test runs depends on it.
const clients = await findPythonClients();
const required = process.env[REQUIRE_PYTHON_CLIENTS] === '1';

/** Why a block cannot run here, or undefined when it can. */
function missing(language: string): string | undefined {
  if (language === 'python' && !clients.python) return 'no python3 on PATH can import boto3';
  if (language === 'sh' && !clients.aws) return 'no aws CLI on PATH';
  return undefined;
}

describe('README examples', () => {
  let server: TestServer;
  let hermetic: HermeticAws;
  beforeAll(async () => {
    server = await startServer('memory');
    hermetic = await hermeticAwsEnv(clients.aws);
  });
  afterAll(async () => {
    await server?.stop();
    await hermetic?.dispose();
  });

  /**
   * Runs a block pointed at the test server, as a file inside the project so JS imports find
   * node_modules; python with the interpreter that has boto3, sh with that `aws` first on PATH.
   */
  async function run({ language, tag, code }: Block): Promise<string> {
    const js = /^import /m.test(code) ? 'mjs' : 'cjs';
    const extension = { js, python: 'py', sh: 'sh' }[language];
    if (!extension) throw new Error(`README block ${tag}: no runner for ${language}`);
    const file = fileURLToPath(new URL(`test/.readme-${tag}-${process.pid}.${extension}`, ROOT));
    await writeFile(file, code.replaceAll('127.0.0.1:4566', new URL(server.url).host));
    const command = { js: process.execPath, python: clients.python!, sh: '/bin/sh' }[language as 'js' | 'python' | 'sh'];
    const args = language === 'sh' ? ['-eu', file] : [file];
    try {
      return (await promisify(execFile)(command, args, { env: hermetic.env, timeout: 60000 })).stdout.trim();
    } finally {
      await rm(file, { force: true });
    }
  }

  it('every tagged block of "Pointing clients at it" is one this suite runs', () => {
    expect(BLOCKS.map((block) => block.tag).sort()).toEqual(Object.keys(PRINTS).sort());
  });

  for (const block of BLOCKS) {
    const title = `the ${block.tag} block runs and prints what its comment says`;
    const why = missing(block.language);
    if (why && required) {
      it(title, () => {
        throw new Error(`${REQUIRE_PYTHON_CLIENTS}=1 but ${why}; install them with: ${PYTHON_CLIENTS_INSTALL}`);
      });
    } else if (why) {
      console.warn(`README ${block.tag} skipped: ${why} (install with: ${PYTHON_CLIENTS_INSTALL})`);
      it.skip(`${title} (skipped: ${why}; ${PYTHON_CLIENTS_INSTALL})`, () => undefined);
    } else {
      it(title, async () => {
        const prints = PRINTS[block.tag];
        expect(prints).toBeDefined();
        expect(squash(block.code)).toContain(squash(prints));
        expect(await run(block)).toBe(prints);
      }, 60000);
    }
  }
});
