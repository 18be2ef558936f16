/**
 * The state one vendor keeps about a secret and the others have no notion of, typed per cloud.
 * The core stores it and never reads it; each cloud's dialect owns its meaning.
 */

/** AWS Secrets Manager's own fields. */
export interface AwsState {
  /** The rotation function, once RotateSecret named one. */
  rotationLambdaArn?: string;
  /** RotationRules as RotateSecret gave them (the schedule itself is the record's rotation). */
  rotationRules?: { AutomaticallyAfterDays?: number; Duration?: string; ScheduleExpression?: string };
  /** The free-form `Type` given at creation or update. */
  type?: string;
  /** The AWS service that manages the secret, when one does. */
  owningService?: string;
  /** On a replica: the region of its primary. */
  primaryRegion?: string;
}

/** Alibaba Cloud KMS's own fields. */
export interface AlibabaState {
  /** `Generic`, or a managed type (`Rds`, `Redis`, `RAMCredentials`, `ECS`, `PolarDB`). */
  secretType: string;
  dkmsInstanceId?: string;
  owingService?: string;
  /** A managed secret's ExtendedConfig, exactly as sent (JSON text). */
  extendedConfig?: string;
}

/** One of Tencent SSM's asynchronous tasks (a FlowID); times in epoch milliseconds. */
export interface TencentFlow {
  id: number;
  kind: 'create' | 'rotate';
  startedAt: number;
  doneAt: number;
}

/** Tencent Cloud SSM's own fields. */
export interface TencentState {
  /** 0 user-defined, 1 cloud product, 2 SSH key pair, 3 Cloud API key pair, 4 Redis. */
  secretType: number;
  /** A product secret's own status while it is not simply Enabled or Disabled (e.g. `Creating`). */
  status?: string;
  productName?: string;
  additionalConfig?: string;
  encryptType?: number;
  /** Three random characters that end the secret's ResourceID. */
  resourceSuffix?: string;
  userNamePrefix?: string;
  instanceId?: string;
  domains?: string[];
  sshKeyId?: string;
  resourceName?: string;
  projectId?: number;
  /** A product secret's database account settings, as CreateProductSecret gave them. */
  privileges?: unknown[];
  accountRemark?: string;
  accountType?: string;
  /** Its asynchronous tasks, oldest first. */
  flows?: TencentFlow[];
}
