import { execFile } from 'node:child_process';
import { randomUUID, X509Certificate } from 'node:crypto';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CreateSecretCommand, GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import selfsigned from 'selfsigned';
import { readConfig } from '../../src/server/config.js';
import { createLogger } from '../../src/server/log.js';
import { subjectNamesFor } from '../../src/server/tls.js';
import { rawAws, startServer, type TestServer } from '../helpers/server.js';
import { SsmClient, TENCENT_KEY } from '../helpers/tencent.js';
import { findPythonClients, hermeticAwsEnv, withClient } from '../helpers/pythonClients.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The AWS SDK over https, trusting `ca` only. */
function awsOverHttps(url: string, ca: string): SecretsManagerClient {
  return new SecretsManagerClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'secret' },
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({ httpsAgent: new HttpsAgent({ ca }) }),
  });
}

/** GET over https with `ca` trusted (or the system's roots when undefined): status and body, or the TLS error. */
function httpsGet(url: string, ca?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { ca, agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A certificate and key the test makes itself, as a user's own `--tls-cert`/`--tls-key` would be. */
async function ownCertificate(dir: string): Promise<{ certFile: string; keyFile: string; cert: string; key: string }> {
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'my-own' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
    ],
  });
  const certFile = join(dir, 'own-cert.pem');
  const keyFile = join(dir, 'own-key.pem');
  await writeFile(certFile, pems.cert);
  await writeFile(keyFile, pems.private);
  return { certFile, keyFile, cert: pems.cert, key: pems.private };
}

describe('TLS settings', () => {
  it('reads --tls as a switch, its variable as 1/true/0/false, and the file and dir settings as text', () => {
    expect(readConfig([], {}).tls).toBe(false);
    expect(readConfig(['--tls'], {}).tls).toBe(true);
    expect(readConfig(['--tls', '--port', '0'], {})).toMatchObject({ tls: true, port: 0 });
    expect(readConfig(['--tls=false'], { POLYSECRET_TLS: '1' }).tls).toBe(false);
    expect(readConfig([], { POLYSECRET_TLS: 'true' }).tls).toBe(true);
    expect(readConfig([], { POLYSECRET_TLS: '0' }).tls).toBe(false);
    expect(() => readConfig([], { POLYSECRET_TLS: 'yes' })).toThrow('invalid switch value: yes (1, true, 0 or false)');
    expect(readConfig(['--tls-cert', 'c.pem', '--tls-key=k.pem', '--tls-dir', 'd'], {})).toMatchObject({ tlsCert: 'c.pem', tlsKey: 'k.pem', tlsDir: 'd' });
    expect(readConfig([], { POLYSECRET_TLS_CERT: 'c.pem', POLYSECRET_TLS_KEY: 'k.pem', POLYSECRET_TLS_DIR: 'd' })).toMatchObject({ tlsCert: 'c.pem', tlsKey: 'k.pem', tlsDir: 'd' });
  });

  it('names loopback in every generated certificate, plus the listen host when it is a name or an address', () => {
    expect(subjectNamesFor('127.0.0.1')).toEqual({ dns: ['localhost'], ips: ['127.0.0.1', '::1'] });
    expect(subjectNamesFor('0.0.0.0')).toEqual({ dns: ['localhost'], ips: ['127.0.0.1', '::1'] });
    expect(subjectNamesFor('::')).toEqual({ dns: ['localhost'], ips: ['127.0.0.1', '::1'] });
    expect(subjectNamesFor('polysecret.test')).toEqual({ dns: ['localhost', 'polysecret.test'], ips: ['127.0.0.1', '::1'] });
    expect(subjectNamesFor('10.1.2.3')).toEqual({ dns: ['localhost'], ips: ['127.0.0.1', '::1', '10.1.2.3'] });
  });
});

