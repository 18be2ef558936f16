import type { CoreError } from '../../src/core/errors.js';
import { INJECTED_MESSAGE, type FaultErrors } from '../../src/dialect/faults.js';
import { VendorError, type CoreErrorMap } from '../../src/dialect/vendorError.js';

/** The languages SSM answers in, chosen by `X-TC-Language` / `Language`. */
export type Language = 'en-US' | 'zh-CN';

/**
 * An error in SSM's terms: a code and its message in each language. API 3.0 answers errors with HTTP
 * 200; only an injected fault may ask for another status.
 */
export class TencentError extends VendorError {
  constructor(
    code: string,
    readonly messages: Record<Language, string>,
    status = 200,
  ) {
    super(code, messages['en-US'], status);
  }
}

const error = (code: string, en: string, zh: string) => new TencentError(code, { 'en-US': en, 'zh-CN': zh });

/**
 * SSM's errors. English texts marked [obs] were seen in real answers; the rest, and the
 * Chinese texts not marked [obs], follow the same wording [inf].
 */
export const ERRORS = {
  /** [doc] */
  missingParameter: (name: string) =>
    error('MissingParameter', `The request is missing a required parameter \`${name}\`.`, `缺少必填参数\`${name}\`。`),
  /** [obs] */
  unknownParameter: (name: string) =>
    error('UnknownParameter', `The parameter \`${name}\` is not recognized.`, `参数\`${name}\`不能识别。`),
  /** [obs] */
  wrongType: (name: string) => error('InvalidParameter', `Parameter \`${name}\` type error.`, `参数\`${name}\`类型错误。`),
  /** [obs] */
  invalidAction: () => error('InvalidAction', 'The request `Action` is invalid or not found.', '请求的`Action`不存在或无效。'),
  /** [obs] */
  noSuchVersion: (version: string) =>
    error(
      'NoSuchVersion',
      `The specified api version=\`${version}\` does not exist in service=\`ssm\`.`,
      `接口版本\`${version}\`在服务\`ssm\`中不存在。`,
    ),
  /** [inf] */
  invalidValue: (name: string, why: string, whyZh: string) =>
    error('InvalidParameterValue', `The value of parameter \`${name}\` is invalid: ${why}`, `参数\`${name}\`的取值无效：${whyZh}`),
  /** [inf] */
  malformedBody: () => error('InvalidParameter', 'The request body is not valid JSON.', '请求体不是合法的JSON。'),
  /** [inf] Parameters whose escapes are not UTF-8: refused rather than stored altered. */
  notUtf8: () => error('InvalidParameter', 'The request parameters are not valid UTF-8.', '请求参数不是合法的UTF-8编码。'),
  /** [inf] */
  bodyTooLarge: () => error('RequestSizeLimitExceeded', 'The request body exceeds the size limit.', '请求包超过大小限制。'),
  /** [inf] */
  secretNotFound: () => error('ResourceNotFound', 'The secret does not exist.', '凭据不存在。'),
  /** [inf] */
  versionNotFound: () => error('ResourceNotFound', 'The secret version does not exist.', '凭据版本不存在。'),
  /** [inf] */
  secretExists: () => error('ResourceInUse.SecretExists', 'The secret name already exists.', '凭据名称已存在。'),
  /** [inf] */
  versionExists: () => error('ResourceInUse.VersionIdExists', 'The version id already exists.', '凭据版本号已存在。'),
  /** [inf] */
  limitExceeded: (what: string, whatZh: string) => error('LimitExceeded', `The limit is exceeded: ${what}.`, `超出限制：${whatZh}。`),
  /** [inf] */
  failedOperation: (why: string, whyZh: string) => error('FailedOperation', why, whyZh),
  /** [inf] */
  disabled: () => error('ResourceUnavailable.ResourceDisabled', 'The secret is disabled.', '凭据已被禁用。'),
  /** [inf] */
  pendingDeleted: () => error('ResourceUnavailable.ResourcePendingDeleted', 'The secret is pending deletion.', '凭据处于待删除状态。'),
  /** [doc: "must DisableSecret first"; the code FailedOperation is inf] */
  deleteWhileEnabled: () =>
    error('FailedOperation', 'The secret is enabled; call DisableSecret before DeleteSecret.', '凭据处于启用状态，删除前请先调用DisableSecret停用凭据。'),
  /** [doc: "must RestoreSecret first"; the code FailedOperation is inf] */
  stillPendingDelete: () =>
    error('FailedOperation', 'The secret is pending deletion; call RestoreSecret first.', '凭据处于待删除状态，请先调用RestoreSecret恢复凭据。'),
  /** [inf] DeleteSecret on a secret already scheduled for deletion. */
  alreadyPendingDelete: () => error('FailedOperation', 'The secret is already pending deletion.', '凭据已处于待删除状态。'),
  /** [inf] RestoreSecret on a secret that is not scheduled for deletion. */
  notPendingDelete: () => error('FailedOperation', 'The secret is not pending deletion.', '凭据不处于待删除状态。'),
  /** [inf] A manual write to a product (auto-rotated) secret; the code is in PutSecretValue's and UpdateSecret's lists [sdk]. */
  autoRotatedResource: () =>
    error('OperationDenied.AutoRotatedResource', 'The secret is rotated automatically and cannot be written manually.', '该凭据由系统自动轮转，不能手动写入。'),
  /** [inf] The same TagKey twice in one request [sdk: code]. */
  tagKeysDuplicated: () => error('InvalidParameterValue.TagKeysDuplicated', 'The tag keys are duplicated.', '标签键重复。'),
  /** [inf] A Description over 2048 bytes (invalidValue would leave the reason untranslated). */
  descriptionTooLong: (limit: number) =>
    error(
      'InvalidParameterValue',
      `The value of parameter \`Description\` is invalid: it must be at most ${limit} bytes.`,
      `参数\`Description\`的取值无效：长度不能超过${limit}字节。`,
    ),
  /** [inf] A product secret whose creation flow has not finished; the code is in GetSecretValue's list [sdk]. */
  uninitialized: () =>
    error('ResourceUnavailable.ResourceUninitialized', 'The secret is still being created.', '凭据正在创建中，尚未初始化完成。'),
  /** [inf] Rotation actions on a secret SSM does not rotate (UnsupportedOperation is in each one's list [sdk]; choice [inf]). */
  notProductSecret: () =>
    error('UnsupportedOperation', 'This action applies to cloud product secrets only.', '该接口仅适用于云产品凭据。'),
  /** [inf] RotateProductSecret while an earlier rotation still runs [sdk: code; situation guess]. */
  rotationInProgress: () =>
    error('FailedOperation.RotationForbidden', 'A rotation of the secret is still in progress.', '凭据正在轮转中，请稍后再试。'),
  /** [inf] DescribeAsyncRequestInfo with a FlowID no task has. */
  flowNotFound: () => error('ResourceNotFound', 'The asynchronous task does not exist.', '异步任务不存在。'),
  /** [inf] GetSSHKeyPairValue naming a secret of another type. */
  notSshKeySecret: () =>
    error('InvalidParameterValue', 'The secret is not an SSH key pair secret.', '该凭据不是SSH密钥对凭据。'),
  /** [inf] GetSSHKeyPairValue with an SSHKeyId no secret holds. */
  sshKeyNotFound: () => error('ResourceNotFound', 'The SSH key pair does not exist.', 'SSH密钥对不存在。'),
  /** [inf] */
  internal: () => error('InternalError', 'An internal error occurred.', '内部错误。'),

  // Gateway authentication errors (strict mode) [doc: "Common Error Codes"].
  /** [doc: common error table's description, en and zh] A missing or malformed TC3 `Authorization` header. */
  invalidAuthorization: () =>
    error(
      'AuthFailure.InvalidAuthorization',
      "The `Authorization` in the request headers doesn't meet Tencent Cloud standards.",
      '请求头部的 Authorization 不符合腾讯云标准。',
    ),
  /** [doc: common error table's description, en and zh] A timestamp more than 300 s from the server's clock. */
  signatureExpire: () =>
    error(
      'AuthFailure.SignatureExpire',
      'Signature expired. Timestamp and server time cannot differ by more than five minutes. Please ensure your current local time matches the standard time.',
      '签名过期。Timestamp 和服务器时间相差不得超过五分钟，请检查本地时间是否和标准时间同步。',
    ),
  /** [obs] */
  secretIdNotFound: () =>
    error('AuthFailure.SecretIdNotFound', 'The SecretId is not found, please ensure that your SecretId is correct.', 'SecretId不存在，请输入正确的密钥。'),
  /** [obs: the zh text as real SDK users report it] */
  signatureFailure: () =>
    error(
      'AuthFailure.SignatureFailure',
      'The provided credentials could not be validated. Please check your signature is correct.',
      '请求签名验证失败，请检查您的签名计算是否正确。',
    ),
  /** [doc: common error table's description, en and zh] A session token that is missing, unexpected or wrong. */
  tokenFailure: () => error('AuthFailure.TokenFailure', 'Token error.', 'token 错误。'),
} as const;

