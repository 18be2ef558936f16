import { copyFile, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateSecretCommand, GetSecretValueCommand, TagResourceCommand } from '@aws-sdk/client-secrets-manager';
import type { Browser, Page } from 'puppeteer-core';
import { alibabaClient } from '../../helpers/alibaba.js';
import { describeWithBrowser, launchChromium } from '../../helpers/browser.js';
import { awsClient, startServer, type TestServer } from '../../helpers/server.js';
import { tencentClient } from '../../helpers/tencent.js';

const TOKEN = 'inspector-browser-test-token';
const AWS_KEY = { accessKeyId: 'AKIAINSPECTORTEST001', secretAccessKey: 'inspector-test-secret' };
/** Set to 1 to refresh the README's picture (docs/inspector.png) from the second test. */
const WRITE_DOCS_SCREENSHOT = 'POLYSECRET_WRITE_DOCS_SCREENSHOT';
const DOCS_SCREENSHOT = fileURLToPath(new URL('../../../docs/inspector.png', import.meta.url));

/** The text of every element matching `selector`. */
const texts = (page: Page, selector: string) => page.$$eval(selector, (elements) => elements.map((element) => element.textContent ?? ''));

describeWithBrowser('the web inspector in headless Chromium', (executablePath) => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    browser = await launchChromium(executablePath);
    dir = await mkdtemp(join(tmpdir(), 'polysecret-inspector-'));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('logs in with the token, shows an SDK-made secret and its call, reveals the value on click and moves the clock', async () => {
    const credentialsFile = join(dir, 'credentials.json');
    await writeFile(credentialsFile, JSON.stringify({ aws: [{ ...AWS_KEY, accountId: '111122223333' }], admin: { token: TOKEN } }));
    const server = await startServer('memory', { auth: 'strict', credentialsFile });
    const page = await browser.newPage();
    const scriptErrors: string[] = [];
    page.on('pageerror', (error) => scriptErrors.push(String(error)));
    try {
      const first = await page.goto(`${server.url}/_emulator/ui`);
      expect(first?.status()).toBe(401);
      await page.type('#token', 'not-the-token-at-all');
      await page.click('#login button');
      await page.waitForFunction(() => document.querySelector('#login-problem')?.textContent !== '');
      await page.$eval('#token', (input) => ((input as HTMLInputElement).value = ''));
      await page.type('#token', TOKEN);
      await Promise.all([page.waitForNavigation(), page.click('#login button')]);
      await page.waitForSelector('#log-state.live');

      const aws = awsClient(server.url, AWS_KEY);
      await aws.send(new CreateSecretCommand({ Name: 'browser/db-password', SecretString: 'browser-value-8c1f' }));
      await aws.send(new TagResourceCommand({ SecretId: 'browser/db-password', Tags: [{ Key: 'team', Value: '<b>payments</b>' }] }));
      await page.waitForFunction(() => [...document.querySelectorAll('#secret-list .name')].some((name) => name.textContent === 'browser/db-password'));
      await page.waitForFunction(() => [...document.querySelectorAll('#log-rows tr.call td:nth-child(3)')].some((cell) => cell.textContent === 'CreateSecret'));
      expect(await texts(page, '#secret-list .namespace')).toEqual(['111122223333 · us-east-1']);

      await page.click('#secret-list li.secret');
      await page.waitForSelector('#secret-details table.versions button[data-version]');
      // The tag is shown as text: its markup is not parsed.
      expect(await texts(page, '#secret-details table.tags td')).toEqual(['<b>payments</b>']);
      expect(await texts(page, '#secret-details .label')).toEqual(['AWSCURRENT']);
      expect(await page.content()).not.toContain('browser-value-8c1f');
      await page.click('#secret-details button[data-version]');
      await page.waitForSelector('#secret-details code.value');
      expect(await texts(page, '#secret-details code.value')).toEqual(['browser-value-8c1f']);

      const before = await page.$eval('#clock', (clock) => clock.textContent ?? '');
      await page.click('button[data-advance="86400"]');
      await page.waitForFunction((shown) => document.querySelector('#clock')?.textContent !== shown, {}, before);
      const after = await page.$eval('#clock', (clock) => clock.textContent ?? '');
      const movedHours = (Date.parse(`${after.replace(' ', 'T')}Z`) - Date.parse(`${before.replace(' ', 'T')}Z`)) / 3_600_000;
      expect(movedHours).toBeGreaterThanOrEqual(24);
      expect(movedHours).toBeLessThan(24.1);

      const shot = join(dir, 'inspector-strict.png');
      await page.screenshot({ path: shot });
      expect((await stat(shot)).size).toBeGreaterThan(10_000);
      expect(scriptErrors).toEqual([]);
    } finally {
      await page.close();
      await server.stop();
    }
  }, 60_000);

  it('shows secrets of the three clouds and their calls (the README picture)', async () => {
    const server: TestServer = await startServer('memory');
    const page = await browser.newPage();
    try {
      await seedThreeClouds(server.url);
      const rule = { id: 'slow-tencent', match: { cloud: 'tencent', secretName: 'game-*' }, effect: { kind: 'latency', ms: 10 } };
      await fetch(`${server.url}/_emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(rule) });
      await page.goto(`${server.url}/_emulator/ui`);
      await page.waitForSelector('#log-state.live');
      await makeCalls(server.url);
      await page.waitForFunction(() => document.querySelectorAll('#secret-list li.secret').length === 7);
      await page.waitForFunction(() => document.querySelectorAll('#log-rows tr.call').length >= 6);
      await page.click('#secret-list li.secret[data-key="aws/000000000000/us-east-1/app/db-password"]');
      await page.waitForSelector('#secret-details button[data-version]');
      await page.click('#secret-details button[data-version]');
      await page.waitForSelector('#secret-details code.value');
      const shot = join(dir, 'inspector.png');
      await page.screenshot({ path: shot });
      expect((await stat(shot)).size).toBeGreaterThan(10_000);
      if (process.env[WRITE_DOCS_SCREENSHOT] === '1') await copyFile(shot, DOCS_SCREENSHOT);
    } finally {
      await page.close();
      await server.stop();
    }
  }, 60_000);

  it('lists, adds and removes fault rules through /_emulator/faults, and shows a rule\'s hits as an SDK meets it', async () => {
    const server: TestServer = await startServer('memory');
    const page = await browser.newPage();
    const faults = async () => ((await (await fetch(`${server.url}/_emulator/faults`)).json()) as { faults: Array<Record<string, unknown>> }).faults;
    try {
      const added = await fetch(`${server.url}/_emulator/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: 'f1', match: { cloud: 'aws', action: 'GetSecretValue', secretName: 'app-*' }, effect: { kind: 'throttle' }, times: 2 }),
      });
      expect(added.status).toBe(201);
      const aws = awsClient(server.url);
      await aws.send(new CreateSecretCommand({ Name: 'app-db', SecretString: 'v' }));
      // This client makes one attempt per call: the rule throttles two calls, then lets the third through.
      for (const _ of [1, 2]) await expect(aws.send(new GetSecretValueCommand({ SecretId: 'app-db' }))).rejects.toThrow('Rate exceeded');
      await aws.send(new GetSecretValueCommand({ SecretId: 'app-db' }));
      await page.goto(`${server.url}/_emulator/ui`);
      await page.waitForFunction(() => document.querySelectorAll('#fault-rows tr').length === 1);
      expect(await texts(page, '#fault-rows td')).toEqual(['aws', 'GetSecretValue', 'app-*', 'throttle', '2', '2', 'remove']);
      await page.select('#fault-form select[name=cloud]', 'tencent');
      await page.type('#fault-form input[name=secret]', 'db-*');
      await page.select('#fault-form select[name=effect]', 'error');
      await page.type('#fault-form input[name=detail]', 'ServiceUnavailable');
      await page.type('#fault-form input[name=times]', '3');
      await page.click('#fault-form button[type=submit]');
      await page.waitForFunction(() => document.querySelectorAll('#fault-rows tr').length === 2);
      expect((await faults()).at(-1)).toMatchObject({ match: { cloud: 'tencent', secretName: 'db-*' }, effect: { kind: 'error', code: 'ServiceUnavailable' }, times: 3, hits: 0 });
      await page.click('#fault-rows tr:first-child button');
      await page.waitForFunction(() => document.querySelectorAll('#fault-rows tr').length === 1);
      expect((await faults()).map((rule) => rule.id)).not.toContain('f1');
      expect(await texts(page, '#fault-rows td')).toEqual(['tencent', '*', 'db-*', 'error ServiceUnavailable', '3', '0', 'remove']);
    } finally {
      await page.close();
      await server.stop();
    }
  }, 60_000);

  it('uploads a seed file (YAML) and resets, showing the secrets come and go', async () => {
    const server: TestServer = await startServer('memory');
    const page = await browser.newPage();
    try {
      const seedFile = join(dir, 'seed.yaml');
      await writeFile(seedFile, 'multiCloud:\n  - clouds: [aws, tencent]\n    name: uploaded-key\n    versions: [{ value: from-a-file }]\n');
      await page.goto(`${server.url}/_emulator/ui`);
      await page.waitForSelector('#log-state.live');
      const [chooser] = await Promise.all([page.waitForFileChooser(), page.click('#seed')]);
      await chooser.accept([seedFile]);
      await page.waitForFunction(() => document.querySelectorAll('#secret-list li.secret').length === 2);
      expect(await texts(page, '#secret-list .name')).toEqual(['uploaded-key', 'uploaded-key']);
      expect(server.polysecret.engine.all().map((record) => record.namespace.cloud).sort()).toEqual(['aws', 'tencent']);
      // Reset asks first; the test agrees.
      page.once('dialog', (dialog) => void dialog.accept());
      await page.click('#reset');
      await page.waitForFunction(() => document.querySelectorAll('#secret-list li.secret').length === 0);
      expect(server.polysecret.engine.all()).toEqual([]);
    } finally {
      await page.close();
      await server.stop();
    }
  }, 60_000);

  it('says fault injection is not available when the server has no such route', async () => {
    const server: TestServer = await startServer('memory');
    const page = await browser.newPage();
    try {
      // A server without the feature answers its route 404, like any unknown admin route.
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        if (new URL(request.url()).pathname !== '/_emulator/faults') return void request.continue();
        void request.respond({ status: 404, contentType: 'application/json', body: JSON.stringify({ error: 'NotFound', message: 'no admin route GET /_emulator/faults' }) });
      });
      await page.goto(`${server.url}/_emulator/ui`);
      await page.waitForFunction(() => document.querySelector('#faults-note')?.textContent !== '');
      expect(await page.$eval('#faults-note', (note) => note.textContent)).toBe('fault injection not available on this server');
      expect(await page.$eval('#fault-form', (form) => getComputedStyle(form).display)).toBe('none');
    } finally {
      await page.close();
      await server.stop();
    }
  }, 60_000);
});

