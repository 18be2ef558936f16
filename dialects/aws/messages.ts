/**
 * AWS Secrets Manager's error texts. Those marked [rec] were recorded from real AWS
 * (test/fixtures/aws-recorded-responses); the rest follow the wording of AWS-mirroring mocks or,
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
  /** [rec: test_tag_untag_resource_on_deleted_secret; obs: external-secrets/external-secrets#4560 (GetSecretValue)] */
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
  /** [inf: moto's wording] */
  noValue: 'You must provide either SecretString or SecretBinary.',
  /** [inf: moto's wording] */
  alreadyMarkedDeleted: "You tried to perform the operation on a secret that's currently marked deleted.",
  /** [inf: moto's wording] */
  recoveryWindowRange: 'The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).',
  /** [inf: moto's wording] */
  forceWithWindow: "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.",
  /** [inf: moto's wording] */
  passwordTooShort: 'Password length is too short based on the required types.',
  /** [inf: moto's wording] */
  batchListOrFilters: "Either 'SecretIdList' or 'Filters' must be provided, but not both.",
  /** [inf: moto's wording] */
  batchMaxResultsNeedsFilters: "'Filters' not specified. 'Filters' must also be specified when 'MaxResults' is provided.",
  /** [inf: moto's wording (its list-secrets tests); a filter without a Key is allowed by the model, so the service refuses it] */
  invalidFilterKey: 'Invalid filter key',
  /** [inf: moto's wording (its list-secrets tests); a filter without Values is allowed by the model, so the service refuses it] */
  invalidFilterValues: (key: string) => `Invalid filter values for key: ${key}`,
  /** [inf: moto's wording] */
  invalidReplicaRegion: 'Invalid replica region.',
  /** [obs: lgallard/terraform-aws-secrets-manager#188 (PutResourcePolicy), gruntwork-io/cloud-nuke#435 and rebuy-de/aws-nuke#1127 (DeleteSecret)] */
  replicaWrite: "Operation not permitted on a replica secret. Call must be made in primary secret's region.",
  /**
   * [obs: gruntwork-io/cloud-nuke#435, rebuy-de/aws-nuke#1127 (also as CloudTrail's errorMessage)] with the full stop
   * every quoted answer ends with; moto's copy leaves it out.
   */
  deleteWithReplicas: (arn: string, regions: string[]) => `You can't delete secret ${arn} that still has replica regions [${regions.join(', ')}].`,
  /** [obs: terraform-provider-aws#35023, aws-cdk#28539] RotateSecret while AWSPENDING sits on a version that is not current. */
  rotationInProgress: "A previous rotation isn't complete. That rotation will be reattempted.",
  /** [rec] RotateSecret with no RotationLambdaARN, given or stored. */
  noRotationLambda: 'No Lambda rotation function ARN is associated with this secret.',
  /** [rec] A rotation function Secrets Manager cannot invoke (AccessDeniedException); nothing is saved. */
  cannotInvokeLambda:
    'Secrets Manager cannot invoke the specified Lambda function. Ensure that the function policy grants access to the principal secretsmanager.amazonaws.com.',
  /** [inf] RotationRules AWS would refuse; the reason says which part. */
  invalidRotationRules: (why: string) => `The rotation schedule is not valid: ${why}.`,
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
  /** [obs] IAM's denial wording, for a caller reaching into another account without a resource policy. */
  crossAccountDenied: (principal: string, operation: string, resource: string) =>
    `User: ${principal} is not authorized to perform: secretsmanager:${operation} on resource: ${resource} because no resource-based policy allows the secretsmanager:${operation} action`,
  /** [inf] */
  malformedJson: 'The request body is not a valid JSON object.',
  /** [inf] */
  bodyTooLarge: 'The request body is larger than the service accepts.',
  /** [inf] */
  wrongType: (path: string) => `Unexpected value type at '${path}'.`,
} as const;

