/**
 * What each cloud's account ids and region names look like, so a bad setting or seed document is
 * refused at once instead of producing ARNs no SDK can parse. The region patterns are deliberately
 * loose: they accept every region the clouds list (and plausible future ones) and refuse junk such
 * as `mars-1` or `not a region`; they are not a list of existing regions.
 */
import type { Cloud } from './model.js';

/** One cloud's rules, with the sentences that explain them. */
export interface NamespaceRule {
  account: RegExp;
  /** What a valid account looks like, for messages. */
  accountRule: string;
  region: RegExp;
  /** What a valid region looks like, for messages. */
  regionRule: string;
}

/** The rules per cloud (README "Configuration"). */
export const NAMESPACE_RULES: Readonly<Record<Cloud, NamespaceRule>> = {
  aws: {
    account: /^\d{12}$/,
    accountRule: 'AWS account ids are 12 digits, e.g. 000000000000',
    // A 2-4 letter area (us, eusc), one to three words (gov, isob, south, east), a number:
    // us-east-1, us-gov-west-1, us-isob-east-1, cn-northwest-1, il-central-1, eusc-de-east-1.
    region: /^[a-z]{2,4}(?:-[a-z]+){1,3}-\d{1,2}$/,
    regionRule: 'AWS regions look like us-east-1, us-gov-west-1, cn-north-1: area, one to three words, number',
  },
  alibaba: {
    account: /^\d{16}$/,
    accountRule: 'Alibaba account ids are 16 digits, e.g. 1234567890123456',
    // A 2-3 letter area, a word, then up to three words or numbers:
    // cn-hangzhou, ap-southeast-1, cn-shanghai-finance-1, cn-north-2-gov-1.
    region: /^[a-z]{2,3}-[a-z]+(?:-[a-z0-9]+){0,3}$/,
    regionRule: 'Alibaba regions look like cn-hangzhou, ap-southeast-1, cn-shanghai-finance-1',
  },
  tencent: {
    account: /^\d{1,20}$/,
    accountRule: 'Tencent account ids (UINs) are digits, e.g. 100000000001',
    // A 2-letter area and a city, optionally a zone kind: ap-guangzhou, na-siliconvalley, ap-shanghai-fsi.
    region: /^[a-z]{2}-[a-z]+(?:-[a-z0-9]+){0,2}$/,
    regionRule: 'Tencent regions look like ap-guangzhou, na-siliconvalley, ap-shanghai-fsi',
  },
};

/** Why `account` is not an account of `cloud`, or undefined when it is one. */
export function accountProblem(cloud: Cloud, account: string): string | undefined {
  const rule = NAMESPACE_RULES[cloud];
  return rule.account.test(account) ? undefined : `not an account id (${rule.accountRule})`;
}

/** Why `region` is not a region name of `cloud`, or undefined when it is one. */
export function regionProblem(cloud: Cloud, region: string): string | undefined {
  const rule = NAMESPACE_RULES[cloud];
  return rule.region.test(region) ? undefined : `not a region name (${rule.regionRule})`;
}
