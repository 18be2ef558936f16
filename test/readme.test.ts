import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startServer, type TestServer } from './helpers/server.js';

const ROOT = new URL('../', import.meta.url);
const README = readFileSync(new URL('README.md', ROOT), 'utf8');

/** The code block of the README tagged with `tag`, pointed at the test server. */
function example(tag: string, url: string): string {
  const match = new RegExp('```js ' + tag + '\\n([\\s\\S]*?)```').exec(README);
  if (!match) throw new Error(`README has no ${tag} block`);
  return match[1].replaceAll('127.0.0.1:4566', new URL(url).host);
}

describe('README examples', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer('memory');
  });
  afterAll(async () => {
    await server.stop();
  });

  /** Runs a README block as a file inside the project, so its imports find node_modules. */
  async function run(tag: string, extension: string): Promise<string> {
    const file = fileURLToPath(new URL(`test/.readme-${tag}.${extension}`, ROOT));
    await writeFile(file, example(tag, server.url));
    try {
      const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
      return (await promisify(execFile)(process.execPath, [file], { env })).stdout.trim();
    } finally {
      await rm(file, { force: true });
    }
  }

  it('the AWS SDK v3 snippet runs and prints what its comment says', async () => {
    expect(await run('aws-example', 'mjs')).toBe("s3cr3t [ 'AWSCURRENT' ]");
  });

  it('the Alibaba snippet runs and prints what its comment says', async () => {
    expect(await run('alibaba-example', 'cjs')).toBe("s3cr3t [ 'ACSCurrent' ]");
  });

  it('the Tencent snippet runs and prints what its comment says', async () => {
    expect(await run('tencent-example', 'cjs')).toBe('s3cr3t SSM_Current');
  });
});
