import type { TargetSummary } from './result.js';
import type { ConformCloud } from './scenario.js';

/** Where and as whom a driver calls one cloud. */
export interface DriverTarget {
  /** The endpoint URL; absent, the SDK uses the vendor's own for the region. */
  endpoint?: string;
  /** Absent: the SDK's own choice (AWS reads AWS_REGION or its config files). */
  region?: string;
  /** Absent: the SDK's own credential chain (AWS). */
  credentials?: { id: string; secret: string; token?: string };
}

/** Where a run sends one cloud's steps: a polysecret (its URL), or the vendor's service. */
export type TargetSpec =
  | { kind: 'polysecret'; url: string; adminToken?: string }
  /** `endpoint` replaces the vendor's public one (a VPC endpoint, a proxy, a test double). */
  | { kind: 'real'; endpoint?: string };

/** A target that cannot be used: a missing variable, a bad URL. */
export class TargetError extends Error {
  override name = 'TargetError';
}

/** Keys any polysecret in permissive mode accepts; a region each cloud has. */
const EMULATOR: Record<ConformCloud, Required<Omit<DriverTarget, 'endpoint'>>> = {
  aws: { region: 'us-east-1', credentials: { id: 'AKIAIOSFODNN7EXAMPLE', secret: 'conform' } },
  alibaba: { region: 'cn-hangzhou', credentials: { id: 'conform', secret: 'conform' } },
  tencent: { region: 'ap-guangzhou', credentials: { id: 'AKIDconform', secret: 'conform' } },
};

/** Each SDK's standard credential and region variables (for a real target, AWS's SDK reads its own). */
const VARIABLES = {
  aws: { id: 'AWS_ACCESS_KEY_ID', secret: 'AWS_SECRET_ACCESS_KEY', token: 'AWS_SESSION_TOKEN', region: 'AWS_REGION' },
  alibaba: { id: 'ALIBABA_CLOUD_ACCESS_KEY_ID', secret: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET', token: 'ALIBABA_CLOUD_SECURITY_TOKEN', region: 'ALIBABA_CLOUD_REGION_ID' },
  tencent: { id: 'TENCENTCLOUD_SECRET_ID', secret: 'TENCENTCLOUD_SECRET_KEY', token: 'TENCENTCLOUD_SESSION_TOKEN', region: 'TENCENTCLOUD_REGION' },
} as const;

/** The vendors' public endpoints. */
const PUBLIC_ENDPOINTS = {
  alibaba: (region: string) => `https://kms.${region}.aliyuncs.com`,
  tencent: () => 'https://ssm.tencentcloudapi.com',
};

function checkedUrl(cloud: ConformCloud, url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.origin;
  } catch {
    // Reported below, with the cloud it was given for.
  }
  throw new TargetError(`${cloud}: '${url}' is not an http(s) URL`);
}

/**
 * How a driver reaches `cloud` for a target spec. A real target reads credentials and region from
 * the SDK's standard environment variables and refuses to start without them.
 *
 * @throws {@link TargetError} naming what is missing.
 */
export function driverTarget(cloud: ConformCloud, spec: TargetSpec, env: NodeJS.ProcessEnv): DriverTarget {
  const endpoint = spec.kind === 'polysecret' ? spec.url : spec.endpoint;
  const checked = endpoint === undefined ? undefined : checkedUrl(cloud, endpoint);
  const names = VARIABLES[cloud];
  const missing = [names.id, names.secret, names.region].filter((name) => !env[name]);
  // A polysecret in strict mode knows only listed keys: the variables serve there too when all are set.
  if (spec.kind === 'polysecret') return { endpoint: checked, ...(missing.length === 0 ? fromVariables(cloud, env) : EMULATOR[cloud]) };
  if (cloud === 'aws') return { endpoint: checked };
  if (missing.length > 0) throw new TargetError(`--real ${cloud} needs ${missing.join(', ')} in the environment`);
  const { region, credentials } = fromVariables(cloud, env);
  return { endpoint: checked ?? PUBLIC_ENDPOINTS[cloud](region), region, credentials };
}

/** The region and credentials the cloud's variables hold (all present). */
function fromVariables(cloud: ConformCloud, env: NodeJS.ProcessEnv): Required<Omit<DriverTarget, 'endpoint'>> {
  const names = VARIABLES[cloud];
  const token = env[names.token];
  return { region: env[names.region] as string, credentials: { id: env[names.id] as string, secret: env[names.secret] as string, ...(token ? { token } : {}) } };
}

/** What a report says about a target. */
export function targetSummary(spec: TargetSpec, target: DriverTarget): TargetSummary {
  return { kind: spec.kind, ...(target.endpoint ? { endpoint: target.endpoint } : {}) };
}
