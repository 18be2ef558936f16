import { ALIBABA_SDKS, alibabaClient } from '../../../helpers/alibaba.js';
import {
  arnOf,
  createSecret,
  describedTags,
  expectKmsError,
  expectRawError,
  expectRawXmlError,
  expectRequestIdOnly,
  rpc,
  scheduleDeletion,
  tagsJson,
  updateTimeOf,
  useKmsServer,
} from '../../../helpers/alibabaOperations.js';
import { STORES, useServer } from '../../../helpers/server.js';

const keys = (...names: string[]) => JSON.stringify(names);

describe.each(STORES)('UntagResource (%s store)', (kind) => {
  const server = useServer(kind);

  describe.each(ALIBABA_SDKS)('through %s', (sdk) => {
    const call = (params: Record<string, string>) => alibabaClient(server().url, sdk)('UntagResource', params);

    it('removes the named keys, keeps the others in order and answers only a RequestId', async () => {
      await createSecret(server().url, 'tagged', { Tags: tagsJson({ a: '1', b: '2', c: '3', d: '4' }) });
      const body = await call({ SecretName: 'tagged', TagKeys: keys('b', 'd') });
      expect(Object.keys(body)).toEqual(['RequestId']);
      expect(await describedTags(server().url, 'tagged')).toEqual([
        { TagKey: 'a', TagValue: '1' },
        { TagKey: 'c', TagValue: '3' },
      ]);
    });

    it('ignores keys the secret does not carry, matching keys case-sensitively', async () => {
      await createSecret(server().url, 'partial', { Tags: tagsJson({ Env: 'prod', team: 'core' }) });
      await call({ SecretName: 'partial', TagKeys: keys('env', 'absent', 'team') });
      expect(await describedTags(server().url, 'partial')).toEqual([{ TagKey: 'Env', TagValue: 'prod' }]);
    });

    it('succeeds on a secret without tags and accepts the secret ARN', async () => {
      await createSecret(server().url, 'bare');
      await createSecret(server().url, 'by-arn', { Tags: tagsJson({ x: '1' }) });
      await call({ SecretName: 'bare', TagKeys: keys('x') });
      expect(await describedTags(server().url, 'bare')).toEqual([]);
      await call({ SecretName: arnOf('by-arn'), TagKeys: keys('x') });
      expect(await describedTags(server().url, 'by-arn')).toEqual([]);
    });

    it('answers Forbidden.ResourceNotFound (404) for an unknown secret, a KeyId or a CertificateId', async () => {
      await expectKmsError(sdk, call({ SecretName: 'missing', TagKeys: keys('a') }), 'Forbidden.ResourceNotFound', 404);
      await expectKmsError(sdk, call({ KeyId: 'key-1', TagKeys: keys('a') }), 'Forbidden.ResourceNotFound', 404);
      await expectKmsError(sdk, call({ CertificateId: 'cert-1', TagKeys: keys('a') }), 'Forbidden.ResourceNotFound', 404);
    });

    it('refuses naming a secret and a certificate at once (InvalidParameter), keeping the tags', async () => {
      await createSecret(server().url, 'both', { Tags: tagsJson({ a: '1' }) });
      await expectKmsError(sdk, call({ SecretName: 'both', CertificateId: 'cert-1', TagKeys: keys('a') }), 'InvalidParameter', 400, 'CertificateId');
      expect(await describedTags(server().url, 'both')).toEqual([{ TagKey: 'a', TagValue: '1' }]);
    });

    it('answers MissingSecretName when no resource is named, MissingTagKeys when no keys are', async () => {
      await createSecret(server().url, 'named', { Tags: tagsJson({ a: '1' }) });
      await expectKmsError(sdk, call({ TagKeys: keys('a') }), 'MissingSecretName', 400);
      const error = await expectKmsError(sdk, call({ SecretName: 'named' }), 'MissingTagKeys', 400);
      expect(error.message).toBe('TagKeys is mandatory for this action.');
    });

    it.each([
      ['not JSON', '[a'],
      ['not an array', '"a"'],
      ['an empty array', '[]'],
      ['a non-string key', '["a",1]'],
      ['an empty key', '[""]'],
      ['a 129-character key', JSON.stringify(['k'.repeat(129)])],
    ])('refuses TagKeys with %s as InvalidParameter, removing nothing', async (_, tagKeys) => {
      await createSecret(server().url, 'guarded', { Tags: tagsJson({ a: '1' }) });
      await expectKmsError(sdk, call({ SecretName: 'guarded', TagKeys: tagKeys }), 'InvalidParameter', 400, 'TagKeys');
      expect(await describedTags(server().url, 'guarded')).toEqual([{ TagKey: 'a', TagValue: '1' }]);
    });

    it('answers Rejected.ResourceInDeleteWindow (409) for a secret pending deletion', async () => {
      await createSecret(server().url, 'leaving', { Tags: tagsJson({ a: '1' }) });
      await scheduleDeletion(server().polysecret.engine, 'leaving');
      await expectKmsError(sdk, call({ SecretName: 'leaving', TagKeys: keys('a') }), 'Rejected.ResourceInDeleteWindow', 409);
      expect(await describedTags(server().url, 'leaving')).toEqual([{ TagKey: 'a', TagValue: '1' }]);
    });
  });

  describe('on the wire', () => {
    const raw = (params: Record<string, string>) => rpc(server().url, 'UntagResource', params);

    it('answers JSON with the exact content type, or XML under <KMS> with Format=XML', async () => {
      await createSecret(server().url, 'wire', { Tags: tagsJson({ a: '1', b: '2' }) });
      const json = await raw({ SecretName: 'wire', TagKeys: keys('a') });
      expectRequestIdOnly(json, 'JSON');

      const xml = await raw({ Format: 'xml', SecretName: 'wire', TagKeys: keys('b') });
      expectRequestIdOnly(xml, 'XML');
      expect(await describedTags(server().url, 'wire')).toEqual([]);
    });

    it('answers errors with their HTTP status, as JSON or as XML under <Error>', async () => {
      const json = await raw({ SecretName: 'missing', TagKeys: keys('a') });
      expectRawError(json, 'Forbidden.ResourceNotFound', 404);
      expect(json.json.Message).toBe('Resource not found.');

      const xml = await raw({ Format: 'XML', SecretName: 'missing', TagKeys: 'nope' });
      await expectRawXmlError(xml, 'InvalidParameter', 400);
    });
  });
});

describe.each(STORES)('UntagResource and UpdateTime (%s store)', (kind) => {
  const { clock, url } = useKmsServer(kind, Date.UTC(2024, 0, 1));

  it('moves UpdateTime when a tag goes, not when no named key was there', async () => {
    const untag = (tagKeys: string) => alibabaClient(url(), 'openapi-client-v3')('UntagResource', { SecretName: 'timed', TagKeys: tagKeys });
    await createSecret(url(), 'timed', { Tags: tagsJson({ a: '1' }) });
    clock.advance(60_000);
    await untag(keys('absent'));
    expect(await updateTimeOf(url(), 'timed')).toBe('2024-01-01T00:00:00Z');
    clock.advance(60_000);
    await untag(keys('a'));
    expect(await updateTimeOf(url(), 'timed')).toBe('2024-01-01T00:02:00Z');
  });
});
