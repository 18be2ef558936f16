import type { TencentContext } from '../context.js';
import { commonSecretFields, type CommonCreateInput } from '../creation.js';
import { parseDateTime } from '../dateTime.js';
import { ERRORS } from '../errors.js';
import { newFlowId, startFlow } from '../flows.js';
import type { TencentState } from '../../../src/core/vendorState.js';
import { DEFAULT_FREQUENCY_DAYS, newCredentials, rotatedVersionId, rotationSchedule } from '../rotation.js';
import { PRODUCTS_BY_SECRET_TYPE } from '../products.js';

interface Privilege {
  PrivilegeName: string;
  Privileges: string[];
  Database?: string;
  TableName?: string;
  ColumnName?: string;
}

interface CreateProductSecretInput extends CommonCreateInput {
  UserNamePrefix: string;
  ProductName: string;
  InstanceID: string;
  Domains: string[];
  PrivilegesList: Privilege[];
  RotationBeginTime?: string;
  EnableRotation?: boolean;
  RotationFrequency?: number;
  AccountRemark?: string;
  AccountType?: string;
}

/** The products CreateProductSecret binds: database credentials (SecretType 1) and Redis (4) [sdk]. */
const PRODUCT_SECRET_TYPES = [1, 4];

/** The members each privilege level must name [sdk: ProductPrivilegeUnit]. */
const SCOPE_MEMBERS: Record<string, Array<'Database' | 'TableName' | 'ColumnName'>> = {
  DatabasePrivileges: ['Database'],
  TablePrivileges: ['Database', 'TableName'],
  ColumnPrivileges: ['Database', 'TableName', 'ColumnName'],
};

function secretTypeOf(productName: string): number {
  const type = PRODUCT_SECRET_TYPES.find((candidate) => PRODUCTS_BY_SECRET_TYPE[candidate].includes(productName));
  if (type !== undefined) return type;
  const supported = PRODUCT_SECRET_TYPES.flatMap((candidate) => PRODUCTS_BY_SECRET_TYPE[candidate]).join(', ');
  throw ERRORS.invalidValue('ProductName', `it must be one of ${supported} (see DescribeSupportedProducts).`, `须为 ${supported} 之一（见 DescribeSupportedProducts）。`);
}

function checkPrivileges(privileges: Privilege[]): void {
  privileges.forEach((privilege, index) => {
    for (const member of SCOPE_MEMBERS[privilege.PrivilegeName] ?? []) {
      if (!privilege[member]) throw ERRORS.missingParameter(`PrivilegesList.${index}.${member}`);
    }
  });
}

/**
 * CreateProductSecret: a cloud-product secret holding generated database credentials
 * (`{"UserName","Password"}`) in a first `SSM_Rotate_<time>` version. Its status is `Creating`
 * until the returned flow finishes on the emulator's clock, then `Enabled`.
 */
export async function CreateProductSecret(input: CreateProductSecretInput, context: TencentContext): Promise<object> {
  const secretType = secretTypeOf(input.ProductName);
  checkPrivileges(input.PrivilegesList);
  const enableRotation = input.EnableRotation ?? false;
  // RotationBeginTime is required when EnableRotation is true [sdk].
  if (enableRotation && input.RotationBeginTime === undefined) throw ERRORS.missingParameter('RotationBeginTime');
  if (input.RotationBeginTime !== undefined && parseDateTime(input.RotationBeginTime) === undefined) {
    throw ERRORS.invalidValue('RotationBeginTime', 'it must be a real date and time formatted YYYY-MM-DD hh:mm:ss.', '须为 YYYY-MM-DD hh:mm:ss 格式的有效时间。');
  }
  const common = commonSecretFields(context, input);
  const flowId = newFlowId(context);
  // The engine stamps the record with its own reading of the clock; with a real clock the two differ by microseconds.
  const now = context.secrets.now();
  const tencent: TencentState = {
    ...common.tencent,
    secretType,
    productName: input.ProductName,
    instanceId: input.InstanceID,
    userNamePrefix: input.UserNamePrefix,
    domains: input.Domains,
    privileges: input.PrivilegesList,
    accountRemark: input.AccountRemark ?? '',
    accountType: input.AccountType ?? '',
    status: 'Creating',
  };
  const frequencyDays = input.RotationFrequency ?? DEFAULT_FREQUENCY_DAYS;
  const rotation = rotationSchedule({ enabled: enableRotation, frequencyDays, beginTime: input.RotationBeginTime }, undefined, now);
  startFlow(tencent, flowId, 'create', now);
  const record = await context.secrets.create(context.ns, {
    ...common,
    tencent,
    rotation,
    firstVersion: { id: rotatedVersionId(now), value: newCredentials(context.secrets.ids, input.UserNamePrefix), labels: [] },
  });
  // TagCode 0: tags bound without trouble; TagMsg as in the CreateProductSecret example [doc: CLI example].
  return { SecretName: record.name, TagCode: 0, TagMsg: 'success', FlowID: flowId };
}
