import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestEntry, RequestLog } from '../requestLog.js';

/** A comment line this often keeps proxies and idle timers from closing a quiet stream. */
export const HEARTBEAT_MS = 15_000;

/** One request as an SSE event: its sequence number as the id, so a reconnecting EventSource resumes after it. */
function eventOf(seq: number, entry: RequestEntry): string {
  // RequestEntry holds no value, key or signature (requestLog.ts); the JSON is one line, as SSE data must be.
  return `id: ${seq}\nevent: request\ndata: ${JSON.stringify(entry)}\n\n`;
}

/**
 * Serves `GET /_emulator/requests/stream`: Server-Sent Events of this server's request log, the
 * remembered entries first (those after `Last-Event-ID` on a reconnect), then each request as it is
 * answered. The stream ends when the client goes or the server stops.
 */
export function streamRequests(requestLog: RequestLog, req: IncomingMessage, res: ServerResponse, heartbeatMs = HEARTBEAT_MS): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    // Tells buffering proxies (nginx) to pass events on at once.
    'x-accel-buffering': 'no',
  });
  const lastSeen = Number(req.headers['last-event-id'] ?? 0);
  const afterSeq = Number.isSafeInteger(lastSeen) && lastSeen > 0 ? lastSeen : 0;
  // Tells EventSource to retry after 2 s rather than its default 3, so a restarted server is picked up soon.
  res.write('retry: 2000\n\n');
  for (const { seq, entry } of requestLog.recentSince(afterSeq)) res.write(eventOf(seq, entry));

  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), heartbeatMs);
  heartbeat.unref();
  const unsubscribe = requestLog.subscribe({
    onEntry: (entry, seq) => {
      if (!res.writableEnded) res.write(eventOf(seq, entry));
    },
    onClose: () => finish(),
  });
  const finish = () => {
    clearInterval(heartbeat);
    unsubscribe();
    if (!res.writableEnded) res.end();
  };
  req.on('close', finish);
}
