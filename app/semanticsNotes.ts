/**
 * The differences the semantics matrix cannot read off the policies, because they live in the
 * dialects' operations and schemas. Written by hand: keep it short and check it against the code.
 */
export const NOT_IN_POLICIES = `
## Not in the policies (written by hand)

These live in each dialect's operations and request schemas, not in its policy, so they are written
here by hand rather than generated.

- **Enable/disable**: only Tencent has it (EnableSecret, DisableSecret). A Disabled secret cannot be
  read (\`ResourceUnavailable.ResourceDisabled\`), and DeleteSecret needs a Disabled secret
  (\`FailedOperation\` otherwise). AWS and Alibaba secrets have no such state.
- **Forced deletion**: AWS and Alibaba take \`ForceDeleteWithoutRecovery\`, which deletes at once (AWS
  refuses it together with \`RecoveryWindowInDays\`, and force-deleting an unknown secret succeeds).
  Tencent has no such flag: a window of 0, its default, deletes at once, and SSH key pair secrets
  can only be deleted so.
- **Naming the version to read**: Tencent's GetSecretValue requires \`VersionId\` (its schema);
  \`SSM_Current\` is the id CreateSecret gives when none is named and, for product secrets, stands
  for the newest rotated version.
- **Version ids on writes**: each cloud names a new version by the caller's id, which makes a
  retry recognisable: AWS's \`ClientRequestToken\` (the SDKs generate one; a raw call without it is
  refused), Alibaba's \`VersionId\` (required), Tencent's \`VersionId\` (required by PutSecretValue).
- **Name length on AWS**: 1–512 characters, checked by its request schemas
  (\`schemas/aws/CreateSecret.json\`); the other clouds' patterns above carry their lengths.
- **Which secrets rotate**: on AWS, a secret with a rotation function (not a replica); on Alibaba,
  the managed types (Rds, Redis, RAMCredentials, ECS, PolarDB); on Tencent, Enabled product
  secrets (cloud-product credentials, Cloud API key pairs, Redis).
`;
