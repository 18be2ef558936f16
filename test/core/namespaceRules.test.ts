import { accountProblem, regionProblem } from '../../src/core/namespaceRules.js';

describe('account and region rules', () => {
  it.each([
    ['aws', ['us-east-1', 'us-gov-west-1', 'cn-north-1', 'cn-northwest-1', 'ap-southeast-4', 'il-central-1', 'mx-central-1', 'us-iso-east-1', 'us-isob-east-1', 'eu-isoe-west-1', 'eusc-de-east-1']],
    ['alibaba', ['cn-hangzhou', 'ap-southeast-1', 'cn-shanghai-finance-1', 'cn-north-2-gov-1', 'cn-hongkong', 'eu-central-1', 'me-east-1', 'cn-heyuan-acdr-1']],
    ['tencent', ['ap-guangzhou', 'na-siliconvalley', 'ap-shanghai-fsi', 'ap-beijing-fsi', 'eu-frankfurt', 'sa-saopaulo', 'ap-shanghai-adc']],
  ] as const)('accept every real %s region', (cloud, regions) => {
    for (const region of regions) expect([region, regionProblem(cloud, region)]).toEqual([region, undefined]);
  });

  it.each(['aws', 'alibaba', 'tencent'] as const)('refuse junk as a %s region', (cloud) => {
    for (const region of ['mars-1', 'not a region', '', 'US-EAST-1', 'us-east-1 ', 'us_east_1']) expect(regionProblem(cloud, region)).toMatch(/^not a region name \(/);
  });

  it('refuse mars-1 for AWS, which needs area-word-number', () => {
    expect(regionProblem('aws', 'mars-1')).toBe('not a region name (AWS regions look like us-east-1, us-gov-west-1, cn-north-1: area, one to three words, number)');
    expect(regionProblem('aws', 'us-east')).toBeDefined();
  });

  it.each([
    ['aws', '000000000000', ['abc', '00000000000', '0000000000000', '']],
    ['alibaba', '1234567890123456', ['123456789012345', '12345678901234567', 'acct']],
    ['tencent', '100000000001', ['uin-1', '', '1'.repeat(21)]],
  ] as const)('take %s accounts by their digits', (cloud, good, bad) => {
    expect(accountProblem(cloud, good)).toBeUndefined();
    for (const account of bad) expect(accountProblem(cloud, account)).toMatch(/^not an account id \(/);
  });
});
