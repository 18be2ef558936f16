import type { ServerResponse } from 'node:http';

/** A JSON answer as express's `res.json` writes it (with a Content-Length, never chunked). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headOnly = false): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(headOnly ? undefined : text);
}

/** Ends the connection once the answer is out, so the rest of an oversized body is never read. */
export function closeAfterAnswer(res: ServerResponse): void {
  res.shouldKeepAlive = false;
  res.setHeader('connection', 'close');
  res.once('finish', () => res.socket?.destroySoon());
}

/** The body of a 500: polysecret's own failure, never a client's mistake. */
export const INTERNAL_ERROR = { error: 'InternalError', message: 'polysecret failed to handle the request.' };

