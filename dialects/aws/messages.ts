/**
 * AWS Secrets Manager's error texts. Those marked [rec] were recorded from real AWS
 * (shared/research/aws.md §3.3); the rest follow the wording of AWS-mirroring mocks or,
 * where nothing is known, AWS's style.
 */
export const MESSAGES = {
  /** [rec] */
  secretNotFound: "Secrets Manager can't find the specified secret.",
  /** [rec] */
  versionNotFound: (versionId: string) => `Secrets Manager can't find the specified secret value for VersionId: ${versionId}`,
  /** [rec] */
  labelNotFound: (label: string) => `Secrets Manager can't find the specified secret value for staging label: ${label}`,
  /** [rec] */
  versionStageMismatch: 'You provided a VersionStage that is not associated to the provided VersionId.',
  /** [rec] */
  secretExists: (name: string) => `The operation failed because the secret ${name} already exists.`,
  /** [rec] */
  tokenInUse: (token: string, arn: string) =>
    `You can't use ClientRequestToken ${token} because that value is already in use for a version of secret ${arn}.`,
  /** [rec] */
  nameScheduledForDeletion: "You can't create this secret because a secret with this name is already scheduled for deletion.",
  /** [rec] */
  markedForDeletion: "You can't perform this operation on the secret because it was marked for deletion.",
  /** [rec] */
  tokenRequired: 'You must provide a ClientRequestToken value. We recommend a UUID-type value.',
  /** [rec] */
  invalidName: 'Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!',
  /** [rec] */
  removeFromVersionRequired: (label: string, versionId: string) =>
    `The parameter RemoveFromVersionId can't be empty. Staging label ${label} is currently attached to version ${versionId}, so you must explicitly reference that version in RemoveFromVersionId.`,
  /** [obs] */
  bothValues: "You can't specify both a binary secret value and a string secret value in the same secret.",
  /** [moto] */
  noValue: 'You must provide either SecretString or SecretBinary.',
  /** [moto] */
  alreadyMarkedDeleted: "You tried to perform the operation on a secret that's currently marked deleted.",
  /** [moto] */
  recoveryWindowRange: 'The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).',
  /** [moto] */
  forceWithWindow: "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.",
  /** [moto] */
  passwordTooShort: 'Password length is too short based on the required types.',
  /** [moto] */
  batchListOrFilters: "Either 'SecretIdList' or 'Filters' must be provided, but not both.",
  /** [moto] */
  batchMaxResultsNeedsFilters: "'Filters' not specified. 'Filters' must also be specified when 'MaxResults' is provided.",
  /** [moto] */
  invalidReplicaRegion: 'Invalid replica region.',
  /** [moto] */
  replicaWrite: "Operation not permitted on a replica secret. Call must be made in primary secret's region.",
  /** [moto] */
  deleteWithReplicas: (arn: string, regions: string[]) => `You can't delete secret ${arn} that still has replica regions [${regions.join(', ')}]`,
  /** [inf] */
  notAReplica: 'This operation can only be called on a replica secret, in its region.',
  /** [inf] */
  labelNotOnVersion: (label: string, versionId: string) =>
    `The staging label ${label} is not attached to version ${versionId}, so it can't be removed from it.`,
  /** [inf] */
  tooManyVersions: 'You have exceeded the maximum number of versions of this secret: AWS purges unlabelled versions only once they are older than 24 hours.',
  /** [inf] */
  tooManyLabels: 'You can attach at most 20 staging labels to one version of a secret.',
  /** [inf] */
  malformedPolicy: 'This resource policy contains a syntax error.',
  /** [inf] */
  publicPolicy: 'BlockPublicPolicy is set and the resource policy grants public access to the secret.',
  /** [inf] */
  invalidNextToken: 'The NextToken value is not valid.',
  /** [inf] */
  unknownOperation: 'The requested operation is not supported by Secrets Manager.',
  /** [inf] */
  notSupportedYet: (operation: string) => `polysecret does not support ${operation} yet.`,
  /** [inf] */
  malformedJson: 'The request body is not a valid JSON object.',
  /** [inf] */
  bodyTooLarge: 'The request body is larger than the service accepts.',
  /** [inf] */
  wrongType: (path: string) => `Unexpected value type at '${path}'.`,
} as const;
