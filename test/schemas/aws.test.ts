import { readdirSync, readFileSync } from 'node:fs';
import AjvModule from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';

// ajv is CommonJS: under NodeNext typing the default import is the module object; its `.default` is the class.
const Ajv = AjvModule.default;

const dir = new URL('../../schemas/aws/', import.meta.url);

const OPERATIONS = [
  'BatchGetSecretValue', 'CancelRotateSecret', 'CreateSecret', 'DeleteResourcePolicy',
  'DeleteSecret', 'DescribeSecret', 'GetRandomPassword', 'GetResourcePolicy', 'GetSecretValue',
  'ListSecretVersionIds', 'ListSecrets', 'PutResourcePolicy', 'PutSecretValue',
  'RemoveRegionsFromReplication', 'ReplicateSecretToRegions', 'RestoreSecret', 'RotateSecret',
  'StopReplicationToReplica', 'TagResource', 'UntagResource', 'UpdateSecret',
  'UpdateSecretVersionStage', 'ValidateResourcePolicy',
];

interface Schema { $id: string; title: string; [k: string]: unknown }

const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const schemas = new Map<string, Schema>(
  files.map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Schema]),
);

const ajv = new Ajv({ allErrors: true, strict: false });
const validators = new Map<string, ValidateFunction>();
for (const [op, schema] of schemas) validators.set(op, ajv.compile(schema));

function check(op: string, data: unknown): ErrorObject[] {
  const validate = validators.get(op);
  if (!validate) throw new Error(`no schema for ${op}`);
  return validate(data) ? [] : [...(validate.errors ?? [])];
}

function hasError(errors: ErrorObject[], keyword: string, path: string, extra?: (e: ErrorObject) => boolean) {
  return errors.some((e) => e.keyword === keyword && e.instancePath === path && (!extra || extra(e)));
}

const VERSION_ID = 'EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE';

