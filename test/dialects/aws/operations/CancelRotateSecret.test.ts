import { randomUUID } from 'node:crypto';
import { CancelRotateSecretCommand, CreateSecretCommand, DeleteSecretCommand, DescribeSecretCommand, RotateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { MESSAGES } from '../../../../dialects/aws/messages.js';
import { awsClient, sdkError, STORES, useServer } from '../../../helpers/server.js';

const GENERIC_FUNCTION = 'arn:aws:lambda:us-east-1:000000000000:function:rotate-generic';

describe.each(STORES)('CancelRotateSecret (%s store)', (kind) => {
  const server = useServer(kind, { rotationLambdas: { [GENERIC_FUNCTION]: 'polysecret:generic' } });
  const client = () => awsClient(server().url);

  it('turns rotation off and answers ARN and Name, with no VersionId when no rotation is unfinished', async () => {
    const { ARN } = await client().send(new CreateSecretCommand({ Name: 'db', SecretString: 's' }));
    await client().send(new RotateSecretCommand({ SecretId: 'db', ClientRequestToken: randomUUID(), RotationLambdaARN: GENERIC_FUNCTION, RotationRules: { AutomaticallyAfterDays: 7 } }));
    const response = await client().send(new CancelRotateSecretCommand({ SecretId: 'db' }));
    expect(response).toMatchObject({ ARN, Name: 'db' });
    expect(response.VersionId).toBeUndefined();
    const described = await client().send(new DescribeSecretCommand({ SecretId: 'db' }));
    expect(described).toMatchObject({ RotationEnabled: false, RotationLambdaARN: GENERIC_FUNCTION, RotationRules: { AutomaticallyAfterDays: 7 } });
    expect(described.NextRotationDate).toBeUndefined();
    expect(described.LastRotatedDate).toBeInstanceOf(Date);
  });

  it('answers as the other writes do for a missing secret and one marked for deletion', async () => {
    const missing = await sdkError(client().send(new CancelRotateSecretCommand({ SecretId: 'nope' })));
    expect([missing.name, missing.message]).toEqual(['ResourceNotFoundException', MESSAGES.secretNotFound]);
    await client().send(new CreateSecretCommand({ Name: 'gone', SecretString: 's' }));
    await client().send(new DeleteSecretCommand({ SecretId: 'gone' }));
    const deleted = await sdkError(client().send(new CancelRotateSecretCommand({ SecretId: 'gone' })));
    expect([deleted.name, deleted.message]).toEqual(['InvalidRequestException', MESSAGES.markedForDeletion]);
  });
});
