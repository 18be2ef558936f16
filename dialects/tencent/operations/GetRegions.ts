import type { TencentContext } from '../context.js';

/** Regions where SSM is offered, as listed on Tencent's endpoint pages [inf: the emulator accepts any region]. */
const SSM_REGIONS = [
  'ap-guangzhou',
  'ap-shanghai',
  'ap-nanjing',
  'ap-beijing',
  'ap-chengdu',
  'ap-chongqing',
  'ap-hongkong',
  'ap-singapore',
  'ap-jakarta',
  'ap-bangkok',
  'ap-seoul',
  'ap-tokyo',
  'ap-mumbai',
  'na-siliconvalley',
  'na-ashburn',
  'eu-frankfurt',
  'sa-saopaulo',
];

/** GetRegions: the configured default region first, then the common SSM regions. */
export async function GetRegions(_input: object, context: TencentContext): Promise<object> {
  return { Regions: [...new Set([context.defaultRegion, ...SSM_REGIONS])] };
}
