import { byId, callAdmin, refusalText, shortTime, showStatus } from './dom.js';

/**
 * The header's controls: the emulator clock (shown ticking, moved forward by its buttons), reset
 * and seed upload. `onStateChanged` runs after each of them changed what the server holds.
 */
export function startControls(onStateChanged: () => void): void {
  const clock = byId('clock');
  // The emulator's time minus the browser's, so the shown clock ticks without asking every second.
  let offsetMs = 0;
  const render = () => {
    clock.textContent = shortTime(new Date(Date.now() + offsetMs).toISOString());
  };
  const learn = (epochMs: number) => {
    offsetMs = epochMs - Date.now();
    render();
  };
  void callAdmin('GET', '/_emulator/clock').then((answer) => answer.status === 200 && learn(answer.json.epochMs));
  setInterval(render, 1000);

  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-advance]')) {
    button.addEventListener('click', async () => {
      const seconds = Number(button.dataset.advance);
      const answer = await callAdmin('POST', '/_emulator/clock', JSON.stringify({ advanceSeconds: seconds }));
      if (answer.status !== 200) return showStatus(`clock not moved: ${refusalText(answer)}`, true);
      learn(answer.json.epochMs);
      showStatus(`clock moved forward by ${button.textContent?.trim()}`);
      onStateChanged();
    });
  }

  byId('reset').addEventListener('click', async () => {
    if (!confirm('Remove every secret of every cloud from this server?')) return;
    const answer = await callAdmin('POST', '/_emulator/reset');
    if (answer.status !== 200) return showStatus(`reset refused: ${refusalText(answer)}`, true);
    showStatus('every secret removed');
    byId('secret-details').replaceChildren();
    onStateChanged();
  });

  const file = byId<HTMLInputElement>('seed-file');
  byId('seed').addEventListener('click', () => file.click());
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    file.value = '';
    if (!chosen) return;
    // The seed route reads YAML when told so by the content type, JSON otherwise.
    const type = /\.ya?ml$/i.test(chosen.name) ? 'application/yaml' : 'application/json';
    const answer = await callAdmin('POST', '/_emulator/seed', await chosen.text(), type);
    if (answer.status !== 200) return showStatus(`seed refused: ${refusalText(answer)}`, true);
    showStatus(`seeded ${answer.json.secrets} secrets from ${chosen.name}`);
    onStateChanged();
  });
}
