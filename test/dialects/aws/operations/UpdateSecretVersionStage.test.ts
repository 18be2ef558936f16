import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  ListSecretVersionIdsCommand,
  PutSecretValueCommand,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { awsClient, rawAws, sdkError, STORES, useServer } from '../../../helpers/server.js';
import { recorded } from '../../../helpers/awsRecordings.js';

// Recorded real-AWS responses, used only to compare shapes (which members are present).
type Json = Record<string, any>;

/**
 * The recorded version → stages map, with the recording's `<version_uuid:n>` placeholders
 * replaced by our ids (in the order given). The recording sorts lists, so stages are sorted.
 */
function recordedStages(test: string, key: string, ids: string[]): Record<string, string[]> {
  const versions = recorded(test, key).Versions as Json[];
  return Object.fromEntries(
    versions.map((version) => {
      const n = Number(/^<version_uuid:(\d+)>$/.exec(version.VersionId)![1]);
      return [ids[n - 1], [...(version.VersionStages ?? [])].sort()];
    }),
  );
}

const keysOf = (value: object) => Object.keys(value).sort();
const token = (n: number) => `EXAMPLE${n}-90ab-cdef-fedc-ba987EXAMPLE`;
const UNKNOWN_VERSION = 'UNKNOWN0-90ab-cdef-fedc-ba987EXAMPLE';
const NOT_FOUND = "Secrets Manager can't find the specified secret.";
const INVALID_NAME = 'Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!';
const MARKED_FOR_DELETION = "You can't perform this operation on the secret because it was marked for deletion.";
const removeFromRequired = (label: string, versionId: string) =>
  `The parameter RemoveFromVersionId can't be empty. Staging label ${label} is currently attached to version ${versionId}, so you must explicitly reference that version in RemoveFromVersionId.`;

