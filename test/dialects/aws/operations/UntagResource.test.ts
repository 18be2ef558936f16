import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  TagResourceCommand,
  UntagResourceCommand,
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

describe.each(STORES)('UntagResource (%s store)', (kind) => {
  const server = useServer(kind);
  const client = () => awsClient(server().url);
  const untagRaw = (input: object) => rawAws(server().url, 'UntagResource', input);
  const untag = (SecretId: string, TagKeys: string[]) => client().send(new UntagResourceCommand({ SecretId, TagKeys }));
  const describeRaw = async (SecretId: string) => (await rawAws(server().url, 'DescribeSecret', { SecretId })).json;

  async function tagged(name: string, tags: Tag[]): Promise<string> {
    const { ARN } = await client().send(new CreateSecretCommand({ Name: name }));
    await client().send(new TagResourceCommand({ SecretId: name, Tags: tags }));
    return ARN!;
  }

  describe('untagging', () => {
    it('answers an empty JSON object [rec]', async () => {
      await tagged('empty-answer', [{ Key: 'tag1', Value: 'value1' }]);
      const response = await untagRaw({ SecretId: 'empty-answer', TagKeys: ['tag1'] });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
      expect(response.json).toEqual({});
      expect(response.json).toEqual(recorded('test_secret_tags', 'untag_resource_1'));
    });

    it('removes tags one by one and shows Tags: [] once none are left [rec]', async () => {
      await tagged('sequence', [
        { Key: 'tag1', Value: 'value1' },
        { Key: 'tag2', Value: 'value2' },
      ]);
      await untag('sequence', ['tag1']);
      let described = await describeRaw('sequence');
      expect(described.Tags).toEqual([{ Key: 'tag2', Value: 'value2' }]);
      expect(keysOf(described)).toEqual(keysOf(recorded('test_secret_tags', 'describe_secret_3')));

      await untag('sequence', ['tag2']);
      described = await describeRaw('sequence');
      expect(described.Tags).toEqual([]);
      expect(described.Tags).toEqual(recorded('test_secret_tags', 'describe_secret_4').Tags);
      expect(keysOf(described)).toEqual(keysOf(recorded('test_secret_tags', 'describe_secret_4')));
      expect((await client().send(new DescribeSecretCommand({ SecretId: 'sequence' }))).Tags).toEqual([]);
    });

    it('removes several keys at once, and tags can be added again afterwards [rec]', async () => {
      await tagged('again', [
        { Key: 'tag3', Value: 'value3' },
        { Key: 'tag4', Value: 'value4' },
      ]);
      expect((await describeRaw('again')).Tags).toEqual(recorded('test_secret_tags', 'describe_secret_5').Tags);
      await untag('again', ['tag3', 'tag4']);
      expect((await describeRaw('again')).Tags).toEqual(recorded('test_secret_tags', 'describe_secret_6').Tags);
      await client().send(new TagResourceCommand({ SecretId: 'again', Tags: [{ Key: 'tag5', Value: 'value5' }] }));
      expect((await describeRaw('again')).Tags).toEqual([{ Key: 'tag5', Value: 'value5' }]);
    });

    it('keeps the order of the remaining tags', async () => {
      await tagged('order', [
        { Key: 'c', Value: '3' },
        { Key: 'a', Value: '1' },
        { Key: 'd', Value: '4' },
        { Key: 'b', Value: '2' },
      ]);
      await untag('order', ['a']);
      expect((await describeRaw('order')).Tags).toEqual([
        { Key: 'c', Value: '3' },
        { Key: 'd', Value: '4' },
        { Key: 'b', Value: '2' },
      ]);
    });

    it('ignores keys the secret does not have', async () => {
      await tagged('absent', [{ Key: 'keep', Value: '1' }]);
      const response = await untagRaw({ SecretId: 'absent', TagKeys: ['missing', 'KEEP'] });
      expect(response.status).toBe(200);
      expect(response.json).toEqual({});
      expect((await describeRaw('absent')).Tags).toEqual([{ Key: 'keep', Value: '1' }]);

      await untag('absent', ['missing', 'keep']);
      expect((await describeRaw('absent')).Tags).toEqual([]);
    });

    it('changes nothing with an empty key list', async () => {
      await tagged('noop', [{ Key: 'k', Value: 'v' }]);
      await untag('noop', []);
      expect((await describeRaw('noop')).Tags).toEqual([{ Key: 'k', Value: 'v' }]);
    });

    it('removes hostile keys such as __proto__ and constructor like any other', async () => {
      await tagged('hostile', [
        { Key: '__proto__', Value: 'a' },
        { Key: 'constructor', Value: 'b' },
        { Key: 'plain', Value: 'c' },
      ]);
      await untag('hostile', ['constructor']);
      expect((await describeRaw('hostile')).Tags).toEqual([
        { Key: '__proto__', Value: 'a' },
        { Key: 'plain', Value: 'c' },
      ]);
      await untag('hostile', ['__proto__', 'toString', 'hasOwnProperty']);
      expect((await describeRaw('hostile')).Tags).toEqual([{ Key: 'plain', Value: 'c' }]);
    });

    it('finds the secret by full and partial ARN', async () => {
      const arn = await tagged('by-arn', [
        { Key: 'a', Value: '1' },
        { Key: 'b', Value: '2' },
      ]);
      await untag(arn, ['a']);
      await untag(arn.slice(0, -7), ['b']);
      expect((await describeRaw('by-arn')).Tags).toEqual([]);
    });
  });

  describe('errors', () => {
    it('refuses a secret scheduled for deletion with InvalidRequestException, changing nothing [rec]', async () => {
      await tagged('doomed', [{ Key: 'a', Value: '1' }]);
      await client().send(new DeleteSecretCommand({ SecretId: 'doomed' }));
      const response = await untagRaw({ SecretId: 'doomed', TagKeys: ['a'] });
      expect(response.status).toBe(400);
      expect(response.headers.get('x-amzn-errortype')).toBe('InvalidRequestException');
      expect(response.json).toEqual({ __type: 'InvalidRequestException', Message: MARKED_FOR_DELETION });
      expect(recorded('test_tag_untag_resource_on_deleted_secret', 'untag_deleted_secret_error').Error).toEqual({
        Code: response.json.__type,
        Message: response.json.Message,
      });
      expect((await describeRaw('doomed')).Tags).toEqual([{ Key: 'a', Value: '1' }]);

      const error = await sdkError(untag('doomed', ['a']));
      expect(error.name).toBe('InvalidRequestException');
    });

    it('answers an unknown secret with a 400 ResourceNotFoundException', async () => {
      const response = await untagRaw({ SecretId: 'nope', TagKeys: ['a'] });
      expect(response.status).toBe(400);
      expect(response.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
      expect(response.json).toEqual({ __type: 'ResourceNotFoundException', Message: NOT_FOUND });
      const error = await sdkError(untag('nope', ['a']));
      expect(error.name).toBe('ResourceNotFoundException');
      expect(error.$metadata.httpStatusCode).toBe(400);
    });

    it('rejects an invalid name with ValidationException', async () => {
      const response = await untagRaw({ SecretId: ' Inv Name', TagKeys: ['a'] });
      expect(response.status).toBe(400);
      expect(response.json).toEqual({ __type: 'ValidationException', Message: INVALID_NAME });
    });

    it('requires SecretId and TagKeys', async () => {
      expect((await untagRaw({ SecretId: 'x' })).json).toEqual({
        __type: 'ValidationException',
        Message: "1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: Member must not be null",
      });
      expect((await untagRaw({ TagKeys: ['a'] })).json).toEqual({
        __type: 'ValidationException',
        Message: "1 validation error detected: Value null at 'secretId' failed to satisfy constraint: Member must not be null",
      });
    });

    it('checks the length of tag keys', async () => {
      const longKey = 'k'.repeat(129);
      expect((await untagRaw({ SecretId: 'x', TagKeys: ['ok', longKey] })).json).toEqual({
        __type: 'ValidationException',
        Message: `1 validation error detected: Value '${longKey}' at 'tagKeys.2.member' failed to satisfy constraint: Member must have length less than or equal to 128`,
      });
    });
  });
});
