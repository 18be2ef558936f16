import { EventEmitter, once } from 'node:events';
import { createServer, request, Agent, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeGracefully, handleShutdownSignals } from '../../src/server/shutdown.js';

/** A server whose requests wait until the test releases them. */
async function heldServer(): Promise<{ server: Server; url: string; release: () => void }> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const server = createServer((_req, res) => void held.then(() => res.end('done')));
  // Far longer than the jest timeout: only the sweep of idle connections can end them in time.
  server.keepAliveTimeout = 600_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, release: () => release() };
}

/** GETs `url` on a keep-alive agent and resolves to the status and body, or rejects on a dropped connection. */
function get(url: string, agent: Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { agent }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

describe('closeGracefully', () => {
  it('refuses new connections, lets the request in flight finish, then closes its keep-alive connection', async () => {
    const { server, url, release } = await heldServer();
    const agent = new Agent({ keepAlive: true });
    const inFlight = get(url, agent);
    await once(server, 'request');
    const closed = closeGracefully(server);
    await expect(fetch(url)).rejects.toThrow();
    release();
    await expect(inFlight).resolves.toEqual({ status: 200, body: 'done' });
    await expect(closed).resolves.toBeUndefined();
    agent.destroy();
  });

  it('drops a request that is still open when the grace period ends', async () => {
    const { server, url } = await heldServer();
    const agent = new Agent({ keepAlive: true });
    const stuck = get(url, agent);
    await once(server, 'request');
    await closeGracefully(server, 50);
    await expect(stuck).rejects.toThrow(/socket hang up|ECONNRESET/);
    agent.destroy();
  });
});

describe('handleShutdownSignals', () => {
  function harness(stop: () => Promise<void>) {
    const signals = new EventEmitter();
    const exits: number[] = [];
    const lines: string[] = [];
    const logger = { info: (line: string) => lines.push(line), error: (line: string) => lines.push(`error: ${line}`) };
    handleShutdownSignals({ stop, logger, exit: (code) => exits.push(code), signals: signals as unknown as Pick<NodeJS.Process, 'on'> });
    return { signals, exits, lines };
  }

  it.each(['SIGTERM', 'SIGINT'])('stops once on %s and exits 0 when stopped', async (signal) => {
    let stops = 0;
    let finish = () => {};
    const { signals, exits, lines } = harness(() => {
      stops += 1;
      return new Promise<void>((resolve) => (finish = resolve));
    });
    signals.emit(signal);
    expect(stops).toBe(1);
    expect(exits).toEqual([]);
    finish();
    await new Promise(setImmediate);
    expect(exits).toEqual([0]);
    expect(lines[0]).toContain(signal);
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ])('exits at once on a second %s while still stopping', (signal, code) => {
    let stops = 0;
    const { signals, exits } = harness(() => {
      stops += 1;
      return new Promise<void>(() => {});
    });
    signals.emit('SIGTERM');
    signals.emit(signal);
    expect(stops).toBe(1);
    expect(exits).toEqual([code]);
  });

  it('exits 1 with the reason when stopping fails', async () => {
    const { signals, exits, lines } = harness(() => Promise.reject(new Error('disk full')));
    signals.emit('SIGTERM');
    await new Promise(setImmediate);
    expect(exits).toEqual([1]);
    expect(lines.at(-1)).toBe('error: polysecret: shutdown failed: disk full');
  });
});
