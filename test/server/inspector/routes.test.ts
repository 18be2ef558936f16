import { CreateSecretCommand, PutSecretValueCommand, TagResourceCommand } from '@aws-sdk/client-secrets-manager';
import { awsClient, STORES, useServer } from '../../helpers/server.js';
import { rawCall } from '../../helpers/rawHttp.js';

const VALUE = 'route-test-value-5e21';
const seedBody = JSON.stringify({
  aws: { '000000000000': { 'eu-west-1': [{ name: 'eu/one', description: 'Billing DB', versions: [{ value: 'eu-value-1' }] }] } },
  alibaba: { '1234567890123456': { 'cn-hangzhou': [{ name: 'ali-one', tags: { owner: 'shop' }, versions: [{ value: 'ali-value-1' }] }] } },
  tencent: { '100000000001': { 'ap-guangzhou': [{ name: 'tc-one', versions: [{ value: 'tc-value-1' }] }] } },
});

describe.each(STORES)('inspector routes (%s)', (store) => {
  const server = useServer(store);
  const get = (path: string) => rawCall(server().url, 'GET', path);

  beforeEach(async () => {
    expect((await rawCall(server().url, 'POST', '/_emulator/seed', { 'content-type': 'application/json' }, seedBody)).status).toBe(200);
    const aws = awsClient(server().url);
    await aws.send(new CreateSecretCommand({ Name: 'app/db', SecretString: 'first', Description: 'main database' }));
    await aws.send(new PutSecretValueCommand({ SecretId: 'app/db', SecretString: VALUE }));
    await aws.send(new TagResourceCommand({ SecretId: 'app/db', Tags: [{ Key: '<script>', Value: '"quoted"' }] }));
  });

  it('serves the page with a strict CSP, no inline script and no data', async () => {
    const page = await get('/_emulator/ui');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.text).toMatch(/<script src="\/_emulator\/ui\/inspector\.js" defer><\/script>/);
    expect(page.text).not.toMatch(/<script>|<script [^>]*>[^<]/);
    for (const text of [VALUE, 'first', 'eu-value-1', 'app/db', 'ali-one', 'main database']) expect(page.text).not.toContain(text);
    for (const asset of ['/_emulator/ui/inspector.js', '/_emulator/ui/login.js', '/_emulator/ui/style.css']) {
      const answer = await get(asset);
      expect([answer.status, answer.headers['x-content-type-options']]).toEqual([200, 'nosniff']);
      expect(answer.text).not.toContain(VALUE);
    }
  });

  it('the page script never parses data as HTML', async () => {
    const script = (await get('/_emulator/ui/inspector.js')).text;
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    expect(script).toContain('textContent');
  });

  it('lists secrets of every cloud with their namespaces, metadata only', async () => {
    const list = await get('/_emulator/secrets');
    expect(list.status).toBe(200);
    expect(list.json.secrets.map((s: any) => `${s.cloud}/${s.account}/${s.region}/${s.name}`)).toEqual([
      'alibaba/1234567890123456/cn-hangzhou/ali-one',
      'aws/000000000000/eu-west-1/eu/one',
      'aws/000000000000/us-east-1/app/db',
      'tencent/100000000001/ap-guangzhou/tc-one',
    ]);
    expect(list.json.namespaces).toHaveLength(4);
    expect(list.json.truncated).toBe(false);
    const db = list.json.secrets.find((s: any) => s.name === 'app/db');
    expect(db).toMatchObject({ description: 'main database', enabled: true, versions: 2 });
    expect(db.resourceId).toMatch(/^arn:aws:secretsmanager:us-east-1:000000000000:secret:app\/db-/);
    for (const value of [VALUE, 'first', 'eu-value-1', 'ali-value-1', 'tc-value-1']) expect(list.text).not.toContain(value);
  });

  it('filters by cloud, account, region and search text', async () => {
    const names = async (query: string) => (await get(`/_emulator/secrets?${query}`)).json.secrets.map((s: any) => s.name);
    expect(await names('cloud=aws')).toEqual(['eu/one', 'app/db']);
    expect(await names('cloud=aws&region=eu-west-1')).toEqual(['eu/one']);
    expect(await names('account=1234567890123456')).toEqual(['ali-one']);
    expect(await names('search=DATABASE')).toEqual(['app/db']);
    expect(await names('search=billing')).toEqual(['eu/one']);
    expect((await get('/_emulator/secrets?cloud=azure')).status).toBe(400);
  });

  it("gives a secret's versions with labels, dates and tags, newest first, without values", async () => {
    const details = await get('/_emulator/secrets/versions?cloud=aws&account=000000000000&region=us-east-1&name=app%2Fdb');
    expect(details.status).toBe(200);
    const secret = details.json.secret;
    expect(secret.tags).toEqual([{ key: '<script>', value: '"quoted"' }]);
    expect(secret.versionList.map((v: any) => v.labels)).toEqual([['AWSCURRENT'], ['AWSPREVIOUS']]);
    expect(secret.versionList[0]).toMatchObject({ valueType: 'string' });
    expect(secret.versionList[0].createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(details.text).not.toContain(VALUE);
    expect(details.text).not.toContain('"first"');
    const missing = await get('/_emulator/secrets/versions?cloud=aws&account=000000000000&region=us-east-1&name=nope');
    expect([missing.status, missing.json.error]).toEqual([404, 'NotFound']);
    expect((await get('/_emulator/secrets/versions?cloud=aws&name=app%2Fdb')).status).toBe(400);
  });

  it("reveals one version's value only when asked, not cached, and never logs it", async () => {
    const details = await get('/_emulator/secrets/versions?cloud=aws&account=000000000000&region=us-east-1&name=app%2Fdb');
    const current = details.json.secret.versionList[0].id;
    const value = await get(`/_emulator/secrets/value?cloud=aws&account=000000000000&region=us-east-1&name=app%2Fdb&versionId=${current}`);
    expect([value.status, value.json]).toEqual([200, { versionId: current, type: 'string', value: VALUE }]);
    expect(value.headers['cache-control']).toBe('no-store');
    const missing = await get('/_emulator/secrets/value?cloud=aws&account=000000000000&region=us-east-1&name=app%2Fdb&versionId=nope');
    expect(missing.status).toBe(404);
    const log = await get('/_emulator/requests');
    expect(log.json.requests.map((r: any) => r.action)).toContain('GET /_emulator/secrets/value');
    expect(log.text).not.toContain(VALUE);
    expect(log.text).not.toContain('versionId');
  });

  it('reading through the inspector leaves the secret as it was (no last-read time)', async () => {
    const path = '/_emulator/secrets/versions?cloud=tencent&account=100000000001&region=ap-guangzhou&name=tc-one';
    const before = (await get(path)).json.secret;
    await get(`/_emulator/secrets/value?cloud=tencent&account=100000000001&region=ap-guangzhou&name=tc-one&versionId=${encodeURIComponent(before.versionList[0].id)}`);
    expect((await get(path)).json.secret).toEqual(before);
  });

  it('logs in and out without a token configured as a no-op, and the page works without a session', async () => {
    const login = await rawCall(server().url, 'POST', '/_emulator/ui/session', { 'content-type': 'application/json' }, '{"token":"anything"}');
    expect([login.status, login.json.status, login.headers['set-cookie']]).toEqual([200, 'open', undefined]);
  });

  it('keeps the guard on the new routes: another origin or Host is refused', async () => {
    for (const path of ['/_emulator/ui', '/_emulator/secrets', '/_emulator/requests/stream']) {
      expect((await rawCall(server().url, 'GET', path, { origin: 'http://evil.example' })).status).toBe(403);
      expect((await rawCall(server().url, 'GET', path, { host: 'evil.example' })).status).toBe(403);
      expect((await rawCall(server().url, 'GET', path, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    }
  });
});
