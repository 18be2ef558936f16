import dns from 'node:dns';
import Kms from '@alicloud/kms20160120';
import * as OpenApiCore from '@alicloud/openapi-core';
import { alibabaClient, type AlibabaCall, type AlibabaSdk } from '../../helpers/alibaba.js';
import { useServer } from '../../helpers/server.js';

/**
 * Where an Alibaba SDK's `regionId` ends up on the wire. Read from the SDK sources
 * (node_modules/@alicloud/…) and the captures in test/fixtures/alibaba-sdk-captures/:
 * - openapi-client and openapi-core (and the clients generated on them) use `regionId` only to
 *   build the endpoint `kms.<regionId>.aliyuncs.com` when none is configured; kms20160120 1.2.0
 *   (on @alicloud/rpc-client) tries the same but builds `undefined.<regionId>.aliyuncs.com`. The
 *   requests themselves carry no RegionId parameter and no region header (V1 query, V3 x-acs-*
 *   headers), and an explicit endpoint replaces the whole rule;
 * - pop-core has no region setting: callers add a `RegionId` parameter themselves.
 * So the Host is where the region travels; these tests resolve the KMS host names to the test
 * server, as a hosts entry or a compose network alias would.
 */

type Lookup = typeof dns.lookup;

/** Resolves every *.aliyuncs.com name to 127.0.0.1 while installed; other names as usual. */
function resolveAliyuncsLocally(): () => void {
  const original = dns.lookup;
  const local = ((hostname: string, options: unknown, callback?: unknown) => {
    const done = (typeof options === 'function' ? options : callback) as (...args: unknown[]) => void;
    const wantsAll = typeof options === 'object' && options !== null && (options as { all?: boolean }).all;
    if (!hostname.endsWith('.aliyuncs.com')) return (original as (...args: unknown[]) => void)(hostname, options, callback);
    if (wantsAll) done(null, [{ address: '127.0.0.1', family: 4 }]);
    else done(null, '127.0.0.1', 4);
  }) as unknown as Lookup;
  (dns as { lookup: Lookup }).lookup = local;
  return () => {
    (dns as { lookup: Lookup }).lookup = original;
  };
}

/** The SDKs that have a regionId setting. */
const REGIONAL_SDKS: AlibabaSdk[] = ['kms20160120', 'openapi-client-v3', 'openapi-client-v2', 'openapi-core-v3'];

const secretNames = async (call: AlibabaCall) => ((await call('ListSecrets', {})).SecretList.Secret as Array<{ SecretName: string }>).map((s) => s.SecretName);

describe('the Alibaba region on the wire', () => {
  const server = useServer('memory');
  let restoreLookup: () => void;
  beforeAll(() => {
    restoreLookup = resolveAliyuncsLocally();
  });
  afterAll(() => restoreLookup());

  /** The server as the KMS endpoint of `region`: http://kms.<region>.aliyuncs.com:<port>. */
  const endpointOf = (region: string) => `http://kms.${region}.aliyuncs.com:${new URL(server().url).port}`;

  it('is what the SDKs turn regionId into: the endpoint host kms.<regionId>.aliyuncs.com', () => {
    // The rule generated clients on openapi-client/openapi-core apply when no endpoint is configured.
    expect(OpenApiCore.OpenApiUtil.getEndpointRules('kms', 'cn-shanghai', 'regional', '', '')).toBe('kms.cn-shanghai.aliyuncs.com');
    expect(OpenApiCore.OpenApiUtil.getEndpointRules('kms', 'cn-shanghai', 'regional', 'vpc', '')).toBe('kms-vpc.cn-shanghai.aliyuncs.com');
    // kms20160120 1.2.0 never sets its product id, so without an endpoint it builds no usable host at all.
    const KmsClient = (Kms as unknown as { default?: unknown }).default ?? Kms;
    const client = new (KmsClient as new (config: object) => { _endpoint: string })({ accessKeyId: 'a', accessKeySecret: 'b', regionId: 'cn-shanghai' });
    expect(client._endpoint).toBe('undefined.cn-shanghai.aliyuncs.com');
  });

  it.each(REGIONAL_SDKS)('%s with regionId cn-shanghai and the cn-shanghai endpoint creates and lists the secret in cn-shanghai only', async (sdk) => {
    const shanghai = alibabaClient(endpointOf('cn-shanghai'), sdk, undefined, 'cn-shanghai');
    const hangzhou = alibabaClient(endpointOf('cn-hangzhou'), sdk, undefined, 'cn-hangzhou');
    const created = await shanghai('CreateSecret', { SecretName: 'regional', VersionId: 'v1', SecretData: 'x' });
    expect(created.Arn).toBe('acs:kms:cn-shanghai:1234567890123456:secret/regional');
    expect(await secretNames(shanghai)).toEqual(['regional']);
    expect(await secretNames(hangzhou)).toEqual([]);
    expect((await shanghai('GetSecretValue', { SecretName: 'regional' })).SecretData).toBe('x');
  });

  it('with an explicit host:port endpoint the SDK sends no region at all, so the default region applies', async () => {
    const call = alibabaClient(server().url, 'kms20160120', undefined, 'cn-shanghai');
    const created = await call('CreateSecret', { SecretName: 'unplaced', VersionId: 'v1', SecretData: 'x' });
    expect(created.Arn).toBe('acs:kms:cn-hangzhou:1234567890123456:secret/unplaced');
  });

  it.each(['pop-core-get', 'pop-core-post'] as const)('%s places the secret by the RegionId parameter it is given', async (sdk) => {
    const call = alibabaClient(server().url, sdk);
    const created = await call('CreateSecret', { SecretName: 'by-param', VersionId: 'v1', SecretData: 'x', RegionId: 'cn-shanghai' });
    expect(created.Arn).toBe('acs:kms:cn-shanghai:1234567890123456:secret/by-param');
    expect(await secretNames((action, params) => call(action, { ...params, RegionId: 'cn-shanghai' }))).toEqual(['by-param']);
    expect(await secretNames(call)).toEqual([]);
  });

  it('takes the endpoint host over a RegionId parameter: the host is where the request went', async () => {
    const call = alibabaClient(endpointOf('cn-shanghai'), 'kms20160120', undefined, 'cn-shanghai');
    const created = await call('CreateSecret', { SecretName: 'both', VersionId: 'v1', SecretData: 'x', RegionId: 'eu-central-1' });
    expect(created.Arn).toBe('acs:kms:cn-shanghai:1234567890123456:secret/both');
  });
});
