import type { RequestEntry } from '../../requestLog.js';
import { byId, h, shortTime } from './dom.js';

/** One line of the live request log, as `GET /_emulator/requests/stream` sends it (a type only: the browser code imports no value). */
export type LoggedRequest = RequestEntry;

/**
 * Shows the server's requests as they are answered, from its event stream. `onCloudCall` hears of
 * each cloud call (not the page's own admin calls, which would make it reload in a loop).
 */
export function startRequestLog(onCloudCall: (entry: LoggedRequest) => void): void {
  const rows = byId('log-rows');
  const panel = byId('log');
  const state = byId('log-state');
  const showAdmin = byId<HTMLInputElement>('log-show-admin');
  const scroller = byId('log-scroll');
  // The page keeps as many lines as the server remembers.
  const maxRows = 500;
  let lastSeq = 0;

  showAdmin.addEventListener('change', () => panel.classList.toggle('show-admin', showAdmin.checked));
  const source = new EventSource('/_emulator/requests/stream');
  source.addEventListener('open', () => {
    state.textContent = 'live';
    state.className = 'live';
  });
  source.addEventListener('error', () => {
    state.textContent = 'reconnecting…';
    state.className = 'offline';
  });
  source.addEventListener('request', (event) => {
    const message = event as MessageEvent<string>;
    // A reconnect resumes after Last-Event-ID; skipping what was seen guards against a repeat anyway.
    const seq = Number(message.lastEventId);
    if (seq <= lastSeq) return;
    lastSeq = seq;
    const entry: LoggedRequest = JSON.parse(message.data);
    const atBottom = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 4;
    // Tencent answers its errors with HTTP 200: the error code marks them, the status only HTTP failures.
    const marks = `${entry.errorCode !== undefined ? ' failed' : ''}${entry.status >= 400 ? ' http-error' : ''}`;
    rows.append(
      h(
        'tr',
        { class: `${entry.cloud === 'admin' ? 'admin' : 'call'}${marks}` },
        h('td', {}, shortTime(entry.time)),
        h('td', {}, h('span', { class: `cloud cloud-${entry.cloud}` }, entry.cloud)),
        h('td', {}, entry.action),
        h('td', {}, entry.namespace ?? ''),
        h('td', { class: 'num' }, String(entry.status)),
        h('td', {}, entry.errorCode ?? ''),
        h('td', { class: 'num' }, entry.durationMs.toFixed(1)),
      ),
    );
    while (rows.childElementCount > maxRows) rows.firstElementChild?.remove();
    if (atBottom) scroller.scrollTop = scroller.scrollHeight;
    if (entry.cloud !== 'admin') onCloudCall(entry);
  });
}