/**
 * The codes of the SigV4 authentication layer's errors. On JSON-protocol services every one is
 * HTTP 400 with a lowercase `message` (botocore's JSON error parser; aws-sdk-cpp#2407 shows Secrets
 * Manager's 400 for a missing token). ExpiredTokenException is not among them: it needs a
 * token's expiry, which the credentials file does not record.
 */
export const AUTH_CODES = {
  missingToken: 'MissingAuthenticationTokenException',
  incomplete: 'IncompleteSignatureException',
  unrecognizedClient: 'UnrecognizedClientException',
  invalidSignature: 'InvalidSignatureException',
} as const;

/**
 * The authentication layer's texts. Wording and order follow real AWS responses quoted in issues
 * [obs] and scratchstack-aws-signature (dacut/scratchstack-aws-signature, a server-side SigV4
 * reimplementation whose docs/"AWS Auth Error Ordering" records AWS's own checks and texts) [ss].
 */
export const AUTH_MESSAGES = {
  /** [obs: aws-sdk-cpp#2407, Secrets Manager's body is exactly {"__type":…,"message":"Missing Authentication Token"}] */
  missingToken: 'Missing Authentication Token',
  /** [ss] */
  unsupportedAlgorithm: (algorithm: string) => `Unsupported AWS 'algorithm': '${algorithm}'.`,
  /** [ss] */
  notKeyValue: (pair: string, header: string) =>
    `'${pair}' not a valid key=value pair (missing equal-sign) in Authorization header: '${header}'`,
  /** [obs: aws-samples/amazon-elasticsearch-service-with-authentication#4; ss] each missing part in this order, then `Authorization=<algorithm>`. */
  missingCredential: "Authorization header requires 'Credential' parameter.",
  missingSignature: "Authorization header requires 'Signature' parameter.",
  missingSignedHeaders: "Authorization header requires 'SignedHeaders' parameter.",
  missingDate: "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
  /** [ss] */
  hostNotSigned: "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
  /** [ss] */
  badDate: (date: string) => `Date must be in ISO-8601 'basic format'. Got '${date}'. See http://en.wikipedia.org/wiki/ISO_8601`,
  /** [obs: aws-sdk-js#254, registry-creds#24] */
  expired: (signed: string, earliest: string, now: string) => `Signature expired: ${signed} is now earlier than ${earliest} (${now} - 15 min.)`,
  /** [ss] */
  notYetCurrent: (signed: string, latest: string, now: string) =>
    `Signature not yet current: ${signed} is still later than ${latest} (${now} + 15 min.)`,
  /** [ss] */
  credentialParts: (credential: string) =>
    `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`,
  /** [obs: aws-sdk-ruby#508, cognitect-labs/aws-api#27, fsouza/s3-upload-proxy#241] every scope complaint ends with a space, and several are concatenated. */
  wrongRegion: (region: string) => `Credential should be scoped to a valid region, not '${region}'. `,
  /** [obs: cllunsford/aws-signing-proxy#25] */
  wrongService: (service: string) => `Credential should be scoped to correct service: '${service}'. `,
  /** [ss] */
  wrongTerminator: (terminator: string) => `Credential should be scoped with a valid terminator: 'aws4_request', not '${terminator}'. `,
  /** [ss; AWS SigV4 troubleshooting guide gives the text before the colon] */
  wrongDate: (scopeDate: string, requestDate: string, timestamp: string) =>
    `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${requestDate}', from '${timestamp}'. `,
  /** [obs: spring-cloud-aws#492 (Secrets Manager)] unknown access key, and a missing or wrong session token. */
  invalidToken: 'The security token included in the request is invalid.',
  /** [obs: aws-sdk-net#3978 (Secrets Manager), aws-sdk-cpp#17 (raw body)] the server's canonical request and string to sign follow the sentence. */
  mismatch: (canonicalRequest: string, stringToSign: string) =>
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. ' +
    'Consult the service documentation for details.\n\n' +
    `The Canonical String for this request should have been\n'${canonicalRequest}'\n\n` +
    `The String-to-Sign should have been\n'${stringToSign}'\n`,
} as const;
