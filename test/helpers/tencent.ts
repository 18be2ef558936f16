import * as tencentcloud from 'tencentcloud-sdk-nodejs-ssm';

/** The signing methods and HTTP methods the Node SDK can use; polysecret must take all of them. */
export const TENCENT_FRAMINGS = [
  { name: 'TC3 POST', signMethod: 'TC3-HMAC-SHA256', reqMethod: 'POST' },
  { name: 'TC3 GET', signMethod: 'TC3-HMAC-SHA256', reqMethod: 'GET' },
  { name: 'HmacSHA256 POST', signMethod: 'HmacSHA256', reqMethod: 'POST' },
  { name: 'HmacSHA256 GET', signMethod: 'HmacSHA256', reqMethod: 'GET' },
] as const;
export type TencentFraming = (typeof TENCENT_FRAMINGS)[number];

/** HmacSHA1, which the Node SDK also offers (v1 only); strict-mode tests sign with it too. */
export const TENCENT_SHA1_FRAMINGS = [
  { name: 'HmacSHA1 POST', signMethod: 'HmacSHA1', reqMethod: 'POST' },
  { name: 'HmacSHA1 GET', signMethod: 'HmacSHA1', reqMethod: 'GET' },
] as const;

/** A way for the SDK to sign and send. */
export interface TencentSigning {
  readonly name: string;
  readonly signMethod: 'TC3-HMAC-SHA256' | 'HmacSHA1' | 'HmacSHA256';
  readonly reqMethod: 'GET' | 'POST';
}

/**
 * The key pair the captures were signed with (found by verifying them); polysecret does not check
 * signatures by default.
 */
export const TENCENT_KEY = { secretId: 'AKIDexample000000000000000000000000', secretKey: 'exampleSecretKey0000000000000000' };

const sdk = ((tencentcloud as unknown as { default?: typeof tencentcloud }).default ?? tencentcloud) as typeof tencentcloud;
/** The official SSM client class. */
export const SsmClient = sdk.ssm.v20190923.Client;
export type SsmClientType = InstanceType<typeof SsmClient>;

/** The official SSM client pointed at the server, signing and sending the way `framing` says. */
export function tencentClient(
  url: string,
  framing: TencentSigning = TENCENT_FRAMINGS[0],
  options: { region?: string; language?: 'zh-CN' | 'en-US'; credential?: { secretId: string; secretKey: string; token?: string } } = {},
): SsmClientType {
  return new SsmClient({
    credential: options.credential ?? TENCENT_KEY,
    region: options.region ?? 'ap-guangzhou',
    profile: {
      signMethod: framing.signMethod,
      language: options.language,
      httpProfile: { endpoint: new URL(url).host, protocol: 'http://', reqMethod: framing.reqMethod },
    },
  });
}

/** An SDK error as tests see it: the SSM code, message and request id the SDK exposes. */
export interface TencentSdkError {
  code?: string;
  message: string;
  requestId?: string;
  traceId?: string;
}

/** Runs a call that must fail and returns the SDK's exception. */
export async function tencentError(promise: Promise<unknown>): Promise<TencentSdkError> {
  try {
    await promise;
  } catch (caught) {
    return caught as TencentSdkError;
  }
  throw new Error('expected the call to fail');
}

/** A raw TC3-framed JSON call (signature not checked), for what the SDK hides. */
export async function rawTencent(
  url: string,
  action: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; text: string; json: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tc-action': action, 'x-tc-version': '2019-09-23', ...headers },
    body: typeof body === 'string' ? body : body instanceof Uint8Array ? Uint8Array.from(body) : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}
