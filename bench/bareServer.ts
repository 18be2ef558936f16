/**
 * The ceiling of the machine: a bare node:http server that reads each request and answers a fixed
 * body of the size given as its first argument. Run as a child process, like polysecret.
 */
import { createServer } from 'node:http';

const size = Number(process.argv[2] ?? 256);
const body = Buffer.alloc(size, 'x');
const headers = { 'content-type': 'application/json', 'content-length': String(size) };

const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => response.writeHead(200, headers).end(body));
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') process.stdout.write(`listening on http://127.0.0.1:${address.port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
