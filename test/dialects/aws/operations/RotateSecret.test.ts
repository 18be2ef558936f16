import { RotateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { describeNotSupported } from '../../../helpers/awsNotSupported.js';

const FULL_INPUT = {
  SecretId: 'app/db',
  ClientRequestToken: 'a1b2c3d4-0000-4000-8000-000000000009',
  RotationLambdaARN: 'arn:aws:lambda:us-east-1:000000000000:function:rotate',
  RotationRules: { AutomaticallyAfterDays: 7 },
};

describeNotSupported('RotateSecret', FULL_INPUT, (client) => client.send(new RotateSecretCommand(FULL_INPUT)));