describe.each(STORES)('UpdateSecretVersionStage (%s store)', (kind) => {
  const server = useServer(kind);
  const client = () => awsClient(server().url);
  const updateRaw = (input: object) => rawAws(server().url, 'UpdateSecretVersionStage', input);

  async function create(name: string, value = 'S1'): Promise<string> {
    const { ARN } = await client().send(new CreateSecretCommand({ Name: name, SecretString: value, ClientRequestToken: token(1) }));
    return ARN!;
  }

  async function put(name: string, n: number, value: string, VersionStages?: string[]): Promise<void> {
    await client().send(new PutSecretValueCommand({ SecretId: name, SecretString: value, ClientRequestToken: token(n), VersionStages }));
  }

  async function move(name: string, VersionStage: string, MoveToVersionId?: string, RemoveFromVersionId?: string): Promise<void> {
    await client().send(new UpdateSecretVersionStageCommand({ SecretId: name, VersionStage, MoveToVersionId, RemoveFromVersionId }));
  }

  /** Labelled versions and their (sorted) stages, as ListSecretVersionIds reports them. */
  async function stages(name: string): Promise<Record<string, string[]>> {
    const { Versions } = await client().send(new ListSecretVersionIdsCommand({ SecretId: name }));
    return Object.fromEntries(Versions!.map((version) => [version.VersionId!, [...version.VersionStages!].sort()]));
  }

  describe('moving labels', () => {
    it('answers with ARN and Name only [rec]', async () => {
      const arn = await create('rt');
      await put('rt', 2, 'S2', ['AWSPENDING']);
      const response = await updateRaw({ SecretId: 'rt', VersionStage: 'AWSCURRENT', MoveToVersionId: token(2), RemoveFromVersionId: token(1) });
      expect(response.status).toBe(200);
      expect(response.json).toEqual({ ARN: arn, Name: 'rt' });
      expect(keysOf(response.json)).toEqual(keysOf(recorded('test_update_secret_version_stages_return_type', 'update_secret_version_stage_res_0')));
    });

    it('moves AWSCURRENT: the old version gets AWSPREVIOUS and AWSPENDING stays on the new one [rec]', async () => {
      await create('cp', 'Something1');
      await put('cp', 2, 'Something2', ['AWSPENDING']);
      const ids = [token(1), token(2)];
      expect(await stages('cp')).toEqual(recordedStages('test_update_secret_version_stages_current_pending', 'list_secret_version_ids_res_0', ids));

      await move('cp', 'AWSCURRENT', token(2), token(1));
      expect(await stages('cp')).toEqual({ [token(1)]: ['AWSPREVIOUS'], [token(2)]: ['AWSCURRENT', 'AWSPENDING'] });
      expect(await stages('cp')).toEqual(recordedStages('test_update_secret_version_stages_current_pending', 'list_secret_version_ids_res_1', ids));

      const current = await client().send(new GetSecretValueCommand({ SecretId: 'cp' }));
      expect(current.SecretString).toBe('Something2');
      expect([...current.VersionStages!].sort()).toEqual(['AWSCURRENT', 'AWSPENDING']);
      const described = await client().send(new DescribeSecretCommand({ SecretId: 'cp' }));
      expect(Object.keys(described.VersionIdsToStages!).sort()).toEqual(ids);
    });

    it('runs a rotation cycle twice; the oldest version loses AWSPREVIOUS [rec]', async () => {
      const test = 'test_update_secret_version_stages_current_pending_cycle';
      const ids = [token(1), token(2), token(3)];
      await create('cycle', 'S1');
      await put('cycle', 2, 'S2', ['AWSPENDING']);
      await move('cycle', 'AWSCURRENT', token(2), token(1));
      expect(await stages('cycle')).toEqual(recordedStages(test, 'list_secret_version_ids_res_1', ids));

      await put('cycle', 3, 'S3', ['AWSPENDING']);
      expect(await stages('cycle')).toEqual({ [token(1)]: ['AWSPREVIOUS'], [token(2)]: ['AWSCURRENT'], [token(3)]: ['AWSPENDING'] });
      expect(await stages('cycle')).toEqual(recordedStages(test, 'list_secret_version_ids_res_2', ids));
      expect((await client().send(new GetSecretValueCommand({ SecretId: 'cycle' }))).SecretString).toBe('S2');

      await move('cycle', 'AWSCURRENT', token(3), token(2));
      expect(await stages('cycle')).toEqual({ [token(2)]: ['AWSPREVIOUS'], [token(3)]: ['AWSCURRENT', 'AWSPENDING'] });
      expect(await stages('cycle')).toEqual(recordedStages(test, 'list_secret_version_ids_res_3', ids));
      expect((await client().send(new GetSecretValueCommand({ SecretId: 'cycle' }))).SecretString).toBe('S3');
    });

    it('carries custom labels along: they stay where they are when AWSCURRENT moves [rec]', async () => {
      const test = 'test_update_secret_version_stages_current_pending_cycle_custom_stages_1';
      const ids = [token(1), token(2), token(3)];
      await create('custom1', 'S1');
      await put('custom1', 2, 'S2', ['AWSSOMETHING', 'AWSPENDING', 'PUT1']);
      expect(await stages('custom1')).toEqual(recordedStages(test, 'list_secret_version_ids_res_0', ids));
      await move('custom1', 'AWSCURRENT', token(2), token(1));
      expect(await stages('custom1')).toEqual(recordedStages(test, 'list_secret_version_ids_res_1', ids));
      await put('custom1', 3, 'S3', ['AWSPENDING', 'PUT2']);
      expect(await stages('custom1')).toEqual(recordedStages(test, 'list_secret_version_ids_res_2', ids));
      await move('custom1', 'AWSCURRENT', token(3), token(2));
      expect(await stages('custom1')).toEqual({
        [token(2)]: ['AWSPREVIOUS', 'AWSSOMETHING', 'PUT1'],
        [token(3)]: ['AWSCURRENT', 'AWSPENDING', 'PUT2'],
      });
      expect(await stages('custom1')).toEqual(recordedStages(test, 'list_secret_version_ids_res_3', ids));
    });

    it('leaves a version with only a custom label listed after it loses AWSPREVIOUS [rec]', async () => {
      const test = 'test_update_secret_version_stages_current_pending_cycle_custom_stages_2';
      // The recording names the create's version <version_uuid:1>; the first put is 2, and so on.
      const ids = [token(1), token(2), token(3), token(4)];
      await create('custom2', 'SS');
      await put('custom2', 2, 'S1', ['AWSCURRENT', 'PUT0']);
      expect(await stages('custom2')).toEqual(recordedStages(test, 'list_secret_version_ids_res_0', ids));
      await put('custom2', 3, 'S2', ['AWSPENDING', 'PUT1']);
      expect(await stages('custom2')).toEqual(recordedStages(test, 'list_secret_version_ids_res_1', ids));
      await move('custom2', 'AWSCURRENT', token(3), token(2));
      expect(await stages('custom2')).toEqual(recordedStages(test, 'list_secret_version_ids_res_2', ids));
      await put('custom2', 4, 'S3', ['AWSPENDING', 'PUT2']);
      expect(await stages('custom2')).toEqual(recordedStages(test, 'list_secret_version_ids_res_3', ids));
      await move('custom2', 'AWSCURRENT', token(4), token(3));
      expect(await stages('custom2')).toEqual({
        [token(2)]: ['PUT0'],
        [token(3)]: ['AWSPREVIOUS', 'PUT1'],
        [token(4)]: ['AWSCURRENT', 'AWSPENDING', 'PUT2'],
      });
      expect(await stages('custom2')).toEqual(recordedStages(test, 'list_secret_version_ids_res_4', ids));
    });

    it('detaches a label with a remove-only call [rec]', async () => {
      await create('detach', 'SS');
      await put('detach', 2, 'S1', ['PENDING']);
      await move('detach', 'AWSCURRENT', token(2), token(1));
      let v2 = await client().send(new GetSecretValueCommand({ SecretId: 'detach', VersionId: token(2) }));
      expect([...v2.VersionStages!].sort()).toEqual(['AWSCURRENT', 'PENDING']);

      await move('detach', 'PENDING', undefined, token(2));
      v2 = await client().send(new GetSecretValueCommand({ SecretId: 'detach', VersionId: token(2) }));
      expect(v2.VersionStages).toEqual(['AWSCURRENT']);
      const v1 = await client().send(new GetSecretValueCommand({ SecretId: 'detach', VersionId: token(1) }));
      expect(v1.VersionStages).toEqual(['AWSPREVIOUS']);
      const recordedV2 = recorded('test_update_secret_version_stages_current_pending_cycle_custom_stages_3', 'get_secret_value_v2_rs_2');
      expect(v2.VersionStages).toEqual(recordedV2.VersionStages);
    });

    it('leaves a version deprecated when its only label is removed', async () => {
      await create('orphan');
      await put('orphan', 2, 'S2', ['ONLY']);
      await move('orphan', 'ONLY', undefined, token(2));
      expect(await stages('orphan')).toEqual({ [token(1)]: ['AWSCURRENT'] });
    });

    it('moves a custom label without touching AWSPREVIOUS', async () => {
      await create('custom');
      await put('custom', 2, 'S2');
      await put('custom', 3, 'S3', ['MYLABEL']);
      expect(await stages('custom')).toEqual({ [token(1)]: ['AWSPREVIOUS'], [token(2)]: ['AWSCURRENT'], [token(3)]: ['MYLABEL'] });

      await move('custom', 'MYLABEL', token(1), token(3));
      expect(await stages('custom')).toEqual({ [token(1)]: ['AWSPREVIOUS', 'MYLABEL'], [token(2)]: ['AWSCURRENT'] });
    });

    it('rolls back: moving AWSCURRENT onto the AWSPREVIOUS version swaps the two', async () => {
      await create('rollback', 'old');
      await put('rollback', 2, 'new');
      await move('rollback', 'AWSCURRENT', token(1), token(2));
      expect(await stages('rollback')).toEqual({ [token(1)]: ['AWSCURRENT'], [token(2)]: ['AWSPREVIOUS'] });
      expect((await client().send(new GetSecretValueCommand({ SecretId: 'rollback' }))).SecretString).toBe('old');
    });

    it('attaches a label that no version holds without RemoveFromVersionId', async () => {
      await create('attach');
      await put('attach', 2, 'S2', ['AWSPENDING']);
      await move('attach', 'NEWLABEL', token(2));
      expect(await stages('attach')).toEqual({ [token(1)]: ['AWSCURRENT'], [token(2)]: ['AWSPENDING', 'NEWLABEL'] });
    });

    it('accepts moving a label onto the version that already holds it', async () => {
      await create('same');
      await move('same', 'AWSCURRENT', token(1));
      expect(await stages('same')).toEqual({ [token(1)]: ['AWSCURRENT'] });
    });

    it('finds the secret by full and partial ARN', async () => {
      const arn = await create('by-arn');
      await put('by-arn', 2, 'S2', ['AWSPENDING']);
      const byArn = await updateRaw({ SecretId: arn, VersionStage: 'AWSPENDING', MoveToVersionId: token(1), RemoveFromVersionId: token(2) });
      expect(byArn.json).toEqual({ ARN: arn, Name: 'by-arn' });
      const byPartial = await updateRaw({
        SecretId: arn.slice(0, -7),
        VersionStage: 'AWSPENDING',
        MoveToVersionId: token(2),
        RemoveFromVersionId: token(1),
      });
      expect(byPartial.json).toEqual({ ARN: arn, Name: 'by-arn' });
      expect(await stages('by-arn')).toEqual({ [token(1)]: ['AWSCURRENT'], [token(2)]: ['AWSPENDING'] });
    });
  });

  describe('errors', () => {
    it('refuses to move a label attached elsewhere without RemoveFromVersionId, changing nothing [rec]', async () => {
      await create('guarded');
      await put('guarded', 2, 'S2', ['AWSPENDING']);
      const response = await updateRaw({ SecretId: 'guarded', VersionStage: 'AWSCURRENT', MoveToVersionId: token(2) });
      expect(response.status).toBe(400);
      expect(response.headers.get('x-amzn-errortype')).toBe('InvalidParameterException');
      expect(response.json).toEqual({ __type: 'InvalidParameterException', Message: removeFromRequired('AWSCURRENT', token(1)) });
      expect(await stages('guarded')).toEqual({ [token(1)]: ['AWSCURRENT'], [token(2)]: ['AWSPENDING'] });

      const error = await sdkError(
        client().send(new UpdateSecretVersionStageCommand({ SecretId: 'guarded', VersionStage: 'AWSPENDING', MoveToVersionId: token(1) })),
      );
      expect(error.name).toBe('InvalidParameterException');
      expect(error.message).toBe(removeFromRequired('AWSPENDING', token(2)));
    });

    it('refuses a RemoveFromVersionId that does not hold the label', async () => {
      await create('wrong-holder');
      await put('wrong-holder', 2, 'S2', ['AWSPENDING']);
      const response = await updateRaw({
        SecretId: 'wrong-holder',
        VersionStage: 'AWSCURRENT',
        MoveToVersionId: token(2),
        RemoveFromVersionId: token(2),
      });
      expect(response.status).toBe(400);
      expect(response.json).toEqual({
        __type: 'InvalidParameterException',
        Message: `The staging label AWSCURRENT is not attached to version ${token(2)}, so it can't be removed from it.`,
      });
      expect(await stages('wrong-holder')).toEqual({ [token(1)]: ['AWSCURRENT'], [token(2)]: ['AWSPENDING'] });
    });

    it.each([
      ['MoveToVersionId', { MoveToVersionId: UNKNOWN_VERSION, RemoveFromVersionId: token(1) }],
      ['RemoveFromVersionId', { MoveToVersionId: token(1), RemoveFromVersionId: UNKNOWN_VERSION }],
    ])('answers an unknown %s with ResourceNotFoundException', async (_member, ids) => {
      await create('unknown-version');
      const response = await updateRaw({ SecretId: 'unknown-version', VersionStage: 'AWSCURRENT', ...ids });
      expect(response.status).toBe(400);
      expect(response.json).toEqual({
        __type: 'ResourceNotFoundException',
        Message: `Secrets Manager can't find the specified secret value for VersionId: ${UNKNOWN_VERSION}`,
      });
      expect(await stages('unknown-version')).toEqual({ [token(1)]: ['AWSCURRENT'] });
    });

    it('refuses a secret scheduled for deletion with InvalidRequestException', async () => {
      await create('doomed');
      await put('doomed', 2, 'S2', ['AWSPENDING']);
      await client().send(new DeleteSecretCommand({ SecretId: 'doomed' }));
      const response = await updateRaw({ SecretId: 'doomed', VersionStage: 'AWSCURRENT', MoveToVersionId: token(2), RemoveFromVersionId: token(1) });
      expect(response.status).toBe(400);
      expect(response.json).toEqual({ __type: 'InvalidRequestException', Message: MARKED_FOR_DELETION });
      expect(await stages('doomed')).toEqual({ [token(1)]: ['AWSCURRENT'], [token(2)]: ['AWSPENDING'] });
    });

    it('refuses a 21st label on a version with LimitExceededException, changing nothing', async () => {
      const twenty = Array.from({ length: 20 }, (_, i) => `L${i + 1}`);
      await create('full');
      await put('full', 2, 'S2', twenty);
      await put('full', 3, 'S3', ['SPARE']);
      for (const input of [
        { VersionStage: 'EXTRA', MoveToVersionId: token(2) },
        { VersionStage: 'SPARE', MoveToVersionId: token(2), RemoveFromVersionId: token(3) },
        { VersionStage: 'AWSCURRENT', MoveToVersionId: token(2), RemoveFromVersionId: token(1) },
      ]) {
        const response = await updateRaw({ SecretId: 'full', ...input });
        expect(response.status).toBe(400);
        expect(response.json).toEqual({
          __type: 'LimitExceededException',
          Message: 'You can attach at most 20 staging labels to one version of a secret.',
        });
      }
      expect(await stages('full')).toEqual({ [token(1)]: ['AWSCURRENT'], [token(2)]: [...twenty].sort(), [token(3)]: ['SPARE'] });

      // Re-attaching a label the version already has adds nothing, so it is allowed.
      await move('full', 'L1', token(2));
      // With one label off, the 20th fits again.
      await move('full', 'L20', undefined, token(2));
      await move('full', 'AWSCURRENT', token(2), token(1));
      expect((await stages('full'))[token(2)]).toHaveLength(20);
    });

    it('counts labels after the move: a rollback onto a full AWSPREVIOUS version swaps one label for another', async () => {
      await create('full-rollback');
      await put('full-rollback', 2, 'S2');
      for (let i = 1; i <= 19; i++) await move('full-rollback', `L${i}`, token(1));
      expect((await stages('full-rollback'))[token(1)]).toHaveLength(20);
      await move('full-rollback', 'AWSCURRENT', token(1), token(2));
      const after = await stages('full-rollback');
      expect(after[token(1)]).toHaveLength(20);
      expect(after[token(1)]).toContain('AWSCURRENT');
      expect(after[token(1)]).not.toContain('AWSPREVIOUS');
      expect(after[token(2)]).toEqual(['AWSPREVIOUS']);
    });

    it('answers an unknown secret with a 400 ResourceNotFoundException', async () => {
      const response = await updateRaw({ SecretId: 'nope', VersionStage: 'AWSCURRENT', MoveToVersionId: token(1) });
      expect(response.status).toBe(400);
      expect(response.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
      expect(response.json).toEqual({ __type: 'ResourceNotFoundException', Message: NOT_FOUND });
    });

    it('rejects an invalid name with ValidationException', async () => {
      const response = await updateRaw({ SecretId: ' Inv*Name? ', VersionStage: 'AWSCURRENT' });
      expect(response.status).toBe(400);
      expect(response.json).toEqual({ __type: 'ValidationException', Message: INVALID_NAME });
    });

    it('requires SecretId and VersionStage', async () => {
      const missingStage = await updateRaw({ SecretId: 'x' });
      expect(missingStage.json).toEqual({
        __type: 'ValidationException',
        Message: "1 validation error detected: Value null at 'versionStage' failed to satisfy constraint: Member must not be null",
      });
      const missingBoth = await updateRaw({});
      expect(missingBoth.json).toEqual({
        __type: 'ValidationException',
        Message:
          "2 validation errors detected: Value null at 'secretId' failed to satisfy constraint: Member must not be null; " +
          "Value null at 'versionStage' failed to satisfy constraint: Member must not be null",
      });
    });

    it('checks the length of version ids and of the label', async () => {
      const shortId = await updateRaw({ SecretId: 'x', VersionStage: 'AWSCURRENT', MoveToVersionId: 'short' });
      expect(shortId.json).toEqual({
        __type: 'ValidationException',
        Message: "1 validation error detected: Value 'short' at 'moveToVersionId' failed to satisfy constraint: Member must have length greater than or equal to 32",
      });
      const longLabel = 'L'.repeat(257);
      const response = await updateRaw({ SecretId: 'x', VersionStage: longLabel, RemoveFromVersionId: token(1) });
      expect(response.json).toEqual({
        __type: 'ValidationException',
        Message: `1 validation error detected: Value '${longLabel}' at 'versionStage' failed to satisfy constraint: Member must have length less than or equal to 256`,
      });
    });
  });
});
