import { randomUUID } from 'node:crypto';
import {
  CancelRotateSecretCommand,
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  ListSecretVersionIdsCommand,
  RotateSecretCommand,
  UpdateSecretVersionStageCommand,
  type DescribeSecretCommandOutput,
} from '@aws-sdk/client-secrets-manager';
import { MESSAGES } from '../../../../dialects/aws/messages.js';
import { recorded, recordedKeys } from '../../../helpers/awsRecordings.js';
import { ROTATION_MODULE, rotationModule, startInvokeApi, useFunctionEnvironment, type InvokeApi } from '../../../helpers/rotation.js';
import { awsClient, rawAws, sdkError, STORES, useServer } from '../../../helpers/server.js';

const ACCOUNT = '000000000000';
const lambdaArn = (name: string) => `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${name}`;
const FILE_FUNCTION = lambdaArn('rotate-file');
const FAILING_FUNCTION = lambdaArn('rotate-failing');
const GENERIC_FUNCTION = lambdaArn('rotate-generic');
const INVOKE_API_FUNCTION = lambdaArn('rotate-remote');
const MISSING_REMOTE_FUNCTION = lambdaArn('not-deployed');
const DOWN_FUNCTION = lambdaArn('nobody-listening');
const UNMAPPED_FUNCTION = lambdaArn('unmapped');
const DAY_S = 86_400;
const CREDENTIALS = { username: 'app', password: 'first-password', host: 'db.internal' };

const stages = (described: DescribeSecretCommandOutput) =>
  Object.fromEntries(Object.entries(described.VersionIdsToStages ?? {}).map(([id, labels]) => [id, [...labels].sort()]));