describe('AWS Secrets Manager request schemas', () => {
  test('there is exactly one schema per operation (23)', () => {
    expect(files).toHaveLength(23);
    expect([...schemas.keys()]).toEqual([...OPERATIONS].sort());
    expect(validators.size).toBe(23);
  });

  test.each(files)('%s is a draft-07 object schema whose $id matches its file name', (file) => {
    const op = file.replace(/\.json$/, '');
    const schema = schemas.get(op)!;
    expect(schema.$id).toBe(`aws/${op}`);
    expect(schema.title).toBe(op);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.type).toBe('object');
    expect(Array.isArray(schema.required)).toBe(true);
    expect(schema).not.toHaveProperty('additionalProperties');
    expect(readFileSync(new URL(file, dir), 'utf8')).toBe(JSON.stringify(schema, null, 2) + '\n');
  });

  test('every pattern compiles as a unicode RegExp', () => {
    const patterns: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (k === 'pattern' && typeof v === 'string') patterns.push(v);
          else walk(v);
        }
      }
    };
    schemas.forEach(walk);
    expect(patterns.length).toBeGreaterThan(0);
    for (const p of patterns) expect(() => new RegExp(p, 'u')).not.toThrow();
  });

  test('valid minimal requests pass', () => {
    const minimal: Record<string, unknown> = {
      BatchGetSecretValue: {},
      CancelRotateSecret: { SecretId: 's' },
      CreateSecret: { Name: 'MyTestSecret' },
      DeleteResourcePolicy: { SecretId: 's' },
      DeleteSecret: { SecretId: 's' },
      DescribeSecret: { SecretId: 's' },
      GetRandomPassword: {},
      GetResourcePolicy: { SecretId: 's' },
      GetSecretValue: { SecretId: 's' },
      ListSecretVersionIds: { SecretId: 's' },
      ListSecrets: {},
      PutResourcePolicy: { SecretId: 's', ResourcePolicy: '{}' },
      PutSecretValue: { SecretId: 's' },
      RemoveRegionsFromReplication: { SecretId: 's', RemoveReplicaRegions: ['eu-west-1'] },
      ReplicateSecretToRegions: { SecretId: 's', AddReplicaRegions: [{ Region: 'eu-west-1' }] },
      RestoreSecret: { SecretId: 's' },
      RotateSecret: { SecretId: 's' },
      StopReplicationToReplica: { SecretId: 's' },
      TagResource: { SecretId: 's', Tags: [] },
      UntagResource: { SecretId: 's', TagKeys: [] },
      UpdateSecret: { SecretId: 's' },
      UpdateSecretVersionStage: { SecretId: 's', VersionStage: 'AWSCURRENT' },
      ValidateResourcePolicy: { ResourcePolicy: '{}' },
    };
    expect(Object.keys(minimal).sort()).toEqual([...OPERATIONS].sort());
    for (const [op, body] of Object.entries(minimal)) expect([op, check(op, body)]).toEqual([op, []]);
  });

  test('richer valid requests pass (unknown members ignored)', () => {
    expect(check('CreateSecret', {
      Name: 'prod/db', ClientRequestToken: VERSION_ID, Description: 'd', KmsKeyId: 'alias/aws/secretsmanager',
      SecretString: '{"u":"p"}', Tags: [{ Key: 'env', Value: '' }],
      AddReplicaRegions: [{ Region: 'us-west-2', KmsKeyId: 'k' }], ForceOverwriteReplicaSecret: true,
      SomethingUnknown: 1,
    })).toEqual([]);
    expect(check('ListSecrets', {
      MaxResults: 100, SortOrder: 'asc', SortBy: 'name',
      Filters: [{ Key: 'tag-key', Values: ['!env', 'a b:c_d@e/f+g=h.i-j'] }],
    })).toEqual([]);
    expect(check('RotateSecret', {
      SecretId: 's', RotationRules: { AutomaticallyAfterDays: 30, Duration: '2h', ScheduleExpression: 'rate(10 days)' },
      RotateImmediately: false,
    })).toEqual([]);
    expect(check('GetRandomPassword', { PasswordLength: 4096, ExcludePunctuation: true })).toEqual([]);
    expect(check('PutSecretValue', { SecretId: 's', SecretBinary: 'AAEC', VersionStages: ['AWSCURRENT'] })).toEqual([]);
  });

  test('GetSecretValue without SecretId fails required', () => {
    const errors = check('GetSecretValue', {});
    expect(hasError(errors, 'required', '', (e) => e.params.missingProperty === 'SecretId')).toBe(true);
  });

  test('GetRandomPassword PasswordLength 5555 fails maximum 4096', () => {
    const errors = check('GetRandomPassword', { PasswordLength: 5555 });
    expect(hasError(errors, 'maximum', '/PasswordLength', (e) => e.params.limit === 4096)).toBe(true);
    expect(hasError(check('GetRandomPassword', { PasswordLength: 0 }), 'minimum', '/PasswordLength')).toBe(true);
    expect(hasError(check('GetRandomPassword', { PasswordLength: 1.5 }), 'type', '/PasswordLength')).toBe(true);
  });

  test('CreateSecret Name of 513 chars fails maxLength', () => {
    const errors = check('CreateSecret', { Name: 'a'.repeat(513) });
    expect(hasError(errors, 'maxLength', '/Name', (e) => e.params.limit === 512)).toBe(true);
    expect(check('CreateSecret', { Name: 'a'.repeat(512) })).toEqual([]);
    expect(hasError(check('CreateSecret', { Name: '' }), 'minLength', '/Name')).toBe(true);
  });

  test('ListSecrets Filters[0].Key "invalid" fails enum', () => {
    const errors = check('ListSecrets', { Filters: [{ Key: 'invalid', Values: ['x'] }] });
    expect(hasError(errors, 'enum', '/Filters/0/Key')).toBe(true);
    expect(hasError(check('ListSecrets', { Filters: [{ Key: 'name', Values: ['a#b'] }] }), 'pattern', '/Filters/0/Values/0')).toBe(true);
    expect(hasError(check('ListSecrets', { MaxResults: 101 }), 'maximum', '/MaxResults')).toBe(true);
    expect(hasError(check('ListSecrets', { SortOrder: 'up' }), 'enum', '/SortOrder')).toBe(true);
  });

  test('other model constraints are enforced', () => {
    expect(hasError(check('GetSecretValue', { SecretId: 's', VersionId: 'short' }), 'minLength', '/VersionId')).toBe(true);
    expect(hasError(check('GetSecretValue', { SecretId: 'x'.repeat(2049) }), 'maxLength', '/SecretId')).toBe(true);
    expect(hasError(check('CreateSecret', { Name: 'n', Tags: [{ Key: 'k'.repeat(129) }] }), 'maxLength', '/Tags/0/Key')).toBe(true);
    expect(hasError(check('CreateSecret', { Name: 'n', AddReplicaRegions: [{ Region: 'Mars' }] }), 'pattern', '/AddReplicaRegions/0/Region')).toBe(true);
    expect(hasError(check('CreateSecret', { Name: 'n', SecretString: '' }), 'minLength', '/SecretString')).toBe(true);
    expect(hasError(check('BatchGetSecretValue', { SecretIdList: Array(21).fill('s') }), 'maxItems', '/SecretIdList')).toBe(true);
    expect(hasError(check('BatchGetSecretValue', { MaxResults: 21 }), 'maximum', '/MaxResults')).toBe(true);
    expect(hasError(check('PutSecretValue', { SecretId: 's', VersionStages: [] }), 'minItems', '/VersionStages')).toBe(true);
    expect(hasError(check('RotateSecret', { SecretId: 's', RotationRules: { AutomaticallyAfterDays: 1001 } }), 'maximum', '/RotationRules/AutomaticallyAfterDays')).toBe(true);
    expect(hasError(check('ReplicateSecretToRegions', { SecretId: 's', AddReplicaRegions: [] }), 'minItems', '/AddReplicaRegions')).toBe(true);
    expect(hasError(check('TagResource', { SecretId: 's' }), 'required', '', (e) => e.params.missingProperty === 'Tags')).toBe(true);
    expect(hasError(check('PutResourcePolicy', { SecretId: 's', ResourcePolicy: '' }), 'minLength', '/ResourcePolicy')).toBe(true);
    expect(hasError(check('DeleteSecret', { SecretId: 's', ForceDeleteWithoutRecovery: 'yes' }), 'type', '/ForceDeleteWithoutRecovery')).toBe(true);
  });

  test('blobs carry no length limits and sensitive members are flagged', () => {
    const create = schemas.get('CreateSecret') as unknown as { properties: Record<string, Record<string, unknown>> };
    expect(create.properties.SecretBinary).toEqual({ type: 'string', 'x-blob': true, 'x-sensitive': true });
    expect(create.properties.SecretString['x-sensitive']).toBe(true);
    expect(create.properties.Name['x-sensitive']).toBeUndefined();
    const put = schemas.get('PutSecretValue') as unknown as { properties: Record<string, Record<string, unknown>> };
    expect(put.properties.RotationToken['x-sensitive']).toBe(true);
  });
});
