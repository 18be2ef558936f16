/**
 * Redaction for the debug log: what a request or response carried, minus anything that is a
 * secret value, a signature, a key or a token. Anything it cannot read is summarised by size,
 * because an unreadable body may still contain a value.
 */

/** What replaces a hidden value. */
export const REDACTED = '[redacted]';

/** Headers that carry signatures, keys or tokens (Authorization, X-Amz-Security-Token, X-TC-Token, …). */
const SECRET_HEADER = /authorization|token|signature|secret|credential|password|cookie/i;

/** Members whose value is a secret value, in any of the three clouds' requests and responses. */
const VALUE_MEMBERS = new Set(['secretstring', 'secretbinary', 'secretdata', 'randompassword', 'privatekey', 'password']);

/**
 * Signing parameters of query strings and form bodies (Alibaba RPC, Tencent v1, presigned AWS).
 * Only there: in AWS JSON, SecretId is a secret's name, not a key.
 */
const SIGNING_PARAMS = new Set([
  'signature',
  'secretid',
  'accesskeyid',
  'securitytoken',
  'token',
  'x-amz-signature',
  'x-amz-credential',
  'x-amz-security-token',
]);

/** The last segment of a flattened name (`SecretDatas.1.SecretData` → `secretdata`), lower-cased. */
function leaf(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1).toLowerCase();
}

function isValueMember(name: string): boolean {
  return VALUE_MEMBERS.has(leaf(name));
}

/** Headers with signatures, keys and tokens replaced. */
export function redactHeaders(headers: Record<string, string | number | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = SECRET_HEADER.test(name) ? REDACTED : Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

/** A query string or form body with signing parameters and secret values replaced. */
export function redactParams(raw: string): string {
  const params = new URLSearchParams(raw);
  const out = new URLSearchParams();
  for (const [name, value] of params) {
    out.append(name, SIGNING_PARAMS.has(name.toLowerCase()) || isValueMember(name) ? REDACTED : value);
  }
  return out.toString();
}

/** A parsed JSON document with every secret-value member replaced, at any depth. */
export function redactJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJson);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(value)) out[name] = isValueMember(name) ? REDACTED : redactJson(member);
  return out;
}

/** XML (Alibaba's Format=XML answers) with the text of secret-value elements replaced. */
function redactXml(text: string): string {
  // Element text is escaped (no CDATA), so a value cannot contain its own closing tag.
  const element = new RegExp(`<(${[...VALUE_MEMBERS].join('|')})>[\\s\\S]*?</\\1>`, 'gi');
  return text.replace(element, (_whole, tag: string) => `<${tag}>${REDACTED}</${tag}>`);
}

/**
 * A body as the debug log may show it: JSON and form bodies redacted member by member, XML
 * only when `allowXml` (responses; no dialect accepts an XML request), anything else by size.
 */
export function redactBody(body: Buffer | string, contentType: string | undefined, allowXml: boolean): unknown {
  const text = Buffer.isBuffer(body) ? body.toString('utf8') : body;
  if (text === '') return undefined;
  const start = text.trimStart()[0];
  if (start === '{' || start === '[') {
    try {
      return redactJson(JSON.parse(text));
    } catch {
      return `<${Buffer.byteLength(text)} bytes, not valid JSON>`;
    }
  }
  if (allowXml && start === '<') return redactXml(text);
  if ((contentType ?? '').toLowerCase().includes('application/x-www-form-urlencoded')) return redactParams(text);
  return `<${Buffer.byteLength(text)} bytes>`;
}