/** A few secrets in each cloud, some with several versions and tags, as a seed document. */
async function seedThreeClouds(url: string): Promise<void> {
  const seed = {
    aws: {
      '000000000000': {
        'us-east-1': [
          { name: 'app/db-password', description: 'orders database', tags: { team: 'payments', env: 'dev' }, versions: [{ value: 'first-pass' }, { value: 'hunter2-rotated' }] },
          { name: 'app/api-key', versions: [{ value: 'ak-123' }] },
        ],
        'eu-west-1': [{ name: 'reports/smtp', versions: [{ value: 'smtp-pass' }] }],
      },
    },
    alibaba: { '1234567890123456': { 'cn-hangzhou': [{ name: 'shop-redis', tags: { owner: 'shop' }, versions: [{ value: 'redis-pass' }] }] } },
    tencent: { '100000000001': { 'ap-guangzhou': [{ name: 'game-token', versions: [{ value: 'tok-1' }] }] } },
  };
  const response = await fetch(`${url}/_emulator/seed`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(seed) });
  expect(response.status).toBe(200);
}

/** Calls through each vendor's SDK, one failing, so the log shows a mix. */
async function makeCalls(url: string): Promise<void> {
  const aws = awsClient(url);
  await aws.send(new GetSecretValueCommand({ SecretId: 'app/db-password' }));
  await aws.send(new CreateSecretCommand({ Name: 'app/session-key', SecretString: 'sk-9' }));
  await aws.send(new GetSecretValueCommand({ SecretId: 'app/missing' })).catch(() => undefined);
  const kms = alibabaClient(url, 'kms20160120');
  await kms('GetSecretValue', { SecretName: 'shop-redis' });
  await kms('CreateSecret', { SecretName: 'shop-payments', VersionId: 'v1', SecretData: 'pay-1' });
  const ssm = tencentClient(url);
  await ssm.GetSecretValue({ SecretName: 'game-token', VersionId: 'tok-1' }).catch(() => undefined);
  await ssm.ListSecrets({});
}
