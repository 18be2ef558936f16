import { once } from 'node:events';
import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer, type ServerOptions, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import type { GracefulServer } from './shutdown.js';

/** The first byte of every TLS connection: a handshake record. HTTP/1 requests start with a method's letter. */
const TLS_HANDSHAKE_RECORD = 0x16;

/** What {@link listen} needs. */
export interface ListenOptions {
  host: string;
  port: number;
  /** Header size and request timeouts, the same for http and https. */
  serverOptions: Pick<ServerOptions, 'maxHeaderSize' | 'requestTimeout' | 'connectionsCheckingInterval'>;
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  /** Also serve https on the same port with this PEM certificate and key. */
  tls?: { cert: string; key: string };
  /** Told why a client's TLS handshake failed (an untrusting client, a plain-TCP probe); never fatal. */
  onTlsClientError?: (error: Error) => void;
}

/** A bound port and the means to close it gracefully. */
export interface Listener {
  readonly port: number;
  readonly server: GracefulServer;
}

/**
 * Listens on `host:port`. Without TLS it is a plain `http.Server`; with TLS, one port serves both:
 * each connection's first byte says whether it goes to the https or the http server.
 */
export async function listen(options: ListenOptions): Promise<Listener> {
  if (!options.tls) {
    const server = createHttpServer(options.serverOptions, options.handler).listen(options.port, options.host);
    await once(server, 'listening');
    return { port: (server.address() as AddressInfo).port, server };
  }
  // Loaded only with TLS: node:https (and node:tls under it) adds to every start-up otherwise.
  const { createServer: createHttpsServer } = await import('node:https');
  const server = dualProtocolServer(options, options.tls, createHttpsServer);
  server.front.listen(options.port, options.host);
  await once(server.front, 'listening');
  return { port: (server.front.address() as AddressInfo).port, server };
}

/** A TCP listener that hands each connection, once its first byte has arrived, to an http or an https server that never listen themselves. */
function dualProtocolServer(options: ListenOptions, tls: { cert: string; key: string }, createHttpsServer: typeof import('node:https').createServer) {
  const http = createHttpServer(options.serverOptions, options.handler);
  const https = createHttpsServer({ ...options.serverOptions, cert: tls.cert, key: tls.key }, options.handler);
  // An unhandled tlsClientError is silently dropped; the listener only lets the caller log it.
  https.on('tlsClientError', (error) => options.onTlsClientError?.(error));
  // Node starts tracking an http server's connections (request timeouts, closeIdleConnections) when
  // it emits 'listening'; these two never listen, so they are told they do.
  http.emit('listening');
  https.emit('listening');
  /** Connections whose first byte has not come yet: no server has them, so only this one can close them. */
  const undecided = new Set<Socket>();
  /** Every connection, handed on or not: the last resort at the end of the shutdown grace period. */
  const open = new Set<Socket>();

  // As an http.Server does by default: answers go out at once, not held back by Nagle's algorithm.
  const front = createNetServer({ noDelay: true }, (socket) => {
    open.add(socket);
    undecided.add(socket);
    socket.once('close', () => {
      open.delete(socket);
      undecided.delete(socket);
    });
    // A reset before the hand-over (or during a failed handshake) must not become an uncaught error.
    socket.on('error', () => undefined);
    socket.once('data', (first: Buffer) => {
      undecided.delete(socket);
      socket.pause();
      socket.unshift(first);
      const target: HttpServer | typeof https = first[0] === TLS_HANDSHAKE_RECORD ? https : http;
      target.emit('connection', socket);
      // The TLS socket reads what was put back itself; the http parser needs the stream flowing again.
      if (target === http) socket.resume();
    });
  });

  return {
    front,
    close(done: () => void) {
      // The inner servers never listened; closing them stops their connection-checking timers.
      http.close();
      https.close();
      // The TCP listener reports closed once every connection it accepted, whoever served it, is gone.
      front.close(() => done());
    },
    closeIdleConnections() {
      http.closeIdleConnections();
      https.closeIdleConnections();
      for (const socket of undecided) socket.destroy();
    },
    closeAllConnections() {
      http.closeAllConnections();
      https.closeAllConnections();
      // Half-done handshakes belong to no http server yet.
      for (const socket of open) socket.destroy();
    },
  };
}
