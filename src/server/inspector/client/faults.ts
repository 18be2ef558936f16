import { byId, callAdmin, h, refusalText, showStatus } from './dom.js';

/** A fault rule as the panel shows it. */
export interface FaultRuleView {
  id: string;
  cloud: string;
  action: string;
  secret: string;
  effect: string;
  /** `times` left, a percentage, or `always`. */
  times: string;
  hits: string;
}

/** What the panel's form asks for a new rule; `detail` is an error's code or a latency's milliseconds. */
export interface FaultRuleForm {
  cloud: string;
  action: string;
  secret: string;
  effect: string;
  detail: string;
  times: string;
}

/**
 * The only place that knows the fault-injection API's shapes (README "Fault injection",
 * schemas/admin/faults.json): where the list is in `GET /_emulator/faults` (`listIn`), how a rule reads
 * (`toView`) and how a new one is written (`toRequest`). Reads also accept the first draft's names
 * (`rules`, `secret`, `effect.type`).
 */
export function faultRuleMapping() {
  const text = (value: unknown) => (value === undefined || value === null || value === '' ? '*' : String(value));
  const effectText = (effect: any) => {
    const kind = text(effect?.kind ?? effect?.type);
    if (effect?.code !== undefined) return `${kind} ${effect.code}${effect.status !== undefined ? ` (${effect.status})` : ''}`;
    return effect?.ms !== undefined ? `${kind} ${effect.ms} ms` : kind;
  };
  return {
    listIn: (json: any): any[] => (Array.isArray(json) ? json : (json?.faults ?? json?.rules ?? [])),
    toView: (rule: any): FaultRuleView => ({
      id: String(rule.id),
      cloud: text(rule.match?.cloud),
      action: text(rule.match?.action),
      secret: text(rule.match?.secretName ?? rule.match?.secret),
      effect: effectText(rule.effect),
      times: rule.times !== undefined ? String(rule.times) : rule.percent !== undefined ? `${rule.percent}%` : 'always',
      hits: String(rule.hits ?? 0),
    }),
    toRequest: (form: FaultRuleForm): unknown => {
      const match: Record<string, string> = {};
      if (form.cloud) match.cloud = form.cloud;
      if (form.action && form.action !== '*') match.action = form.action;
      if (form.secret && form.secret !== '*') match.secretName = form.secret;
      const effect: Record<string, unknown> = { kind: form.effect };
      if (form.effect === 'error') effect.code = form.detail;
      if (form.effect === 'latency') effect.ms = Number(form.detail || 1000);
      const times = Number(form.times);
      return { match, effect, ...(form.times && Number.isInteger(times) && times > 0 ? { times } : {}) };
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
    const body = mapping.toRequest({ cloud: field('cloud'), action: field('action'), secret: field('secret'), effect: field('effect'), detail: field('detail'), times: field('times') });
    const answer = await callAdmin('POST', '/_emulator/faults', JSON.stringify(body));
    if (answer.status >= 300) showStatus(`rule refused: ${refusalText(answer)}`, true);
    else form.reset();
    await refresh();
  });
  byId('faults-clear').addEventListener('click', async () => {
    await callAdmin('DELETE', '/_emulator/faults');
    await refresh();
  });
  return { refresh };
}
