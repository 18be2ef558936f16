import { classify } from '../../app/conform/outcome.js';

describe('classify: vendor codes into canonical error classes', () => {
  it.each([
    ['aws', 'ResourceNotFoundException', 'read', 'not-found'],
    ['aws', 'InvalidRequestException', 'delete', 'invalid-state'],
    ['aws', 'InternalServiceError', 'read', 'other'],
    ['alibaba', 'Rejected.ResourceInDeleteWindow', 'read', 'invalid-state'],
    ['alibaba', 'Rejected.LimitExceeded', 'put', 'limit-exceeded'],
    ['tencent', 'ResourceInUse.SecretExists', 'create', 'exists'],
    // docs/semantics.md: Tencent answers a secret in its deletion window with the taken-name code.
    ['tencent', 'ResourceInUse.SecretExists', 'put', 'invalid-state'],
    ['tencent', 'ResourceUnavailable.ResourceDisabled', 'read', 'invalid-state'],
    ['tencent', 'InvalidParameterValue.TagKeysDuplicated', 'create', 'invalid-parameter'],
    ['tencent', 'InternalError', 'read', 'other'],
    // RotateProductSecret on a generic secret: the action exists, not for this kind of secret.
    ['tencent', 'UnsupportedOperation', 'rotate', 'unsupported'],
    ['alibaba', 'InvalidParameter', 'rotate', 'invalid-parameter'],
  ] as const)('%s %s on %s is %s', (cloud, code, op, expected) => {
    expect(classify(cloud, code, op)).toBe(expected);
  });
});