/**
 * What SSM answers for injected faults, in the 200 envelope as every API 3.0 error [doc: API 3.0
 * "Common Error Codes" lists RequestLimitExceeded and InternalError]; the texts [inf]. A given code is
 * a 200 envelope too unless the rule asks for another status.
 */
export const TENCENT_FAULT_ERRORS: FaultErrors<TencentError> = {
  throttling: () => error('RequestLimitExceeded', 'The number of requests exceeds the frequency limit.', '请求的次数超过了频率限制。'),
  internal: () => ERRORS.internal(),
  custom: (code, message, status) => {
    const text = message ?? INJECTED_MESSAGE(code);
    return new TencentError(code, { 'en-US': text, 'zh-CN': text }, status ?? 200);
  },
};

/** The SSM error for each core refusal; reasons SSM's rules never lead to are polysecret's own bug (InternalError). */
export const TENCENT_CORE_ERRORS: CoreErrorMap<TencentError> = {
  'secret-not-found': ERRORS.secretNotFound,
  'version-not-found': ERRORS.versionNotFound,
  'label-not-found': ERRORS.versionNotFound,
  'version-label-mismatch': ERRORS.versionNotFound,
  // A name held by a secret pending deletion is still in use [inf].
  'secret-exists': ERRORS.secretExists,
  'secret-scheduled-for-deletion': ERRORS.secretExists,
  'version-exists': ERRORS.versionExists,
  'already-scheduled-for-deletion': ERRORS.alreadyPendingDelete,
  'not-scheduled-for-deletion': ERRORS.notPendingDelete,
  'version-immutable': ERRORS.internal,
  'deletion-window-out-of-range': () =>
    ERRORS.invalidValue('RecoveryWindowInDays', 'it must be from 0 to 30 days.', '取值须为 0 到 30 天。'),
  'too-many-versions': () => ERRORS.limitExceeded('at most 10 versions per secret', '每个凭据最多 10 个版本'),
  'invalid-name': () =>
    ERRORS.invalidValue(
      'SecretName',
      'it must be 1-128 letters, digits, _ or -, starting with a letter or digit.',
      '须为 1-128 个字母、数字、_ 或 -，并以字母或数字开头。',
    ),
  'value-too-large': (coreError: CoreError) =>
    ERRORS.invalidValue('SecretString', `the value must be at most ${coreError.details.limit} bytes.`, `取值不能超过 ${coreError.details.limit} 字节。`),
  'label-not-on-version': ERRORS.internal,
  'label-held-elsewhere': ERRORS.internal,
  'label-cannot-be-removed': ERRORS.internal,
  'too-many-labels': ERRORS.internal,
  'too-many-tags': ERRORS.internal,
};