describe.each(STORES)('RotateSecret (%s store)', (kind) => {
  let invokeApi: InvokeApi;
  const rotationLambdas: Record<string, string> = {
    [FILE_FUNCTION]: `file:${ROTATION_MODULE}#handler`,
    [FAILING_FUNCTION]: `file:${ROTATION_MODULE}#failingHandler`,
    [GENERIC_FUNCTION]: 'polysecret:generic',
    // Port 9 (discard) is closed here: nothing answers.
    [DOWN_FUNCTION]: 'http://127.0.0.1:9',
  };
  // Before the server starts, which reads the map: the Invoke API's port is known only once it listens.
  beforeAll(async () => {
    const { handler } = await rotationModule();
    invokeApi = await startInvokeApi({ 'rotate-remote': handler });
    rotationLambdas[INVOKE_API_FUNCTION] = invokeApi.url;
    rotationLambdas[MISSING_REMOTE_FUNCTION] = invokeApi.url;
  });
  afterAll(() => invokeApi.stop());
  const server = useServer(kind, { rotationLambdas });
  useFunctionEnvironment(() => server().url);
  const client = () => awsClient(server().url);

  beforeEach(() => {
    invokeApi.invocations.length = 0;
  });

  async function create(name: string, value: string = JSON.stringify(CREDENTIALS)): Promise<{ ARN: string; VersionId: string }> {
    const created = await client().send(new CreateSecretCommand({ Name: name, SecretString: value, Description: 'testing rotation of secrets' }));
    return { ARN: created.ARN!, VersionId: created.VersionId! };
  }

  const rotate = (SecretId: string, extra: Partial<ConstructorParameters<typeof RotateSecretCommand>[0]> = {}) =>
    client().send(new RotateSecretCommand({ SecretId, ClientRequestToken: randomUUID(), ...extra }));
  const describe_ = (SecretId: string) => client().send(new DescribeSecretCommand({ SecretId }));
  const current = async (SecretId: string) => client().send(new GetSecretValueCommand({ SecretId }));

  describe.each([
    ['a local module (file:)', FILE_FUNCTION],
    ['the Lambda Invoke API', INVOKE_API_FUNCTION],
  ])('through %s', (_label, functionArn) => {
    it('runs the four steps and leaves the secret as AWS does after a successful rotation', async () => {
      const { ARN, VersionId: first } = await create('db/app');
      const token = randomUUID();
      const response = await rotate('db/app', { ClientRequestToken: token, RotationLambdaARN: functionArn, RotationRules: { AutomaticallyAfterDays: 1 } });
      expect(response).toMatchObject({ ARN, Name: 'db/app', VersionId: token });
      const described = await describe_('db/app');
      // The members real AWS shows after a rotation [rec] (LastAccessedDate: the recording's function read the value the day before).
      const members = recordedKeys('test_rotate_secret_with_lambda_success[True]', 'describe_secret_rotated');
      expect(Object.keys(described).filter((key) => key !== '$metadata').sort()).toEqual(members);
      expect(described).toMatchObject({ RotationEnabled: true, RotationLambdaARN: functionArn, RotationRules: { AutomaticallyAfterDays: 1 } });
      expect(stages(described)).toEqual({ [first]: ['AWSPREVIOUS'], [token]: ['AWSCURRENT'] });
      const rotated = JSON.parse((await current('db/app')).SecretString!);
      expect(rotated).toMatchObject({ username: 'app', host: 'db.internal' });
      expect(rotated.password).not.toBe(CREDENTIALS.password);
      expect((await rotationModule()).service.get(ARN)).toBe(rotated.password);
      expect(described.LastRotatedDate!.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
      expect(described.NextRotationDate!.getTime()).toBeGreaterThan(described.LastRotatedDate!.getTime());
    });
  });

  it('sends the Invoke API the documented event, step by step, to the function the ARN names', async () => {
    const { ARN } = await create('db/events');
    const token = randomUUID();
    await rotate('db/events', { ClientRequestToken: token, RotationLambdaARN: `${INVOKE_API_FUNCTION}:live` });
    expect(invokeApi.invocations.map((call) => [call.functionName, call.qualifier, call.event.Step])).toEqual(
      ['createSecret', 'setSecret', 'testSecret', 'finishSecret'].map((step) => ['rotate-remote', 'live', step]),
    );
    for (const { event } of invokeApi.invocations) {
      expect(Object.keys(event).sort()).toEqual(['ClientRequestToken', 'RotationToken', 'SecretId', 'Step']);
      expect(event).toMatchObject({ SecretId: ARN, ClientRequestToken: token });
    }
  });

  it('rotates with the built-in generic rotator: a JSON value keeps its shape, any other value is replaced', async () => {
    await create('db/generic');
    await create('plain', 'just-a-password');
    await rotate('db/generic', { RotationLambdaARN: GENERIC_FUNCTION });
    await rotate('plain', { RotationLambdaARN: GENERIC_FUNCTION });
    const json = JSON.parse((await current('db/generic')).SecretString!);
    expect(json).toMatchObject({ username: 'app', host: 'db.internal' });
    expect(json.password).toMatch(/^[^/@"'\\]{32}$/);
    expect((await current('plain')).SecretString).toMatch(/^[^/@"'\\]{32}$/);
  });

  it('reuses the stored function and rules when called again without them [obs: localstack#12144]', async () => {
    await create('again');
    await rotate('again', { RotationLambdaARN: FILE_FUNCTION, RotationRules: { AutomaticallyAfterDays: 3 } });
    const token = randomUUID();
    await rotate('again', { ClientRequestToken: token });
    const described = await describe_('again');
    expect(described).toMatchObject({ RotationLambdaARN: FILE_FUNCTION, RotationRules: { AutomaticallyAfterDays: 3 } });
    expect(stages(described)[token]).toEqual(['AWSCURRENT']);
  });

  it('with RotateImmediately false only tests the function and sets the schedule, keeping the versions', async () => {
    const { VersionId } = await create('later');
    await rotate('later', { RotationLambdaARN: INVOKE_API_FUNCTION, RotationRules: { ScheduleExpression: 'rate(10 days)' }, RotateImmediately: false });
    expect(invokeApi.invocations.map((call) => call.event.Step)).toEqual(['testSecret']);
    const described = await describe_('later');
    expect(stages(described)).toEqual({ [VersionId]: ['AWSCURRENT'] });
    expect(described).toMatchObject({ RotationEnabled: true, RotationRules: { ScheduleExpression: 'rate(10 days)' } });
    expect(described.NextRotationDate).toBeInstanceOf(Date);
    expect(described.LastRotatedDate).toBeUndefined();
  });

  describe('refusals', () => {
    it('requires a token, with InvalidParameterException unlike the other writes [rec]', async () => {
      await create('no-token');
      const response = await rawAws(server().url, 'RotateSecret', { SecretId: 'no-token', RotationLambdaARN: FILE_FUNCTION });
      const expected = recorded('test_no_client_request_token[RotateSecret]', 'no-client-request-exc') as { Error: { Message: string; __type: string } };
      expect(response.status).toBe(400);
      expect(response.json).toEqual({ __type: expected.Error.__type, Message: expected.Error.Message });
    });

    it('needs a function, given or stored [rec]', async () => {
      await create('no-function');
      const error = await sdkError(rotate('no-function'));
      const expected = recorded('test_first_rotate_secret_with_missing_lambda_arn', 'rotate_secret_no_arn_exc') as { Error: { Code: string; Message: string } };
      expect([error.name, error.message]).toEqual([expected.Error.Code, expected.Error.Message]);
    });

    it.each([
      ['no target is mapped to the ARN', UNMAPPED_FUNCTION],
      ['the Invoke API has no such function', MISSING_REMOTE_FUNCTION],
      ['nothing listens at its Invoke API', DOWN_FUNCTION],
    ])('answers AccessDeniedException and saves nothing when %s [rec]', async (_case, functionArn) => {
      const { VersionId } = await create('denied');
      const error = await sdkError(rotate('denied', { RotationLambdaARN: functionArn, RotationRules: { AutomaticallyAfterDays: 1 } }));
      const expected = recorded('test_rotate_secret_invalid_lambda_arn', 'rotate_secret_invalid_arn_exc') as { Error: { Code: string; Message: string } };
      expect([error.name, error.message, error.$metadata.httpStatusCode]).toEqual([expected.Error.Code, expected.Error.Message, 400]);
      const described = await describe_('denied');
      expect(described.RotationEnabled).toBeUndefined();
      expect(described.RotationLambdaARN).toBeUndefined();
      expect(stages(described)).toEqual({ [VersionId]: ['AWSCURRENT'] });
    });

    it('leaves AWSPENDING where a failed step stopped, refuses the next rotation until it is cleared, then rotates', async () => {
      const { VersionId: first } = await create('stuck');
      const token = randomUUID();
      // The call itself succeeds: on AWS the steps run after it has answered.
      await rotate('stuck', { ClientRequestToken: token, RotationLambdaARN: FAILING_FUNCTION });
      expect(stages(await describe_('stuck'))).toEqual({ [first]: ['AWSCURRENT'], [token]: ['AWSPENDING'] });
      expect(JSON.parse((await current('stuck')).SecretString!)).toEqual(CREDENTIALS);
      const refused = await sdkError(rotate('stuck', { RotationLambdaARN: FILE_FUNCTION }));
      expect([refused.name, refused.message]).toEqual(['InvalidRequestException', MESSAGES.rotationInProgress]);
      const cancelled = await client().send(new CancelRotateSecretCommand({ SecretId: 'stuck' }));
      expect(cancelled.VersionId).toBe(token);
      await client().send(new UpdateSecretVersionStageCommand({ SecretId: 'stuck', VersionStage: 'AWSPENDING', RemoveFromVersionId: token }));
      const next = randomUUID();
      await rotate('stuck', { ClientRequestToken: next, RotationLambdaARN: FILE_FUNCTION });
      expect(stages(await describe_('stuck'))[next]).toEqual(['AWSCURRENT']);
    });

    it('refuses a secret marked for deletion and rules AWS would not take', async () => {
      await create('gone');
      await client().send(new DeleteSecretCommand({ SecretId: 'gone' }));
      const deleted = await sdkError(rotate('gone', { RotationLambdaARN: FILE_FUNCTION }));
      expect([deleted.name, deleted.message]).toEqual(['InvalidRequestException', MESSAGES.markedForDeletion]);
      await create('rules');
      for (const RotationRules of [{ AutomaticallyAfterDays: 2, ScheduleExpression: 'rate(2 days)' }, { ScheduleExpression: 'rate(2 hours)' }, { ScheduleExpression: 'every day' }, { AutomaticallyAfterDays: 2, Duration: '25h' }]) {
        const error = await sdkError(rotate('rules', { RotationLambdaARN: FILE_FUNCTION, RotationRules }));
        expect(error.name).toBe('InvalidParameterException');
      }
      expect((await describe_('rules')).RotationEnabled).toBeUndefined();
    });
  });

  describe('on the emulator clock', () => {
    async function advance(seconds: number): Promise<void> {
      const response = await fetch(`${server().url}/_emulator/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceSeconds: seconds }) });
      expect(response.status).toBe(200);
    }

    it('rotates once the next window opens: the read that finds it due sees the new value', async () => {
      await create('scheduled');
      await rotate('scheduled', { RotationLambdaARN: FILE_FUNCTION, RotationRules: { AutomaticallyAfterDays: 2 } });
      const after = await current('scheduled');
      await advance(DAY_S);
      expect((await current('scheduled')).VersionId).toBe(after.VersionId);
      await advance(2 * DAY_S);
      const rotated = await current('scheduled');
      expect(rotated.VersionId).not.toBe(after.VersionId);
      expect(rotated.VersionStages).toEqual(['AWSCURRENT']);
      const versions = await client().send(new ListSecretVersionIdsCommand({ SecretId: 'scheduled' }));
      expect(versions.Versions!.map((version) => version.VersionStages)).toEqual([['AWSPREVIOUS'], ['AWSCURRENT']]);
    });

    it('stops after CancelRotateSecret, which keeps the function and rules', async () => {
      await create('cancelled');
      await rotate('cancelled', { RotationLambdaARN: FILE_FUNCTION, RotationRules: { AutomaticallyAfterDays: 1 } });
      const before = await current('cancelled');
      const response = await client().send(new CancelRotateSecretCommand({ SecretId: 'cancelled' }));
      expect(response.VersionId).toBeUndefined();
      await advance(5 * DAY_S);
      expect((await current('cancelled')).VersionId).toBe(before.VersionId);
      const described = await describe_('cancelled');
      expect(described).toMatchObject({ RotationEnabled: false, RotationLambdaARN: FILE_FUNCTION, RotationRules: { AutomaticallyAfterDays: 1 } });
      expect(described.NextRotationDate).toBeUndefined();
    });
  });
});
