import type { Exchange } from '../exchange.js';

type Message = { headers: Record<string, string>; body: string };

/**
 * A body as a reader wants it: JSON indented by two spaces, anything else (XML, a form, text) as it
 * came. A body the recorder cut at its size limit is no longer JSON and stays as it came too.
 */
export function readableBody({ headers, body }: Message): string {
  const looksJson = /json/i.test(headers['content-type'] ?? '') || /^\s*[[{]/.test(body);
  if (!looksJson) return body;
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** Header lines, `name: value`, in the order they were sent. */
const headerLines = (headers: Record<string, string>) => Object.entries(headers).map(([name, value]) => `${name}: ${value}`);

/** The message after its first line: headers, a blank line, the body (or a note that there was none). */
function messageText(firstLine: string, message: Message): string {
  const body = message.body === '' ? '(no body)' : readableBody(message);
  return [firstLine, ...headerLines(message.headers), '', body].join('\n');
}

/** A request as text, laid out like HTTP/1.1 on the wire: `POST <url>`, headers, blank line, body. */
export function requestText(request: Exchange['request']): string {
  return messageText(`${request.method} ${request.url}`, request);
}

/** A response as text: `HTTP <status>`, headers, blank line, body; or why there is none. */
export function responseText(response: Exchange['response']): string {
  if (!response) return 'no response: the connection failed or timed out before an answer came';
  return messageText(`HTTP ${response.status}`, response);
}

/** A short account of a step's exchanges for a collapsed block, e.g. `2 requests · HTTP 200, 400`. */
export function exchangesSummary(exchanges: Exchange[]): string {
  const statuses = exchanges.map(({ response }) => (response ? String(response.status) : 'no answer'));
  return `${exchanges.length} ${exchanges.length === 1 ? 'request' : 'requests'} · HTTP ${statuses.join(', ')}`;
}
