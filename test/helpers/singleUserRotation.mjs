// A rotation function with the logic of AWS's single-user rotation template, in JavaScript, for the
// tests: it calls Secrets Manager back through the AWS SDK v3 exactly as a deployed function would.
// It reaches polysecret through the SDK's own endpoint setting (AWS_ENDPOINT_URL_SECRETS_MANAGER);
// "setting" the password on the service is simulated by remembering it (see `service`).
import {
  DescribeSecretCommand,
  GetRandomPasswordCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';

/** The passwords the simulated service accepts, by secret ARN: what setSecret set and testSecret logs in with. */
export const service = new Map();

const client = () => new SecretsManagerClient({});

export async function handler(event) {
  const { SecretId: arn, ClientRequestToken: token, Step: step } = event;
  const sm = client();
  const metadata = await sm.send(new DescribeSecretCommand({ SecretId: arn }));
  if (!metadata.RotationEnabled) throw new Error(`Secret ${arn} is not enabled for rotation`);
  const versions = metadata.VersionIdsToStages ?? {};
  if (!(token in versions)) throw new Error(`Secret version ${token} has no stage for rotation of secret ${arn}.`);
  if (versions[token].includes('AWSCURRENT')) return;
  if (!versions[token].includes('AWSPENDING')) throw new Error(`Secret version ${token} not set as AWSPENDING for rotation of secret ${arn}.`);
  if (step === 'createSecret') return createSecret(sm, arn, token);
  if (step === 'setSecret') return setSecret(sm, arn, token);
  if (step === 'testSecret') return testSecret(sm, arn, token);
  if (step === 'finishSecret') return finishSecret(sm, arn, token, versions);
  throw new Error('Invalid step parameter');
}

async function createSecret(sm, arn, token) {
  const current = await sm.send(new GetSecretValueCommand({ SecretId: arn, VersionStage: 'AWSCURRENT' }));
  try {
    await sm.send(new GetSecretValueCommand({ SecretId: arn, VersionId: token, VersionStage: 'AWSPENDING' }));
    return;
  } catch (error) {
    if (error.name !== 'ResourceNotFoundException') throw error;
  }
  const { RandomPassword } = await sm.send(new GetRandomPasswordCommand({ ExcludeCharacters: '/@"\'\\' }));
  const secret = { ...JSON.parse(current.SecretString), password: RandomPassword };
  await sm.send(new PutSecretValueCommand({ SecretId: arn, ClientRequestToken: token, SecretString: JSON.stringify(secret), VersionStages: ['AWSPENDING'] }));
}

async function pendingSecret(sm, arn, token) {
  const pending = await sm.send(new GetSecretValueCommand({ SecretId: arn, VersionId: token, VersionStage: 'AWSPENDING' }));
  return JSON.parse(pending.SecretString);
}

async function setSecret(sm, arn, token) {
  service.set(arn, (await pendingSecret(sm, arn, token)).password);
}

async function testSecret(sm, arn, token) {
  const { password } = await pendingSecret(sm, arn, token);
  if (service.has(arn) && service.get(arn) !== password) throw new Error(`Unable to log into the service with the pending password of ${arn}`);
}

async function finishSecret(sm, arn, token, versions) {
  const current = Object.keys(versions).find((id) => versions[id].includes('AWSCURRENT'));
  if (current === token) return;
  await sm.send(new UpdateSecretVersionStageCommand({ SecretId: arn, VersionStage: 'AWSCURRENT', MoveToVersionId: token, RemoveFromVersionId: current }));
}

/** The same function on a service that refuses every new password: setSecret fails. */
export async function failingHandler(event) {
  if (event.Step === 'setSecret') throw new Error('the service refused the new password');
  return handler(event);
}
