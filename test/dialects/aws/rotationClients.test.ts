/**
 * AWS rotation driven from Python clients, as users of boto3 and the aws CLI drive it: the same
 * server, rotation functions run through a local module and the built-in rotator.
 */
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { findPythonClients, hermeticAwsEnv, withClient } from '../../helpers/pythonClients.js';
import { ROTATION_MODULE, rotationModule, startInvokeApi, useFunctionEnvironment, type InvokeApi } from '../../helpers/rotation.js';
import { useServer } from '../../helpers/server.js';

const run = promisify(execFile);
const FILE_FUNCTION = 'arn:aws:lambda:us-east-1:000000000000:function:rotate-file';
const GENERIC_FUNCTION = 'arn:aws:lambda:us-east-1:000000000000:function:rotate-generic';
const REMOTE_FUNCTION = 'arn:aws:lambda:us-east-1:000000000000:function:rotate-remote';
/** Each kind of target, by the function ARN mapped to it. */
const INVOKERS = [
  ['a local module', FILE_FUNCTION],
  ['the Lambda Invoke API', REMOTE_FUNCTION],
  ['the built-in rotator', GENERIC_FUNCTION],
] as const;

// Looked up before the tests are declared, since whether they run depends on it.
const clients = await findPythonClients();

describe('rotation from boto3 and the aws CLI', () => {
  let invokeApi: InvokeApi;
  const rotationLambdas: Record<string, string> = { [FILE_FUNCTION]: `file:${ROTATION_MODULE}#handler`, [GENERIC_FUNCTION]: 'polysecret:generic' };
  beforeAll(async () => {
    invokeApi = await startInvokeApi({ 'rotate-remote': (await rotationModule()).handler });
    rotationLambdas[REMOTE_FUNCTION] = invokeApi.url;
  });
  afterAll(() => invokeApi.stop());
  const server = useServer('memory', { rotationLambdas });
  useFunctionEnvironment(() => server().url);

  describe.each(INVOKERS)('through %s', (_label, functionArn) => {
    withClient(clients.aws, 'the aws CLI rotates, and get-secret-value reads the new value', async (aws) => {
      const hermetic = await hermeticAwsEnv(aws);
      try {
        const env = { ...hermetic.env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_DEFAULT_REGION: 'us-east-1' };
        const cli = async (...args: string[]) => JSON.parse((await run('aws', ['--endpoint-url', server().url, 'secretsmanager', ...args, '--output', 'json'], { env, timeout: 60_000 })).stdout);
        const name = `cli/${functionArn.split(':').at(-1)}`;
        await cli('create-secret', '--name', name, '--secret-string', '{"username":"app","password":"first"}');
        const { VersionId } = await cli('rotate-secret', '--secret-id', name, '--rotation-lambda-arn', functionArn);
        const read = await cli('get-secret-value', '--secret-id', name);
        expect(read.VersionId).toBe(VersionId);
        expect(JSON.parse(read.SecretString)).toEqual({ username: 'app', password: expect.not.stringMatching(/^first$/) });
      } finally {
        await hermetic.dispose();
      }
    });

    withClient(clients.python, 'boto3 rotates, and get_secret_value reads the new value', async (python) => {
      const name = `boto3/${functionArn.split(':').at(-1)}`;
      const code = [
        'import boto3, json',
        `client = boto3.client('secretsmanager', endpoint_url='${server().url}', region_name='us-east-1', aws_access_key_id='test', aws_secret_access_key='test')`,
        `client.create_secret(Name='${name}', SecretString=json.dumps({'username': 'app', 'password': 'first'}))`,
        `rotated = client.rotate_secret(SecretId='${name}', RotationLambdaARN='${functionArn}')`,
        `value = client.get_secret_value(SecretId='${name}')`,
        "print(json.dumps({'same': rotated['VersionId'] == value['VersionId'], 'secret': json.loads(value['SecretString'])}))",
      ].join('\n');
      const { stdout } = await run(python, ['-c', code], { env: { PATH: process.env.PATH, HOME: tmpdir(), AWS_EC2_METADATA_DISABLED: 'true' }, timeout: 60_000 });
      expect(JSON.parse(stdout)).toEqual({ same: true, secret: { username: 'app', password: expect.not.stringMatching(/^first$/) } });
    });
  });

  withClient(clients.aws, 'the aws CLI rotates with a local module function and describes the rotation', async (aws) => {
    const hermetic = await hermeticAwsEnv(aws);
    try {
      const env = { ...hermetic.env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_DEFAULT_REGION: 'us-east-1' };
      const cli = async (...args: string[]) => (await run('aws', ['--endpoint-url', server().url, 'secretsmanager', ...args, '--output', 'json'], { env, timeout: 60_000 })).stdout;
      await cli('create-secret', '--name', 'cli/db', '--secret-string', '{"username":"app","password":"first"}');
      const rotated = JSON.parse(await cli('rotate-secret', '--secret-id', 'cli/db', '--rotation-lambda-arn', FILE_FUNCTION, '--rotation-rules', 'AutomaticallyAfterDays=30'));
      const described = JSON.parse(await cli('describe-secret', '--secret-id', 'cli/db'));
      expect(described).toMatchObject({ RotationEnabled: true, RotationLambdaARN: FILE_FUNCTION, RotationRules: { AutomaticallyAfterDays: 30 } });
      expect(described.VersionIdsToStages[rotated.VersionId]).toEqual(['AWSCURRENT']);
      // The CLI prints dates as ISO 8601; the next window closes at the end of the 30th UTC day from today.
      expect(Date.parse(described.NextRotationDate)).toBeGreaterThan(Date.now() + 29 * 86_400_000);
      const value = JSON.parse(JSON.parse(await cli('get-secret-value', '--secret-id', 'cli/db')).SecretString);
      expect(value.username).toBe('app');
      expect(value.password).not.toBe('first');
    } finally {
      await hermetic.dispose();
    }
  });

  withClient(clients.python, 'boto3 rotates with the built-in rotator, cancels, and sees rotation off', async (python) => {
    const code = [
      'import boto3, json, uuid',
      `client = boto3.client('secretsmanager', endpoint_url='${server().url}', region_name='us-east-1', aws_access_key_id='test', aws_secret_access_key='test')`,
      "client.create_secret(Name='boto3/db', SecretString='first')",
      `rotated = client.rotate_secret(SecretId='boto3/db', RotationLambdaARN='${GENERIC_FUNCTION}', RotationRules={'ScheduleExpression': 'rate(7 days)', 'Duration': '3h'})`,
      "value = client.get_secret_value(SecretId='boto3/db')",
      "client.cancel_rotate_secret(SecretId='boto3/db')",
      "described = client.describe_secret(SecretId='boto3/db')",
      "print(json.dumps({'token': rotated['VersionId'], 'version': value['VersionId'], 'changed': value['SecretString'] != 'first', 'enabled': described['RotationEnabled'], 'rules': described['RotationRules']}))",
    ].join('\n');
    const env = { PATH: process.env.PATH, HOME: tmpdir(), AWS_EC2_METADATA_DISABLED: 'true' };
    const { stdout } = await run(python, ['-c', code], { env, timeout: 60_000 });
    const result = JSON.parse(stdout);
    expect(result).toEqual({ token: result.version, version: expect.any(String), changed: true, enabled: false, rules: { ScheduleExpression: 'rate(7 days)', Duration: '3h' } });
  });
});
