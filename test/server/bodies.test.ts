import { connect } from 'node:net';
import { request, type IncomingMessage } from 'node:http';
import { useServer } from '../helpers/server.js';

/** How much an endless upload may send before the test gives up on the server answering. */
const GIVE_UP_BYTES = 64 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 'a');

interface Cutoff {
  status: number;
  headers: IncomingMessage['headers'];
  body: string;
  sentBytes: number;
  /** True once the server closed the connection. */
  closed: boolean;
}

/** Streams a chunked body with no end until the server answers (or GIVE_UP_BYTES went out), then reads the answer. */
function endlessUpload(url: string, headers: Record<string, string>, path = '/', giveUpBytes = GIVE_UP_BYTES): Promise<Cutoff> {
  return new Promise((resolve, reject) => {
    let sentBytes = 0;
    let answered = false;
    const req = request(`${url}${path}`, { method: 'POST', headers: { ...headers, 'transfer-encoding': 'chunked' } });
    const pump = () => {
      while (!answered && sentBytes < giveUpBytes) {
        sentBytes += CHUNK.length;
        if (!req.write(CHUNK)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    req.on('response', (res) => {
      answered = true;
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => {
        const socket = res.socket;
        const done = () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, sentBytes, closed: true });
        if (socket.destroyed) done();
        else socket.once('close', done);
      });
    });
    // Writes after the server hung up fail; the answer is what counts.
    req.on('error', (error: NodeJS.ErrnoException) => (answered ? undefined : reject(error)));
    pump();
  });
}

describe('oversized cloud bodies', () => {
  const server = useServer('memory');

  it.each([
    ['AWS', { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'secretsmanager.CreateSecret' }, (body: any) => body.__type, 'SerializationException'],
    ['Alibaba', { 'x-acs-action': 'CreateSecret', 'x-acs-version': '2016-01-20', 'content-type': 'application/json' }, (body: any) => body.Code, 'InvalidParameter'],
    ['Tencent', { 'content-type': 'application/json', 'x-tc-action': 'CreateSecret', 'x-tc-version': '2019-09-23' }, (body: any) => body.Response.Error.Code, 'RequestSizeLimitExceeded'],
  ])('%s: an endless chunked body is cut off at 1 MiB with 413 in the vendor\'s error shape and the connection closed', async (_cloud, headers, codeOf, code) => {
    const cutoff = await endlessUpload(server().url, headers);
    expect(cutoff.status).toBe(413);
    expect(cutoff.headers.connection).toBe('close');
    expect(codeOf(JSON.parse(cutoff.body))).toBe(code);
    expect(cutoff.closed).toBe(true);
    // The server stopped reading soon after the limit (what is in flight in socket buffers aside).
    expect(cutoff.sentBytes).toBeLessThan(GIVE_UP_BYTES);
    expect((await fetch(`${server().url}/_emulator/health`)).status).toBe(200);
  });

  it('answers a Content-Length over the limit with 413 without reading the body', async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${server().url}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'secretsmanager.ListSecrets', 'content-length': String(512 * 1024 * 1024) },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.write('{');
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).__type).toBe('SerializationException');
  });

  it('answers an oversized form body, whose Action it never read, with a plain 413', async () => {
    const cutoff = await endlessUpload(server().url, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(cutoff.status).toBe(413);
    expect(JSON.parse(cutoff.body)).toEqual({ error: 'RequestEntityTooLarge', message: 'The request body is larger than 1048576 bytes.' });
  });
});

describe('admin bodies', () => {
  const server = useServer('memory');
  const json = { 'content-type': 'application/json' };

  it('loads a seed of 100,000 secrets with 1 KiB values (about 100 MiB) in one call', async () => {
    const value = 'v'.repeat(1024);
    const secrets = Array.from({ length: 100_000 }, (_, i) => ({ name: `bulk-${i}`, versions: [{ value }] }));
    const response = await fetch(`${server().url}/_emulator/seed`, { method: 'POST', headers: json, body: JSON.stringify({ aws: { '000000000000': { 'us-east-1': secrets } } }) });
    expect([response.status, await response.json()]).toEqual([200, { status: 'seeded', secrets: 100_000 }]);
  }, 120_000);

  it('cuts an endless chunked admin body off at its 256 MiB limit with 413 and closes the connection', async () => {
    const giveUp = 1024 * 1024 * 1024;
    const cutoff = await endlessUpload(server().url, json, '/_emulator/seed', giveUp);
    expect([cutoff.status, JSON.parse(cutoff.body).error]).toEqual([413, 'InvalidRequest']);
    expect(cutoff.headers.connection).toBe('close');
    expect(cutoff.closed).toBe(true);
    expect(cutoff.sentBytes).toBeLessThan(giveUp);
    expect((await fetch(`${server().url}/_emulator/health`)).status).toBe(200);
  }, 120_000);

  it('answers a clock body over its limit with 413, never a 500', async () => {
    const response = await fetch(`${server().url}/_emulator/clock`, { method: 'POST', headers: json, body: `{"advanceSeconds":1,"pad":"${'x'.repeat(2 * 1024 * 1024)}"}` });
    expect(response.status).toBe(413);
  });
});

describe('slow requests', () => {
  const server = useServer('memory', { requestTimeoutMs: 400 });

  it('answers 408 and closes the connection when a body stops arriving before the request timeout', async () => {
    const { hostname, port } = new URL(server().url);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => {
        // Headers promise 100 bytes; only 10 ever come.
        socket.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-amz-json-1.1\r\nX-Amz-Target: secretsmanager.ListSecrets\r\nContent-Length: 100\r\n\r\n{"Max":"1"');
      });
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect((await fetch(`${server().url}/_emulator/health`)).status).toBe(200);
  });
});
