import { byId, callAdmin, h, refusalText, shortTime, showStatus } from './dom.js';

/** Which secret the details pane shows. */
export interface SecretAddress {
  cloud: string;
  account: string;
  region: string;
  name: string;
}

/** What the rest of the page may ask of the secrets panel. */
export interface SecretsPanel {
  /** Reloads the list (and the details of the selected secret if it changed). */
  refresh(): Promise<void>;
  /** Reloads soon, once for a burst of calls: each cloud call in the log asks for it. */
  refreshSoon(): void;
}

/** The filters, the secret list on the left and the selected secret's details on the right. */
export function startSecretsPanel(): SecretsPanel {
  const cloud = byId<HTMLSelectElement>('filter-cloud');
  const account = byId<HTMLSelectElement>('filter-account');
  const region = byId<HTMLSelectElement>('filter-region');
  const search = byId<HTMLInputElement>('filter-search');
  const list = byId('secret-list');
  const count = byId('secret-count');
  let selected: (SecretAddress & { changedAt?: string }) | undefined;
  let pending: ReturnType<typeof setTimeout> | undefined;

  const sameSecret = (a: SecretAddress | undefined, b: SecretAddress) => a !== undefined && secretKey(a) === secretKey(b);

  /** Keeps a select's options in line with the namespaces there are, and its choice when still offered. */
  function fillOptions(select: HTMLSelectElement, values: string[], allLabel: string) {
    const chosen = select.value;
    select.replaceChildren(h('option', { value: '' }, allLabel), ...[...new Set(values)].sort().map((value) => h('option', { value }, value)));
    select.value = values.includes(chosen) ? chosen : '';
  }

  async function refresh() {
    const query = new URLSearchParams();
    for (const [key, input] of [['cloud', cloud], ['account', account], ['region', region], ['search', search]] as const) if (input.value) query.set(key, input.value);
    const answer = await callAdmin('GET', `/_emulator/secrets?${query}`);
    if (answer.status !== 200) return showStatus(`could not list secrets: ${refusalText(answer)}`, true);
    const namespaces: Array<{ cloud: string; account: string; region: string }> = answer.json.namespaces;
    const inCloud = namespaces.filter((ns) => !cloud.value || ns.cloud === cloud.value);
    fillOptions(account, inCloud.map((ns) => ns.account), 'account');
    fillOptions(region, inCloud.filter((ns) => !account.value || ns.account === account.value).map((ns) => ns.region), 'region');
    const secrets: Array<SecretAddress & { changedAt: string; purgeAt?: string; versions: number }> = answer.json.secrets;
    count.textContent = `${secrets.length}${answer.json.truncated ? '+' : ''} secret${secrets.length === 1 ? '' : 's'}`;
    list.replaceChildren(
      ...secrets.map((secret) => {
        const item = h(
          'li',
          { class: `secret${sameSecret(selected, secret) ? ' selected' : ''}${secret.purgeAt ? ' deleted' : ''}`, tabindex: '0', 'data-key': secretKey(secret) },
          h('span', { class: `cloud cloud-${secret.cloud}` }, secret.cloud),
          h('span', { class: 'name' }, secret.name),
          h('span', { class: 'namespace' }, `${secret.account} · ${secret.region}`),
        );
        const open = () => void showDetails(secret);
        item.addEventListener('click', open);
        item.addEventListener('keydown', (event) => event.key === 'Enter' && open());
        return item;
      }),
    );
    const current = secrets.find((secret) => sameSecret(selected, secret));
    if (selected && current && current.changedAt !== selected.changedAt) await showDetails(current);
  }

  async function showDetails(address: SecretAddress) {
    const pane = byId('secret-details');
    const query = new URLSearchParams({ cloud: address.cloud, account: address.account, region: address.region, name: address.name });
    const answer = await callAdmin('GET', `/_emulator/secrets/versions?${query}`);
    if (answer.status !== 200) {
      pane.replaceChildren(h('p', { class: 'empty' }, `${address.name}: ${refusalText(answer)}`));
      return;
    }
    const secret = answer.json.secret;
    selected = { ...address, changedAt: secret.changedAt };
    for (const item of list.querySelectorAll('li.secret')) item.classList.toggle('selected', item.getAttribute('data-key') === secretKey(address));
    pane.replaceChildren(...renderDetails(secret, query));
  }

  search.addEventListener('input', () => {
    clearTimeout(pending);
    pending = setTimeout(() => void refresh(), 200);
  });
  for (const select of [cloud, account, region]) select.addEventListener('change', () => void refresh());
  return {
    refresh,
    refreshSoon() {
      clearTimeout(pending);
      pending = setTimeout(() => void refresh(), 300);
    },
  };
}

