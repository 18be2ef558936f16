import { byId, callAdmin, h, refusalText, showStatus } from './dom.js';

/** A fault rule as the panel shows it and as its form fills it in. */
export interface FaultRuleView {
  id: string;
  cloud: string;
  action: string;
  secret: string;
  effect: string;
  times: string;
  hits: string;
}

/**
 * The only place that knows the fault-injection API's shapes (built beside it, on its own branch):
 * how a rule reads (`toView`), how a new one is written (`toRequest`) and where the list is in the
 * answer of `GET /_emulator/faults` (`listIn`). Adjust here if that API's fields differ.
 */
export function faultRuleMapping() {
  const text = (value: unknown) => (value === undefined || value === null || value === '' ? '*' : String(value));
  return {
    listIn: (json: any): any[] => (Array.isArray(json) ? json : (json?.rules ?? json?.faults ?? [])),
    toView: (rule: any): FaultRuleView => ({
      id: String(rule.id),
      cloud: text(rule.match?.cloud),
      action: text(rule.match?.action),
      secret: text(rule.match?.secret),
      effect: text(rule.effect?.type),
      times: rule.times === undefined || rule.times === null ? 'always' : String(rule.times),
      hits: String(rule.hits ?? 0),
    }),
    toRequest: (form: Omit<FaultRuleView, 'id' | 'hits'>): unknown => {
      const match: Record<string, string> = {};
      for (const key of ['cloud', 'action', 'secret'] as const) if (form[key] && form[key] !== '*') match[key] = form[key];
      const times = Number(form.times);
      return { match, effect: { type: form.effect }, ...(form.times && Number.isInteger(times) && times > 0 ? { times } : {}) };
    },
  };
}

/** The fault rules panel: the rules in force with their hits, a form to add one, and removal. */
export function startFaultsPanel(): { refresh(): Promise<void> } {
  const panel = byId('faults');
  const rows = byId('fault-rows');
  const form = byId<HTMLFormElement>('fault-form');
  const mapping = faultRuleMapping();

  async function refresh() {
    if (panel.classList.contains('unavailable')) return;
    const answer = await callAdmin('GET', '/_emulator/faults');
    // The route comes with the fault-injection feature; a server without it answers 404.
    if (answer.status === 404) {
      panel.classList.add('unavailable');
      byId('faults-note').textContent = 'fault injection not available on this server';
      return;
    }
    if (answer.status !== 200) return showStatus(`could not list fault rules: ${refusalText(answer)}`, true);
    const rules = mapping.listIn(answer.json).map(mapping.toView);
    rows.replaceChildren(
      ...rules.map((rule) => {
        const remove = h('button', { type: 'button', class: 'small' }, 'remove');
        remove.addEventListener('click', async () => {
          const removed = await callAdmin('DELETE', `/_emulator/faults/${encodeURIComponent(rule.id)}`);
          if (removed.status >= 300) showStatus(`rule not removed: ${refusalText(removed)}`, true);
          await refresh();
        });
        return h('tr', {}, h('td', {}, rule.cloud), h('td', {}, rule.action), h('td', {}, rule.secret), h('td', {}, rule.effect), h('td', { class: 'num' }, rule.times), h('td', { class: 'num' }, rule.hits), h('td', {}, remove));
      }),
    );
    byId('faults-note').textContent = rules.length ? '' : 'no fault rules';
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const field = (name: string) => String(new FormData(form).get(name) ?? '').trim();
    const body = mapping.toRequest({ cloud: field('cloud'), action: field('action'), secret: field('secret'), effect: field('effect'), times: field('times') });
    const answer = await callAdmin('POST', '/_emulator/faults', JSON.stringify(body));
    if (answer.status >= 300) showStatus(`rule refused: ${refusalText(answer)}`, true);
    await refresh();
  });
  byId('faults-clear').addEventListener('click', async () => {
    await callAdmin('DELETE', '/_emulator/faults');
    await refresh();
  });
  return { refresh };
}
