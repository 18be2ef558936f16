import type { TencentContext } from '../context.js';

/** Secrets one region may hold; CreateSecret enforces the same quota [doc]. */
const SECRET_LIMIT = 1000;

/**
 * GetServiceStatus: the service is always opened and in good standing (InvalidType 1), billed
 * pay-as-you-go. TotalCount is the number of secrets in the caller's region.
 */
export async function GetServiceStatus(_input: object, context: TencentContext): Promise<object> {
  return {
    ServiceEnabled: true,
    InvalidType: 1,
    // Cloud API key escrow (SecretType 3) is allow-listed on the real service [inf: not enabled].
    AccessKeyEscrowEnabled: false,
    // Pay-as-you-go has no expiry, renewal, prepaid resource or purchase region [inf].
    ExpireTime: '',
    QPSLimit: 100, // [inf] a plausible account-wide rate
    SecretLimit: SECRET_LIMIT,
    PayModel: 'Postpaid_SSM', // [inf]
    RenewFlag: 0, // [inf] 0 = manual renewal, the API's default
    ResourceId: '', // [inf]
    TotalCount: context.secrets.list(context.ns).length,
    ResourceRegion: 0, // [inf]
  };
}
