import { byId, callAdmin } from './dom.js';
import { startControls } from './controls.js';
import { startFaultsPanel } from './faults.js';
import { startRequestLog } from './requestLog.js';
import { startSecretsPanel } from './secrets.js';

/** Wires the inspector page's panels together once its script loads. */
export function startInspector(): void {
  const secrets = startSecretsPanel();
  const faults = startFaultsPanel();
  let faultsPending: ReturnType<typeof setTimeout> | undefined;
  // Fault hits change with cloud calls too, so both panels follow the log (once per burst of calls).
  startRequestLog(() => {
    secrets.refreshSoon();
    clearTimeout(faultsPending);
    faultsPending = setTimeout(() => void faults.refresh(), 500);
  });
  startControls(() => void secrets.refresh());
  void secrets.refresh();
  void faults.refresh();
  byId('logout').addEventListener('click', async () => {
    await callAdmin('DELETE', '/_emulator/ui/session');
    location.reload();
  });
}

/** The login form's script: trades the admin token for a session cookie, then loads the inspector. */
export function startLogin(): void {
  // A server in strict mode without a token shows no form: only how to set one.
  if (!document.getElementById('login')) return;
  const form = byId<HTMLFormElement>('login');
  const problem = byId('login-problem');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const token = String(new FormData(form).get('token') ?? '');
    const answer = await callAdmin('POST', '/_emulator/ui/session', JSON.stringify({ token }));
    if (answer.status === 200) location.reload();
    else problem.textContent = answer.json?.message ?? `login failed (HTTP ${answer.status})`;
  });
}