describe('--tls with no data dir: a self-signed certificate in a temp dir, http and https on one port', () => {
  let server: TestServer;
  let ca: string;
  let httpsUrl: string;
  const lines: string[] = [];
  beforeAll(async () => {
    const logger = createLogger('debug', 'pretty', { out: (line) => lines.push(line), err: (line) => lines.push(line) });
    server = await startServer('memory', { tls: true, logger });
    httpsUrl = server.polysecret.httpsUrl as string;
    ca = await readFile(server.polysecret.tlsCertFile as string, 'utf8');
  });
  afterAll(() => server.stop());

  it('keeps start() at the http URL and reports the https URL of the same port and the certificate file', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(httpsUrl).toBe(server.url.replace('http://', 'https://'));
    expect(server.polysecret.tlsCertFile).toMatch(/polysecret-tls-[^/]+\/cert\.pem$/);
    expect(lines.join('\n')).toContain(`https on the same port with the certificate ${server.polysecret.tlsCertFile}`);
  });

  it('generates a certificate for localhost, 127.0.0.1 and ::1, valid now, and never logs its key', async () => {
    const certificate = new X509Certificate(ca);
    expect(certificate.checkHost('localhost')).toBe('localhost');
    expect(certificate.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(certificate.checkIP('::1')).toBe('::1');
    // A server certificate trusted as itself, not a CA that happens to serve.
    expect(certificate.ca).toBe(false);
    expect(Date.parse(certificate.validFrom)).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(certificate.validTo)).toBeGreaterThan(Date.now() + 300 * 24 * 60 * 60 * 1000);
    const key = await readFile(join(server.polysecret.tlsCertFile as string, '..', 'key.pem'), 'utf8');
    expect(key).toContain('PRIVATE KEY');
    expect(lines.join('\n')).not.toContain(key.split('\n')[1]);
  });

  it('serves the AWS SDK over https when it trusts the certificate: CreateSecret, then GetSecretValue', async () => {
    const client = awsOverHttps(httpsUrl, ca);
    const created = await client.send(new CreateSecretCommand({ Name: 'tls/aws', SecretString: 'over-https' }));
    expect(created.Name).toBe('tls/aws');
    const read = await client.send(new GetSecretValueCommand({ SecretId: 'tls/aws' }));
    expect(read).toMatchObject({ Name: 'tls/aws', SecretString: 'over-https', VersionStages: ['AWSCURRENT'] });
  });

  it('still answers plain http on the same port, and both see the same state', async () => {
    await awsOverHttps(httpsUrl, ca).send(new CreateSecretCommand({ Name: 'tls/shared', SecretString: 'one-state' }));
    const answer = await rawAws(server.url, 'GetSecretValue', { SecretId: 'tls/shared' });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ Name: 'tls/shared', SecretString: 'one-state' });
    const health = await httpsGet(`${httpsUrl}/_emulator/health`, ca);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ status: 'ready' });
    expect((await fetch(`${server.url}/_emulator/requests`)).status).toBe(200);
  });

  it('reads a plain-http request sent in pieces, and a second one on the same keep-alive connection', async () => {
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
    await once(socket, 'connect');
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    const request = (name: string) => {
      const body = JSON.stringify({ Name: name, SecretString: 'pieces', ClientRequestToken: randomUUID() });
      const head = `POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-amz-json-1.1\r\nX-Amz-Target: secretsmanager.CreateSecret\r\nContent-Length: ${body.length}\r\n\r\n`;
      return [head.slice(0, 3), head.slice(3), body.slice(0, 5), body.slice(5)];
    };
    const answered = async (count: number) => {
      while ((received.match(/HTTP\/1\.1 200 OK/g) ?? []).length < count) await once(socket, 'data');
    };
    // Each piece after the first is written once the server has had a turn to read the one before.
    for (const piece of request('pieces/one')) {
      socket.write(piece);
      await new Promise((resolve) => setImmediate(resolve));
      await fetch(`${server.url}/_emulator/health`);
    }
    await answered(1);
    for (const piece of request('pieces/two')) socket.write(piece);
    await answered(2);
    socket.destroy();
    expect(received).toContain('"Name":"pieces/one"');
    expect(received).toContain('"Name":"pieces/two"');
  });

  it('serves a plain-http URL as long as the header limit allows, as without TLS', async () => {
    const big = 'x'.repeat(100 * 1024);
    const answer = await rawAws(server.url, 'ListSecrets', {}, { 'x-padding': big });
    expect(answer.status).toBe(200);
  });

  it('serves the Tencent SDK over https (protocol https://, an agent trusting the certificate)', async () => {
    const client = new SsmClient({
      credential: TENCENT_KEY,
      region: 'ap-guangzhou',
      profile: { httpProfile: { endpoint: new URL(httpsUrl).host, protocol: 'https://', agent: new HttpsAgent({ ca }) } },
    });
    await client.CreateSecret({ SecretName: 'tls-tencent', VersionId: 'v1', SecretString: 'tencent-over-https' });
    const read = await client.GetSecretValue({ SecretName: 'tls-tencent', VersionId: 'v1' });
    expect(read).toMatchObject({ SecretName: 'tls-tencent', VersionId: 'v1', SecretString: 'tencent-over-https' });
  });

  it('serves the Alibaba KMS SDK over https in a process that trusts the certificate through NODE_EXTRA_CA_CERTS', async () => {
    // kms20160120's RPC client passes no CA option through, so the certificate is trusted as users do.
    const script = `
      import Kms, { CreateSecretRequest, GetSecretValueRequest } from '@alicloud/kms20160120';
      import { RuntimeOptions } from '@alicloud/tea-util';
      const Client = Kms.default ?? Kms;
      const client = new Client({ accessKeyId: 'testAccessKeyId', accessKeySecret: 'testAccessKeySecret', endpoint: process.argv[1], protocol: 'https', regionId: 'cn-hangzhou' });
      const runtime = new RuntimeOptions({ autoretry: false });
      await client.createSecretEx(new CreateSecretRequest({ secretName: 'tls-alibaba', versionId: 'v1', secretData: 'alibaba-over-https' }), runtime);
      const read = await client.getSecretValueEx(new GetSecretValueRequest({ secretName: 'tls-alibaba' }), runtime);
      console.log(JSON.stringify({ name: read.secretName, data: read.secretData, stages: read.versionStages }));
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script, new URL(httpsUrl).host], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, NODE_EXTRA_CA_CERTS: server.polysecret.tlsCertFile },
      timeout: 30_000,
    });
    expect(JSON.parse(stdout)).toEqual({ name: 'tls-alibaba', data: 'alibaba-over-https', stages: { versionStage: ['ACSCurrent'] } });
  });

  it('refuses a client that does not trust the certificate with a TLS error, and goes on serving', async () => {
    const error = await httpsGet(`${httpsUrl}/_emulator/health`).then(
      () => undefined,
      (failure: NodeJS.ErrnoException) => failure,
    );
    expect(error?.code).toMatch(/^(SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT)$/);
    await expect(fetch(`${httpsUrl}/_emulator/health`)).rejects.toThrow();
    expect((await httpsGet(`${httpsUrl}/_emulator/health`, ca)).status).toBe(200);
    expect(lines.join('\n')).toContain('TLS handshake failed');
  });

  it('survives a garbage first byte and a handshake cut short, and keeps serving both protocols', async () => {
    const { port } = new URL(server.url);
    const garbage = connect(Number(port), '127.0.0.1');
    garbage.on('error', () => undefined);
    garbage.write(Buffer.from([0x00, 0xff, 0x13, 0x37, 0x0d, 0x0a, 0x0d, 0x0a]));
    let answer = '';
    garbage.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    await once(garbage, 'close');
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request/);

    const half = connect(Number(port), '127.0.0.1');
    half.on('error', () => undefined);
    await once(half, 'connect');
    half.write(Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01])); // a record header and a sliver of a ClientHello
    const cut = connect(Number(port), '127.0.0.1');
    cut.on('error', () => undefined);
    cut.end(Buffer.from([0x16, 0x03, 0x01]));
    await once(cut, 'close');

    expect((await httpsGet(`${httpsUrl}/_emulator/health`, ca)).status).toBe(200);
    expect((await fetch(`${server.url}/_emulator/health`)).status).toBe(200);
    half.destroy();
  });
});

describe('--tls with a data dir or --tls-dir: the certificate is kept and reused while valid', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'polysecret-tls-kept-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes cert.pem and key.pem to <data-dir>/tls and serves the same certificate after a restart', async () => {
    const dataDir = join(dir, 'data');
    const first = await startServer('lowdb', { dataDir, tls: true });
    const certFile = join(dataDir, 'tls', 'cert.pem');
    let firstCert: string;
    try {
      expect(first.polysecret.tlsCertFile).toBe(certFile);
      firstCert = await readFile(certFile, 'utf8');
      await awsOverHttps(first.polysecret.httpsUrl as string, firstCert).send(new CreateSecretCommand({ Name: 'kept', SecretString: 'v' }));
    } finally {
      await first.stop();
    }
    expect(existsSync(certFile)).toBe(true);
    const second = await startServer('lowdb', { dataDir, tls: true });
    try {
      expect(await readFile(certFile, 'utf8')).toBe(firstCert);
      const read = await awsOverHttps(second.polysecret.httpsUrl as string, firstCert).send(new GetSecretValueCommand({ SecretId: 'kept' }));
      expect(read.SecretString).toBe('v');
    } finally {
      await second.stop();
    }
  });

  it('replaces a kept certificate that does not name the listen host', async () => {
    const tlsDir = join(dir, 'replaced');
    const own = await ownCertificate(dir);
    await mkdir(tlsDir);
    await writeFile(join(tlsDir, 'cert.pem'), own.cert);
    await writeFile(join(tlsDir, 'key.pem'), own.key);
    const server = await startServer('memory', { tls: true, tlsDir });
    try {
      const cert = await readFile(join(tlsDir, 'cert.pem'), 'utf8');
      expect(cert).not.toBe(own.cert);
      expect(new X509Certificate(cert).checkHost('localhost')).toBe('localhost');
      expect((await httpsGet(`${server.polysecret.httpsUrl}/_emulator/health`, cert)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('with --tls-dir and no data dir, keeps the certificate there after stop', async () => {
    const tlsDir = join(dir, 'chosen');
    const server = await startServer('memory', { tls: true, tlsDir });
    await server.stop();
    expect(server.polysecret.tlsCertFile).toBe(join(tlsDir, 'cert.pem'));
    expect(existsSync(join(tlsDir, 'cert.pem'))).toBe(true);
    expect(existsSync(join(tlsDir, 'key.pem'))).toBe(true);
  });

  it('removes the temp dir of a certificate made without a place to keep it when it stops', async () => {
    const server = await startServer('memory', { tls: true });
    const certFile = server.polysecret.tlsCertFile as string;
    expect(existsSync(certFile)).toBe(true);
    await server.stop();
    expect(existsSync(certFile)).toBe(false);
  });
});

describe('--tls-cert and --tls-key', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'polysecret-tls-own-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('serve https with the given certificate and key', async () => {
    const own = await ownCertificate(dir);
    const server = await startServer('memory', { tlsCert: own.certFile, tlsKey: own.keyFile });
    try {
      expect(server.polysecret.tlsCertFile).toBe(own.certFile);
      const client = awsOverHttps(server.polysecret.httpsUrl as string, own.cert);
      await client.send(new CreateSecretCommand({ Name: 'own-cert', SecretString: 'mine' }));
      expect((await client.send(new GetSecretValueCommand({ SecretId: 'own-cert' }))).SecretString).toBe('mine');
      expect((await fetch(`${server.url}/_emulator/health`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it.each([
    ['a missing certificate file', (own: { certFile: string; keyFile: string }) => ({ tlsCert: join(dir, 'nope.pem'), tlsKey: own.keyFile }), /^cannot read the TLS certificate file .*nope\.pem: ENOENT$/],
    ['a missing key file', (own: { certFile: string; keyFile: string }) => ({ tlsCert: own.certFile, tlsKey: join(dir, 'nokey.pem') }), /^cannot read the TLS key file .*nokey\.pem: ENOENT$/],
    ['a certificate file without a certificate', () => ({ tlsCert: join(dir, 'garbage.pem'), tlsKey: join(dir, 'garbage.pem') }), /^the TLS certificate file .*garbage\.pem holds no PEM certificate$/],
    ['a key file without a key', (own: { certFile: string; keyFile: string }) => ({ tlsCert: own.certFile, tlsKey: join(dir, 'garbage.pem') }), /^the TLS key file .*garbage\.pem holds no PEM private key/],
    ['a key of another certificate', (own: { certFile: string; keyFile: string }) => ({ tlsCert: own.certFile, tlsKey: join(dir, 'other', 'own-key.pem') }), /^the TLS key file .*other\/own-key\.pem is not the key of the certificate in .*own-cert\.pem$/],
    ['a certificate without its key', (own: { certFile: string; keyFile: string }) => ({ tlsCert: own.certFile }), /^--tls-cert and --tls-key go together/],
  ])('refuse to start with %s, saying which file, never its content', async (_what, files, message) => {
    const own = await ownCertificate(dir);
    await writeFile(join(dir, 'garbage.pem'), 'not a pem at all\n');
    await mkdir(join(dir, 'other'), { recursive: true });
    await ownCertificate(join(dir, 'other'));
    const error = await startServer('memory', files(own)).then(
      async (server) => {
        await server.stop();
        return undefined;
      },
      (failure: Error) => failure,
    );
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toContain('PRIVATE KEY');
  });
});

describe('stopping a server with TLS on', () => {
  it('finishes an https request in flight, closes idle https and http connections, then refuses both', async () => {
    const server = await startServer('memory', { tls: true });
    const ca = await readFile(server.polysecret.tlsCertFile as string, 'utf8');
    const httpsUrl = server.polysecret.httpsUrl as string;
    const keepAlive = new HttpsAgent({ ca, keepAlive: true });
    // An idle keep-alive connection of each protocol, then half a request on another.
    await awsOverHttps(httpsUrl, ca).send(new CreateSecretCommand({ Name: 'before-stop', SecretString: 'v' }));
    await fetch(`${server.url}/_emulator/health`);
    const body = JSON.stringify({ Name: 'during-stop', SecretString: 'finished', ClientRequestToken: randomUUID() });
    const inFlight = httpsRequest(`${httpsUrl}/`, {
      method: 'POST',
      agent: keepAlive,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'secretsmanager.CreateSecret', 'content-length': String(body.length) },
    });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      inFlight.on('response', (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      inFlight.on('error', reject);
    });
    inFlight.write(body.slice(0, 10));
    await new Promise<void>((resolve) => inFlight.once('socket', (socket) => socket.once('secureConnect', () => resolve())));
    // The server has the half request once a later request on another connection is answered.
    expect((await httpsGet(`${httpsUrl}/_emulator/health`, ca)).status).toBe(200);

    const stopped = server.stop();
    inFlight.end(body.slice(10));
    const finished = await answer;
    expect(finished.status).toBe(200);
    expect(JSON.parse(finished.text)).toMatchObject({ Name: 'during-stop' });
    await stopped;
    keepAlive.destroy();
    await expect(fetch(`${server.url}/_emulator/health`)).rejects.toThrow();
    await expect(httpsGet(`${httpsUrl}/_emulator/health`, ca)).rejects.toThrow();
  });
});

// Looked up before the tests are declared, since whether they run depends on it (as in test/readme.test.ts).
const pythonClients = await findPythonClients();

describe('OpenSSL-based clients (aws CLI, boto3) trusting the generated certificate as the README says', () => {
  let server: TestServer;
  let certFile: string;
  let httpsLocalhost: string;
  beforeAll(async () => {
    server = await startServer('memory', { tls: true });
    certFile = server.polysecret.tlsCertFile as string;
    httpsLocalhost = `https://localhost:${new URL(server.url).port}`;
  });
  afterAll(() => server.stop());

  withClient(pythonClients.aws, 'the aws CLI with --ca-bundle, and refused without it', async (aws) => {
    const hermetic = await hermeticAwsEnv(aws);
    try {
      const env = { ...hermetic.env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_DEFAULT_REGION: 'us-east-1' };
      const cli = (args: string[]) => promisify(execFile)('aws', ['--endpoint-url', httpsLocalhost, ...args], { env, timeout: 60_000 });
      await cli(['--ca-bundle', certFile, 'secretsmanager', 'create-secret', '--name', 'tls/cli', '--secret-string', 'cli-over-https']);
      const read = await cli(['--ca-bundle', certFile, 'secretsmanager', 'get-secret-value', '--secret-id', 'tls/cli', '--query', 'SecretString', '--output', 'text']);
      expect(read.stdout.trim()).toBe('cli-over-https');
      await expect(cli(['secretsmanager', 'list-secrets'])).rejects.toMatchObject({ stderr: expect.stringContaining('CERTIFICATE_VERIFY_FAILED') });
    } finally {
      await hermetic.dispose();
    }
  });

  withClient(pythonClients.python, 'boto3 with AWS_CA_BUNDLE', async (python) => {
    const code = [
      'import boto3',
      `client = boto3.client('secretsmanager', endpoint_url='${httpsLocalhost}', region_name='us-east-1', aws_access_key_id='test', aws_secret_access_key='test')`,
      "client.create_secret(Name='tls/boto3', SecretString='boto3-over-https')",
      "print(client.get_secret_value(SecretId='tls/boto3')['SecretString'])",
    ].join('\n');
    const env = { PATH: process.env.PATH, HOME: tmpdir(), AWS_CA_BUNDLE: certFile, AWS_EC2_METADATA_DISABLED: 'true' };
    const { stdout } = await promisify(execFile)(python, ['-c', code], { env, timeout: 60_000 });
    expect(stdout.trim()).toBe('boto3-over-https');
  });
});
