import type { IncomingMessage } from 'node:http';

const NO_BODY = Buffer.alloc(0);

/**
 * Collects a request body of at most `limit` bytes. A body declared or found to be larger is not read
 * on: `done` is called at once with `tooLarge`, so an endless chunked upload costs nothing past the
 * limit (body-parser, by contrast, reads a refused body to its end before answering).
 */
export function readBody(req: IncomingMessage, limit: number, done: (body: Buffer, tooLarge: boolean) => void): void {
  if (Number(req.headers['content-length']) > limit) {
    done(NO_BODY, true);
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const onData = (chunk: Buffer) => {
    size += chunk.length;
    if (size <= limit) {
      chunks.push(chunk);
      return;
    }
    req.off('data', onData);
    req.off('end', onEnd);
    req.pause();
    done(NO_BODY, true);
  };
  const onEnd = () => done(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks), false);
  req.on('data', onData);
  req.on('end', onEnd);
}

/**
 * An express middleware reading the raw body into `req.body` (a Buffer, empty when none), or passing
 * a 413 error on to the error handler when it is over `limit`.
 */
export function rawBody(limit: number) {
  return (req: IncomingMessage & { body?: Buffer }, _res: unknown, next: (error?: unknown) => void): void => {
    readBody(req, limit, (body, tooLarge) => {
      if (tooLarge) {
        next(Object.assign(new Error(`the request body is larger than ${limit} bytes`), { status: 413 }));
        return;
      }
      req.body = body;
      next();
    });
  };
}
