/**
 * Browser helpers of the inspector page. Every function in client/ runs in the browser, not in
 * Node: script.ts serves their source text (Function.prototype.toString) as one script, so they
 * may use only their parameters, browser globals and the other client functions, never a
 * module-level constant or an import's runtime value. They are TypeScript so that tsc checks them.
 */

/** A value the admin API answered: its HTTP status and JSON body (undefined when it was not JSON). */
export interface AdminAnswer {
  status: number;
  json: any;
}

/**
 * Builds an element. Children that are strings become text nodes, never markup: secret names, tags
 * and values are untrusted, so nothing from the server is ever parsed as HTML.
 */
export function h(tag: string, attributes: Record<string, string | undefined> = {}, ...children: Array<Node | string | undefined | false>): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, value);
  for (const child of children) if (child !== undefined && child !== false) element.append(child);
  return element;
}

/** The page's element with this id (the page is static, so a missing one is a bug). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page has no #${id}`);
  return element as T;
}

/**
 * Calls the admin API of the server that served the page. The session cookie goes along by itself
 * (same origin); a body is always sent with its content type, as the admin guard requires.
 */
export async function callAdmin(method: string, path: string, body?: string, contentType = 'application/json'): Promise<AdminAnswer> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': contentType },
    body,
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  // A session that expired (or a server restarted with new sessions) sends the user back to the login form.
  if (response.status === 401 && !path.startsWith('/_emulator/ui/')) location.reload();
  return { status: response.status, json };
}

/** An ISO time as `YYYY-MM-DD HH:MM:SS` (UTC, as the emulator's clock is reported). */
export function shortTime(iso: string | undefined): string {
  return iso ? iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '') : '';
}

/** Shows a one-line message in the header's status area; errors stay until the next message. */
export function showStatus(message: string, isError = false): void {
  const status = byId('status');
  status.textContent = message;
  status.className = isError ? 'status error' : 'status';
}

/** The message of a refused admin call: its `message` and `problems`, else the status. */
export function refusalText(answer: AdminAnswer): string {
  const problems: string[] = Array.isArray(answer.json?.problems) ? answer.json.problems : [];
  const message = typeof answer.json?.message === 'string' ? answer.json.message : `HTTP ${answer.status}`;
  return problems.length ? `${message}: ${problems.slice(0, 3).join('; ')}` : message;
}
