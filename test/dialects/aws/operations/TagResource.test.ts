import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  ListSecretsCommand,
  TagResourceCommand,
  type Tag,
} from '@aws-sdk/client-secrets-manager';
import { awsClient, rawAws, sdkError, STORES, useServer } from '../../../helpers/server.js';
import { recorded } from '../../../helpers/awsRecordings.js';

// Recorded real-AWS responses, used only to compare shapes (which members are present).
type Json = Record<string, any>;

const keysOf = (value: object) => Object.keys(value).sort();
const NOT_FOUND = "Secrets Manager can't find the specified secret.";
const INVALID_NAME = 'Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!';
const MARKED_FOR_DELETION = "You can't perform this operation on the secret because it was marked for deletion.";

describe.each(STORES)('TagResource (%s store)', (kind) => {
  const server = useServer(kind);
  const client = () => awsClient(server().url);
  const tagRaw = (input: object) => rawAws(server().url, 'TagResource', input);
  const tag = (SecretId: string, Tags: Tag[]) => client().send(new TagResourceCommand({ SecretId, Tags }));
  const tagsOf = async (SecretId: string) => (await rawAws(server().url, 'DescribeSecret', { SecretId })).json.Tags;

  describe('tagging', () => {
    it('answers an empty JSON object [rec]', async () => {
      await client().send(new CreateSecretCommand({ Name: 'empty-answer' }));
      const response = await tagRaw({ SecretId: 'empty-answer', Tags: [{ Key: 'tag1', Value: 'value1' }] });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
      expect(response.json).toEqual({});
      expect(response.json).toEqual(recorded('test_secret_tags', 'tag_resource_1'));
    });

    it('adds tags call by call, keeping insertion order [rec]', async () => {
      await client().send(new CreateSecretCommand({ Name: 'sequence' }));
      expect(await tagsOf('sequence')).toBeUndefined();
      await tag('sequence', [{ Key: 'tag1', Value: 'value1' }]);
      expect(await tagsOf('sequence')).toEqual([{ Key: 'tag1', Value: 'value1' }]);
      await tag('sequence', [{ Key: 'tag2', Value: 'value2' }]);
      const described = (await rawAws(server().url, 'DescribeSecret', { SecretId: 'sequence' })).json;
      expect(described.Tags).toEqual([
        { Key: 'tag1', Value: 'value1' },
        { Key: 'tag2', Value: 'value2' },
      ]);
      expect(keysOf(described)).toEqual(keysOf(recorded('test_secret_tags', 'describe_secret_2')));
      expect(described.Tags.map(keysOf)).toEqual(recorded('test_secret_tags', 'describe_secret_2').Tags.map(keysOf));
    });

    it('keeps the order of several tags given at once, not sorting them', async () => {
      await client().send(new CreateSecretCommand({ Name: 'order', SecretString: 'v' }));
      await tag('order', [
        { Key: 'zeta', Value: '1' },
        { Key: 'alpha', Value: '2' },
        { Key: 'mid', Value: '3' },
      ]);
      expect(await tagsOf('order')).toEqual([
        { Key: 'zeta', Value: '1' },
        { Key: 'alpha', Value: '2' },
        { Key: 'mid', Value: '3' },
      ]);
    });

    it('overwrites the value of an existing key in place and appends new keys', async () => {
      await client().send(new CreateSecretCommand({ Name: 'overwrite', Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }] }));
      await tag('overwrite', [
        { Key: 'a', Value: 'changed' },
        { Key: 'c', Value: '3' },
      ]);
      expect(await tagsOf('overwrite')).toEqual([
        { Key: 'a', Value: 'changed' },
        { Key: 'b', Value: '2' },
        { Key: 'c', Value: '3' },
      ]);
    });

    it('treats keys case-sensitively and accepts an empty value', async () => {
      await client().send(new CreateSecretCommand({ Name: 'case' }));
      await tag('case', [
        { Key: 'Env', Value: 'A' },
        { Key: 'env', Value: '' },
      ]);
      expect(await tagsOf('case')).toEqual([
        { Key: 'Env', Value: 'A' },
        { Key: 'env', Value: '' },
      ]);
    });

    it('stores hostile keys such as __proto__ and constructor as ordinary tags', async () => {
      await client().send(new CreateSecretCommand({ Name: 'hostile', SecretString: 'v' }));
      const hostile = [
        { Key: '__proto__', Value: 'polluted' },
        { Key: 'constructor', Value: 'prototype' },
        { Key: 'toString', Value: 'x' },
        { Key: 'hasOwnProperty', Value: 'y' },
      ];
      await tag('hostile', hostile);
      expect(await tagsOf('hostile')).toEqual(hostile);
      const described = await client().send(new DescribeSecretCommand({ SecretId: 'hostile' }));
      expect(described.Tags).toEqual(hostile);
      // Nothing leaked onto shared prototypes.
      expect(({} as Json).polluted).toBeUndefined();
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);

      await tag('hostile', [{ Key: '__proto__', Value: 'again' }]);
      expect((await tagsOf('hostile'))[0]).toEqual({ Key: '__proto__', Value: 'again' });

      const listed = await client().send(new ListSecretsCommand({ Filters: [{ Key: 'tag-key', Values: ['__proto__'] }] }));
      expect(listed.SecretList!.map((s) => s.Name)).toEqual(['hostile']);
      const byValue = await client().send(new ListSecretsCommand({ Filters: [{ Key: 'tag-value', Values: ['prototype'] }] }));
      expect(byValue.SecretList!.map((s) => s.Name)).toEqual(['hostile']);
    });

    it('shows the tags in ListSecrets too', async () => {
      await client().send(new CreateSecretCommand({ Name: 'listed' }));
      await tag('listed', [{ Key: 'k', Value: 'v' }]);
      const { json } = await rawAws(server().url, 'ListSecrets', {});
      expect(json.SecretList[0].Tags).toEqual([{ Key: 'k', Value: 'v' }]);
    });

    it('leaves versions alone', async () => {
      const created = await client().send(new CreateSecretCommand({ Name: 'versions', SecretString: 'v' }));
      await tag('versions', [{ Key: 'k', Value: 'v' }]);
      const described = await client().send(new DescribeSecretCommand({ SecretId: 'versions' }));
      expect(described.VersionIdsToStages).toEqual({ [created.VersionId!]: ['AWSCURRENT'] });
    });

    it('finds the secret by full and partial ARN', async () => {
      const { ARN } = await client().send(new CreateSecretCommand({ Name: 'Valid/_+=.@-Name-a1b2c3-' }));
      await tag(ARN!, [{ Key: 'full', Value: '1' }]);
      await tag(ARN!.slice(0, -7), [{ Key: 'partial', Value: '2' }]);
      expect(await tagsOf('Valid/_+=.@-Name-a1b2c3-')).toEqual([
        { Key: 'full', Value: '1' },
        { Key: 'partial', Value: '2' },
      ]);
    });
  });

  describe('errors', () => {
    it('refuses a secret scheduled for deletion with InvalidRequestException, changing nothing [rec]', async () => {
      await client().send(new CreateSecretCommand({ Name: 'doomed', SecretString: 'v', Tags: [{ Key: 'a', Value: '1' }] }));
      await client().send(new DeleteSecretCommand({ SecretId: 'doomed' }));
      const response = await tagRaw({ SecretId: 'doomed', Tags: [{ Key: 'b', Value: '2' }] });
      expect(response.status).toBe(400);
      expect(response.headers.get('x-amzn-errortype')).toBe('InvalidRequestException');
      expect(response.json).toEqual({ __type: 'InvalidRequestException', Message: MARKED_FOR_DELETION });
      expect(recorded('test_tag_untag_resource_on_deleted_secret', 'tag_deleted_secret_error').Error).toEqual({
        Code: response.json.__type,
        Message: response.json.Message,
      });
      expect(await tagsOf('doomed')).toEqual([{ Key: 'a', Value: '1' }]);

      const error = await sdkError(tag('doomed', [{ Key: 'b', Value: '2' }]));
      expect(error.name).toBe('InvalidRequestException');
      expect(error.$metadata.httpStatusCode).toBe(400);
    });

    it('answers an unknown secret with a 400 ResourceNotFoundException', async () => {
      const response = await tagRaw({ SecretId: 'nope', Tags: [{ Key: 'a', Value: '1' }] });
      expect(response.status).toBe(400);
      expect(response.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
      expect(response.json).toEqual({ __type: 'ResourceNotFoundException', Message: NOT_FOUND });
    });

    it('rejects an invalid name with ValidationException', async () => {
      const response = await tagRaw({ SecretId: 'Inv Name', Tags: [{ Key: 'a', Value: '1' }] });
      expect(response.status).toBe(400);
      expect(response.json).toEqual({ __type: 'ValidationException', Message: INVALID_NAME });
    });

    it('requires SecretId and Tags', async () => {
      expect((await tagRaw({ SecretId: 'x' })).json).toEqual({
        __type: 'ValidationException',
        Message: "1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null",
      });
      expect((await tagRaw({ Tags: [] })).json).toEqual({
        __type: 'ValidationException',
        Message: "1 validation error detected: Value null at 'secretId' failed to satisfy constraint: Member must not be null",
      });
    });

    it('checks the length of tag keys and values', async () => {
      const longKey = 'k'.repeat(129);
      expect((await tagRaw({ SecretId: 'x', Tags: [{ Key: 'ok', Value: '1' }, { Key: longKey, Value: '1' }] })).json).toEqual({
        __type: 'ValidationException',
        Message: `1 validation error detected: Value '${longKey}' at 'tags.2.member.key' failed to satisfy constraint: Member must have length less than or equal to 128`,
      });
      const longValue = 'v'.repeat(257);
      expect((await tagRaw({ SecretId: 'x', Tags: [{ Key: 'k', Value: longValue }] })).json).toEqual({
        __type: 'ValidationException',
        Message: `1 validation error detected: Value '${longValue}' at 'tags.1.member.value' failed to satisfy constraint: Member must have length less than or equal to 256`,
      });
      expect((await tagRaw({ SecretId: 'x', Tags: [{ Key: '', Value: 'v' }] })).json).toEqual({
        __type: 'ValidationException',
        Message: "1 validation error detected: Value '' at 'tags.1.member.key' failed to satisfy constraint: Member must have length greater than or equal to 1",
      });
    });
  });
});
