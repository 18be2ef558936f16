import { readdirSync } from 'node:fs';
import { checkAlibaba, checkSchemas, deriveSchemas, sources } from '../../scripts/derive-schemas.mjs';

// scripts/derive-schemas.mjs rebuilds the AWS and Tencent schemas from the SDK models in
// node_modules plus schemas/patches/, and checks the Alibaba ones against the KMS SDK's member
// names. A schema edited by hand, a patch that no longer applies or an SDK upgrade that changes the
// model all fail here; `npm run schemas` rewrites the files, schemas/README.md says how to patch.
const files = (cloud: string) => readdirSync(new URL(`../../schemas/${cloud}/`, import.meta.url)).filter((f) => f.endsWith('.json')).sort();

describe('schemas derived from the vendor SDK models', () => {
  it('every checked-in schema matches its derivation, and every patch applies', () => {
    expect(checkSchemas()).toEqual([]);
  });

  it.each([
    ['aws', 23],
    ['tencent', 24],
  ] as const)('the %s model gives every one of its %i schema files, byte for byte', (cloud, count) => {
    const { files: derived, orphans } = deriveSchemas(cloud);
    expect(orphans).toEqual([]);
    expect([...derived.keys()].sort()).toEqual(files(cloud));
    expect(derived.size).toBe(count);
  });

  it('the Alibaba SDK covers 13 of the 21 actions, and those agree after the patches', () => {
    const { problems, unchecked } = checkAlibaba();
    expect(problems).toEqual([]);
    expect(files('alibaba')).toHaveLength(21);
    expect(unchecked.sort()).toEqual([
      'BatchGetSecretValue', 'GetSecretPolicy', 'ListTagResources', 'RotateSecret', 'SetSecretPolicy', 'TagResources',
      'UntagResources', 'UpdateSecretRotationPolicy',
    ]);
  });

  it('names the installed package each model is read from', () => {
    const found = sources();
    expect(found.aws.package).toBe('@aws-sdk/client-secrets-manager');
    expect(found.tencent.package).toBe('tencentcloud-sdk-nodejs-ssm');
    expect(found.alibaba.package).toBe('@alicloud/kms20160120');
    for (const source of Object.values(found)) expect(source.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});