/** One string naming a secret across clouds, accounts and regions (names repeat between namespaces). */
export function secretKey(address: SecretAddress): string {
  return [address.cloud, address.account, address.region, address.name].join('/');
}

/** The details pane's content: what the secret is, its tags, and its versions with a reveal button each. */
export function renderDetails(secret: any, address: URLSearchParams): HTMLElement[] {
  const facts = h(
    'dl',
    { class: 'facts' },
    h('dt', {}, 'namespace'),
    h('dd', {}, `${secret.cloud} · ${secret.account} · ${secret.region}`),
    h('dt', {}, 'id'),
    h('dd', {}, h('code', {}, secret.resourceId)),
    h('dt', {}, 'created'),
    h('dd', {}, shortTime(secret.createdAt)),
    h('dt', {}, 'changed'),
    h('dd', {}, shortTime(secret.changedAt)),
    secret.description !== undefined && h('dt', {}, 'description'),
    secret.description !== undefined && h('dd', {}, secret.description),
    h('dt', {}, 'state'),
    h('dd', {}, secret.purgeAt ? `scheduled for deletion, purged at ${shortTime(secret.purgeAt)}` : secret.enabled ? 'enabled' : 'disabled'),
    secret.rotation !== undefined && h('dt', {}, 'rotation'),
    secret.rotation !== undefined && h('dd', {}, secret.rotation.enabled ? `next ${shortTime(secret.rotation.nextAt) || 'not scheduled'}` : 'off'),
  );
  const tags: Array<{ key: string; value: string }> = secret.tags;
  const tagTable = tags.length
    ? h('table', { class: 'tags' }, h('tbody', {}, ...tags.map((tag) => h('tr', {}, h('th', {}, tag.key), h('td', {}, tag.value)))))
    : h('p', { class: 'empty' }, 'no tags');
  const versions: any[] = secret.versionList;
  const rows = versions.map((version) =>
    h(
      'tr',
      {},
      h('td', {}, h('code', {}, version.id)),
      h('td', {}, ...version.labels.map((label: string) => h('span', { class: 'label' }, label))),
      h('td', {}, shortTime(version.createdAt)),
      h('td', {}, shortTime(version.lastAccessedAt) || '—'),
      h('td', { class: 'value-cell' }, version.valueType ? revealButton(address, version.id) : h('span', { class: 'empty' }, 'no value')),
    ),
  );
  return [
    h('h2', {}, secret.name),
    facts,
    h('h3', {}, 'Tags'),
    tagTable,
    h('h3', {}, `Versions (${versions.length})`),
    h('table', { class: 'versions' }, h('thead', {}, h('tr', {}, h('th', {}, 'version'), h('th', {}, 'labels'), h('th', {}, 'created'), h('th', {}, 'last read'), h('th', {}, 'value'))), h('tbody', {}, ...rows)),
  ];
}

/** A button that fetches one version's value only when clicked, and hides it again on a second click. */
export function revealButton(address: URLSearchParams, versionId: string): HTMLElement {
  const cell = h('span', { class: 'reveal' });
  const button = h('button', { type: 'button', class: 'small', 'data-version': versionId }, 'show value');
  const shown = h('code', { class: 'value' });
  button.addEventListener('click', async () => {
    if (shown.isConnected) {
      shown.remove();
      shown.textContent = '';
      button.textContent = 'show value';
      return;
    }
    const query = new URLSearchParams(address);
    query.set('versionId', versionId);
    const answer = await callAdmin('GET', `/_emulator/secrets/value?${query}`);
    if (answer.status !== 200) return showStatus(`could not read the value: ${refusalText(answer)}`, true);
    shown.textContent = answer.json.type === 'binary' ? `(base64) ${answer.json.value}` : answer.json.value;
    cell.append(shown);
    button.textContent = 'hide';
  });
  cell.append(button);
  return cell;
}
