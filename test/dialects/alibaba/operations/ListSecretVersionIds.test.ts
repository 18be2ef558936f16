import { ALIBABA_SDKS, alibabaClient } from '../../../helpers/alibaba.js';
import {
  arnOf,
  createSecret,
  expectKmsError,
  expectRawError,
  expectRawXml,
  expectRawXmlError,
  kmsTimeOf,
  putSecretValue,
  rpc,
  useKmsServer,
} from '../../../helpers/alibabaOperations.js';
import { STORES } from '../../../helpers/server.js';

describe.each(STORES)('ListSecretVersionIds (%s store)', (kind) => {
  const { clock, url } = useKmsServer(kind, Date.UTC(2025, 10, 3, 22, 59, 59, 500));

  /** Creates `name` with versions v1…v`count`, one minute apart; returns their creation times. */
  async function versions(name: string, count: number, stages?: (i: number) => string | undefined): Promise<number[]> {
    const times = [clock.now()];
    await createSecret(url(), name);
    for (let i = 2; i <= count; i++) {
      clock.advance(60_000);
      times.push(clock.now());
      const VersionStages = stages?.(i);
      await putSecretValue(url(), name, `v${i}`, `d${i}`, VersionStages ? { VersionStages } : {});
    }
    return times;
  }

  const list = (params: Record<string, string>) => rpc(url(), 'ListSecretVersionIds', params);
  const idsOf = (body: any) => body.VersionIds.VersionId.map((v: { VersionId: string }) => v.VersionId);

  describe.each(ALIBABA_SDKS)('through %s', (sdk) => {
    const call = () => alibabaClient(url(), sdk);

    it('lists the staged versions with their creation times and stages, paging numbers as numbers', async () => {
      const [, v2At, v3At] = await versions('app/db', 3);
      expect(await call()('ListSecretVersionIds', { SecretName: 'app/db' })).toEqual({
        SecretName: 'app/db',
        PageNumber: 1,
        PageSize: 20,
        TotalCount: 2,
        VersionIds: {
          VersionId: [
            { VersionId: 'v2', CreateTime: kmsTimeOf(v2At), VersionStages: { VersionStage: ['ACSPrevious'] } },
            { VersionId: 'v3', CreateTime: kmsTimeOf(v3At), VersionStages: { VersionStage: ['ACSCurrent'] } },
          ],
        },
        RequestId: expect.any(String),
      });
    });

    it('wraps a single version in an array', async () => {
      await createSecret(url(), 'single');
      const listed = await call()('ListSecretVersionIds', { SecretName: 'single' });
      expect(listed.VersionIds).toEqual({ VersionId: [{ VersionId: 'v1', CreateTime: kmsTimeOf(clock.now()), VersionStages: { VersionStage: ['ACSCurrent'] } }] });
    });

    it('adds versions without stages with IncludeDeprecated=true', async () => {
      await versions('deprecated', 3);
      const listed = await call()('ListSecretVersionIds', { SecretName: 'deprecated', IncludeDeprecated: 'true' });
      expect(listed.TotalCount).toBe(3);
      expect(listed.VersionIds.VersionId[0]).toMatchObject({ VersionId: 'v1', VersionStages: { VersionStage: [] } });
    });

    it('pages with PageNumber and PageSize', async () => {
      await versions('paged', 5, (i) => `["Stage${i}"]`);
      const listed = await call()('ListSecretVersionIds', { SecretName: 'paged', PageNumber: '2', PageSize: '2' });
      expect(listed).toMatchObject({ PageNumber: 2, PageSize: 2, TotalCount: 5 });
      expect(idsOf(listed)).toEqual(['v3', 'v4']);
    });

    it('answers Forbidden.ResourceNotFound (404) for an unknown secret', async () => {
      await expectKmsError(sdk, call()('ListSecretVersionIds', { SecretName: 'missing' }), 'Forbidden.ResourceNotFound', 404);
    });

    it('refuses a PageSize above 100 (InvalidParameter, 400)', async () => {
      await createSecret(url(), 'sized');
      await expectKmsError(sdk, call()('ListSecretVersionIds', { SecretName: 'sized', PageSize: '101' }), 'InvalidParameter', 400);
    });

    it('answers MissingSecretName (400) without SecretName', async () => {
      await expectKmsError(sdk, call()('ListSecretVersionIds', {}), 'MissingSecretName', 400);
    });
  });

  describe('paging', () => {
    it('answers the last partial page and an empty page past the end', async () => {
      await versions('pages', 5, (i) => `["Stage${i}"]`);
      const third = await list({ SecretName: 'pages', PageNumber: '3', PageSize: '2' });
      expect(idsOf(third.json)).toEqual(['v5']);
      const past = await list({ SecretName: 'pages', PageNumber: '4', PageSize: '2' });
      expect(past.json).toMatchObject({ PageNumber: 4, PageSize: 2, TotalCount: 5, VersionIds: { VersionId: [] } });
    });

    it('counts only the versions the listing includes', async () => {
      await versions('counted', 4);
      expect((await list({ SecretName: 'counted' })).json.TotalCount).toBe(2);
      expect((await list({ SecretName: 'counted', IncludeDeprecated: 'false' })).json.TotalCount).toBe(2);
      expect((await list({ SecretName: 'counted', IncludeDeprecated: 'TRUE' })).json.TotalCount).toBe(4);
    });

    it('accepts PageSize 1 and 100', async () => {
      await versions('bounds', 2);
      expect(idsOf((await list({ SecretName: 'bounds', PageSize: '1' })).json)).toEqual(['v1']);
      expect((await list({ SecretName: 'bounds', PageSize: '100' })).json.PageSize).toBe(100);
    });

    it.each([
      ['PageSize', '0'],
      ['PageSize', 'ten'],
      ['PageNumber', '0'],
      ['PageNumber', '-1'],
      ['PageNumber', '1.5'],
      ['IncludeDeprecated', 'yes'],
    ])('refuses %s=%s with InvalidParameter naming it', async (name, value) => {
      await createSecret(url(), 'invalid');
      const response = await list({ SecretName: 'invalid', [name]: value });
      expectRawError(response, 'InvalidParameter', 400);
      expect(response.json.Message).toContain(name);
    });
  });

  describe('secrets', () => {
    it('finds the secret by its ARN', async () => {
      await createSecret(url(), 'by-arn');
      expect((await list({ SecretName: arnOf('by-arn') })).json).toMatchObject({ SecretName: 'by-arn', TotalCount: 1 });
    });

    it('still lists the versions of a secret pending deletion', async () => {
      await versions('doomed', 2);
      await rpc(url(), 'DeleteSecret', { SecretName: 'doomed' });
      const response = await list({ SecretName: 'doomed' });
      expect(response.status).toBe(200);
      expect(idsOf(response.json)).toEqual(['v1', 'v2']);
    });
  });

  describe('on the wire', () => {
    it('answers JSON with the exact content type and members', async () => {
      await createSecret(url(), 'wire');
      const response = await list({ SecretName: 'wire' });
      expect(response.headers.get('content-type')).toBe('application/json;charset=utf-8');
      expect(Object.keys(response.json).sort()).toEqual(['PageNumber', 'PageSize', 'RequestId', 'SecretName', 'TotalCount', 'VersionIds']);
      expect(response.text).toContain('"PageNumber":1,"PageSize":20,"TotalCount":1');
    });

    it('answers XML under <KMS> with repeated <VersionId> elements', async () => {
      const [v1At, v2At] = await versions('xml', 2);
      const response = await list({ SecretName: 'xml', Format: 'XML' });
      expect(response.text).toContain('<VersionIds><VersionId><VersionId>v1</VersionId>');
      expect(await expectRawXml(response)).toEqual({
        SecretName: 'xml',
        PageNumber: '1',
        PageSize: '20',
        TotalCount: '2',
        VersionIds: {
          VersionId: [
            { VersionId: 'v1', CreateTime: kmsTimeOf(v1At), VersionStages: { VersionStage: 'ACSPrevious' } },
            { VersionId: 'v2', CreateTime: kmsTimeOf(v2At), VersionStages: { VersionStage: 'ACSCurrent' } },
          ],
        },
        RequestId: expect.any(String),
      });
    });

    it('answers a missing secret with 404 under <Error> in XML', async () => {
      const response = await list({ SecretName: 'missing', Format: 'XML' });
      await expectRawXmlError(response, 'Forbidden.ResourceNotFound', 404);
    });
  });
});
