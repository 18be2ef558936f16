import type { SecretRecord } from '../../src/core/model.js';
import type { CloudPolicy } from '../../src/core/policy.js';
import { addVersion, attachLabel, deleteVersion, findVersion, removeLabel, versionWithLabel } from '../../src/core/versions.js';
import { CoreError } from '../../src/core/errors.js';

const policy: CloudPolicy = {
  cloud: 'aws',
  namePattern: /^[a-z]+$/,
  labels: { current: 'CUR', previous: 'PREV', maxPerVersion: 2, clearedFromOldCurrent: [], moveOnly: [], moveNamesOldHolder: false },
  versions: { max: 3, atCap: 'purge-oldest-unlabelled', minAgeBeforePurgeMs: 1000, repeatIsIdempotent: true, valuesRewritable: false },
  values: { maxBytes: 4, binaryCountedAs: 'decoded' },
  deletion: { defaultWindowDays: 30, minWindowDays: 7, maxWindowDays: 30, whenScheduled: 'refuse', cancelUnscheduled: 'succeed', restoresDisabled: false },
  tags: { maxPerSecret: 50, unchangedTagsTouch: true },
  resourceIdFor: () => 'id',
  plainSecret: () => ({}),
  seedVersionId: (index) => `v${index}`,
};

function emptySecret(): SecretRecord {
  return {
    key: 'k',
    namespace: { cloud: 'aws', account: 'a', region: 'r' },
    name: 'n',
    resourceId: 'id',
    enabled: true,
    createdAt: 0,
    changedAt: 0,
    versions: [],
  };
}

const text = (data: string) => ({ type: 'string' as const, data });
const labelsOf = (record: SecretRecord) => Object.fromEntries(record.versions.map((v) => [v.id, v.labels]));

describe('addVersion', () => {
  it('makes the first version current and demotes the old current to previous on each write', () => {
    const secret = emptySecret();
    addVersion(secret, policy, { id: 'v1', value: text('a'), now: 1 });
    addVersion(secret, policy, { id: 'v2', value: text('b'), now: 2 });
    addVersion(secret, policy, { id: 'v3', value: text('c'), now: 3 });
    expect(labelsOf(secret)).toEqual({ v1: [], v2: ['PREV'], v3: ['CUR'] });
  });

  it('gives only the asked labels and leaves current alone, except on a secret without a current version', () => {
    const secret = emptySecret();
    addVersion(secret, policy, { id: 'v1', value: text('a'), labels: ['X'], now: 1 });
    expect(labelsOf(secret)).toEqual({ v1: ['X', 'CUR'] });
    addVersion(secret, policy, { id: 'v2', value: text('b'), labels: ['X'], now: 2 });
    expect(labelsOf(secret)).toEqual({ v1: ['CUR'], v2: ['X'] });
  });

  it('refuses a duplicate id and too many labels without changing the secret', () => {
    const secret = emptySecret();
    addVersion(secret, policy, { id: 'v1', value: text('a'), now: 1 });
    expect(() => addVersion(secret, policy, { id: 'v1', value: text('b'), now: 2 })).toThrow(CoreError);
    expect(() => addVersion(secret, policy, { id: 'v2', value: text('b'), labels: ['A', 'B', 'C'], now: 2 })).toThrow(
      expect.objectContaining({ kind: 'LimitExceeded', reason: 'too-many-labels' }),
    );
    expect(secret.versions.map((v) => v.id)).toEqual(['v1']);
  });

  it('refuses a value over the size limit, counting binary values decoded', () => {
    const secret = emptySecret();
    expect(() => addVersion(secret, policy, { id: 'v1', value: text('abcde'), now: 1 })).toThrow(
      expect.objectContaining({ kind: 'InvalidParameter', reason: 'value-too-large' }),
    );
    addVersion(secret, policy, { id: 'v1', value: { type: 'binary', data: Buffer.from('abcd').toString('base64') }, now: 1 });
    expect(secret.versions).toHaveLength(1);
  });

  it('purges the oldest unlabelled version past the cap once it is old enough, else refuses', () => {
    const secret = emptySecret();
    for (const [i, id] of ['v1', 'v2', 'v3'].entries()) addVersion(secret, policy, { id, value: text(id), now: i });
    expect(() => addVersion(secret, policy, { id: 'v4', value: text('d'), now: 10 })).toThrow(
      expect.objectContaining({ reason: 'too-many-versions' }),
    );
    const aged = emptySecret();
    for (const [i, id] of ['v1', 'v2', 'v3'].entries()) addVersion(aged, policy, { id, value: text(id), now: i });
    addVersion(aged, policy, { id: 'v4', value: text('d'), now: 5000 });
    expect(aged.versions.map((v) => v.id)).toEqual(['v2', 'v3', 'v4']);
  });
});

describe('labels', () => {
  it('moving the current label demotes its holder to previous', () => {
    const secret = emptySecret();
    addVersion(secret, policy, { id: 'v1', value: text('a'), now: 1 });
    addVersion(secret, policy, { id: 'v2', value: text('b'), labels: ['PENDING'], now: 2 });
    attachLabel(secret, policy, 'CUR', findVersion(secret, 'v2')!);
    expect(labelsOf(secret)).toEqual({ v1: ['PREV'], v2: ['PENDING', 'CUR'] });
  });

  it('moving a custom label leaves current and previous alone', () => {
    const secret = emptySecret();
    addVersion(secret, policy, { id: 'v1', value: text('a'), labels: ['X'], now: 1 });
    addVersion(secret, policy, { id: 'v2', value: text('b'), now: 2 });
    attachLabel(secret, policy, 'X', findVersion(secret, 'v2')!);
    expect(labelsOf(secret)).toEqual({ v1: ['PREV'], v2: ['CUR', 'X'] });
  });

  it('removes a label only from the version holding it', () => {
    const secret = emptySecret();
    addVersion(secret, policy, { id: 'v1', value: text('a'), labels: ['X'], now: 1 });
    expect(() => removeLabel(findVersion(secret, 'v1')!, 'Y')).toThrow(expect.objectContaining({ reason: 'label-not-on-version' }));
    removeLabel(findVersion(secret, 'v1')!, 'X');
    expect(versionWithLabel(secret, 'X')).toBeUndefined();
  });

  it('deletes versions by id', () => {
    const secret = emptySecret();
    addVersion(secret, policy, { id: 'v1', value: text('a'), now: 1 });
    deleteVersion(secret, 'v1');
    expect(secret.versions).toEqual([]);
    expect(() => deleteVersion(secret, 'v1')).toThrow(expect.objectContaining({ kind: 'NotFound' }));
  });
});
