import { request } from 'node:http';

/** An answer read in full: status, headers and body text. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

/** One HTTP call with exactly the headers given (no fetch defaults: no Origin, no Sec-Fetch-*), as curl sends it. */
export function rawCall(url: string, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const sent = body === undefined ? headers : { 'content-length': String(Buffer.byteLength(body)), ...headers };
    const req = request(`${url}${path}`, { method, headers: sent }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => {
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The events of a Server-Sent Events stream read until `enough` says so (or `timeoutMs` passes), then the stream is closed. */
export function readEvents(
  url: string,
  path: string,
  headers: Record<string, string>,
  enough: (events: Array<{ id?: string; event?: string; data: string }>) => boolean,
  onOpen: () => void = () => undefined,
  timeoutMs = 5000,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; raw: string; events: Array<{ id?: string; event?: string; data: string }> }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { headers }, (res) => {
      let raw = '';
      const events: Array<{ id?: string; event?: string; data: string }> = [];
      const done = () => {
        clearTimeout(timer);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, raw, events });
      };
      const timer = setTimeout(done, timeoutMs);
      res.on('data', (chunk: Buffer) => {
        raw += chunk.toString();
        events.length = 0;
        for (const block of raw.split('\n\n').slice(0, -1)) {
          const fields = Object.fromEntries(block.split('\n').filter((line) => !line.startsWith(':')).map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]));
          if (fields.data !== undefined) events.push({ id: fields.id, event: fields.event, data: fields.data });
        }
        if (enough(events)) done();
      });
      res.on('end', done);
      if (res.statusCode === 200) onOpen();
      else res.resume();
    });
    req.on('error', reject);
    req.end();
  });
}
