import { CreateSecretCommand, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { awsClient, startServer } from '../../helpers/server.js';
import { rawCall, readEvents } from '../../helpers/rawHttp.js';

const VALUE = 'streamed-value-must-not-appear-77';
type Event = { id?: string; event?: string; data: string };
const actions = (events: Event[]) => events.map((event) => JSON.parse(event.data).action as string);

describe('GET /_emulator/requests/stream', () => {
  it('sends the remembered requests, then each new one as it is answered, never a value', async () => {
    const server = await startServer('memory');
    try {
      const aws = awsClient(server.url);
      await aws.send(new CreateSecretCommand({ Name: 'streamed', SecretString: VALUE }));
      const stream = await readEvents(
        server.url,
        '/_emulator/requests/stream',
        {},
        (events) => actions(events).includes('GetSecretValue'),
        () => void aws.send(new GetSecretValueCommand({ SecretId: 'streamed' })),
      );
      expect(stream.status).toBe(200);
      expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      expect(stream.headers['cache-control']).toBe('no-store');
      expect(actions(stream.events)).toEqual(['CreateSecret', 'GetSecretValue']);
      expect(stream.events.map((event) => [event.id, event.event])).toEqual([['1', 'request'], ['2', 'request']]);
      expect(JSON.parse(stream.events[1].data)).toMatchObject({ cloud: 'aws', namespace: '000000000000/us-east-1', status: 200 });
      expect(Object.keys(JSON.parse(stream.events[1].data)).sort()).toEqual(['action', 'cloud', 'durationMs', 'namespace', 'status', 'time']);
      expect(stream.raw).toContain('retry: 2000');
      expect(stream.raw).not.toContain(VALUE);
    } finally {
      await server.stop();
    }
  });

  it('resumes after Last-Event-ID, as a reconnecting EventSource asks', async () => {
    const server = await startServer('memory');
    try {
      for (const name of ['a', 'b', 'c']) await awsClient(server.url).send(new CreateSecretCommand({ Name: name, SecretString: VALUE }));
      const stream = await readEvents(server.url, '/_emulator/requests/stream', { 'last-event-id': '2' }, (events) => events.length >= 1, undefined, 500);
      expect(stream.events.map((event) => event.id)).toEqual(['3']);
    } finally {
      await server.stop();
    }
  });

  it('keeps two servers in one process apart', async () => {
    const [one, two] = await Promise.all([startServer('memory'), startServer('memory')]);
    try {
      await awsClient(one.url).send(new CreateSecretCommand({ Name: 'only-on-one', SecretString: VALUE }));
      const onTwo = await readEvents(two.url, '/_emulator/requests/stream', {}, () => false, () => void awsClient(one.url).send(new GetSecretValueCommand({ SecretId: 'only-on-one' })), 700);
      expect(onTwo.events).toEqual([]);
      const onOne = await readEvents(one.url, '/_emulator/requests/stream', {}, (events) => events.length >= 2);
      expect(actions(onOne.events)).toEqual(['CreateSecret', 'GetSecretValue']);
    } finally {
      await Promise.all([one.stop(), two.stop()]);
    }
  });

  it('a stop ends open streams at once', async () => {
    const server = await startServer('memory');
    let opened!: () => void;
    const open = new Promise<void>((resolve) => (opened = resolve));
    const reading = readEvents(server.url, '/_emulator/requests/stream', {}, () => false, opened, 10_000);
    await open;
    const started = Date.now();
    await server.stop();
    // Well inside the 1.5 s grace a request in flight gets: the stream did not hold the stop up.
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await reading).status).toBe(200);
  });

  it('is an admin route: the guard applies (another origin is refused)', async () => {
    const server = await startServer('memory');
    try {
      const refused = await rawCall(server.url, 'GET', '/_emulator/requests/stream', { origin: 'http://localhost:9999' });
      expect([refused.status, refused.json.error]).toEqual([403, 'ForbiddenOrigin']);
    } finally {
      await server.stop();
    }
  });
});
