import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { CLEAN_ENV, ROOT, runNode, useCompiledCli } from '../helpers/compiledCli.js';
import { startImage, waitForOutput } from '../helpers/image.js';

const ENV = CLEAN_ENV;

function httpsStatus(url: string, ca: string): Promise<number> {
  return new Promise((resolve, reject) => {
    httpsRequest(url, { ca, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    })
      .on('error', reject)
      .end();
  });
}

describe('the polysecret CLI with TLS and init hooks', () => {
  const compiled = useCompiledCli('cli-tls');
  let cli: string;
  let dir: string;
  beforeAll(() => {
    cli = compiled.cli();
    dir = compiled.dir();
  });

  it('with --tls prints both URLs and where the certificate is, serves both, and runs POLYSECRET_INIT_DIR hooks', async () => {
    const hooks = join(dir, 'ready.d');
    await mkdir(hooks);
    await writeFile(join(hooks, 'hello.sh'), '#!/bin/sh\necho "hello from $POLYSECRET_ENDPOINT"\n');
    await chmod(join(hooks, 'hello.sh'), 0o755);
    const dataDir = join(dir, 'data');
    const started = await startImage([process.execPath, cli, '--tls', '--port', '0'], ROOT, { ...ENV, POLYSECRET_DATA_DIR: dataDir, POLYSECRET_INIT_DIR: hooks });
    try {
      const certFile = join(dataDir, 'tls', 'cert.pem');
      const httpsUrl = started.url.replace('http://', 'https://');
      await waitForOutput(started, `polysecret listening on ${started.url} and ${httpsUrl} (data in ${dataDir})`);
      await waitForOutput(started, `https on the same port with the certificate ${certFile} (trust it with NODE_EXTRA_CA_CERTS, AWS_CA_BUNDLE or --ca-bundle)`);
      expect(await httpsStatus(`${httpsUrl}/_emulator/health`, await readFile(certFile, 'utf8'))).toBe(200);
      expect((await fetch(`${started.url}/_emulator/health`)).status).toBe(200);
      await waitForOutput(started, `init hello.sh: hello from ${started.url}`);
    } finally {
      started.child.kill('SIGTERM');
      expect(await started.exited).toBe(0);
    }
    expect(started.output()).not.toContain('PRIVATE KEY');
  });

  it('exits 1 with one line naming the file when the certificate cannot be read, and never listens', async () => {
    const missing = join(dir, 'missing-cert.pem');
    const run = await runNode([cli, '--tls-cert', missing, '--tls-key', missing, '--port', '0']);
    expect(run).toEqual({ code: 1, stdout: '', stderr: expect.stringMatching(/^\S+Z polysecret: /) });
    expect(run.stderr.slice(run.stderr.indexOf(' ') + 1)).toBe(`polysecret: cannot read the TLS certificate file ${missing}: ENOENT\n`);
  });

  it('exits 1 when the key is not the certificate\'s, through the environment twins', async () => {
    const garbage = join(dir, 'garbage.pem');
    await writeFile(garbage, 'not a certificate\n');
    const run = await runNode([cli, '--port', '0'], { ...ENV, POLYSECRET_TLS_CERT: garbage, POLYSECRET_TLS_KEY: garbage });
    expect(run).toEqual({ code: 1, stdout: '', stderr: expect.stringMatching(/^\S+Z polysecret: /) });
    expect(run.stderr.slice(run.stderr.indexOf(' ') + 1)).toBe(`polysecret: the TLS certificate file ${garbage} holds no PEM certificate\n`);
  });
});
