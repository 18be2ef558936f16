import { CancelRotateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { describeNotSupported } from '../../../helpers/awsNotSupported.js';

const FULL_INPUT = { SecretId: 'app/db' };

describeNotSupported('CancelRotateSecret', FULL_INPUT, (client) => client.send(new CancelRotateSecretCommand(FULL_INPUT)));
