/**
 * Redaction for the debug log: what a request or response carried, minus anything that is a
 * secret value, a signature, a key or a token. Anything it cannot read is summarised by size,
 * because an unreadable body may still contain a value.
 */

/** What replaces a hidden value. */
export const REDACTED = '[redacted]';

/** Headers that carry signatures, keys or tokens (Authorization, X-Amz-Security-Token, X-TC-Token, …). */
const SECRET_HEADER = /authorization|token|signature|secret|credential|password|cookie/i;

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

/** Headers with signatures, keys and tokens replaced. */
export function redactHeaders(headers: Record<string, string | number | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = SECRET_HEADER.test(name) ? REDACTED : Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

/**
 * Redaction of query strings, JSON, form and XML bodies, with secret values found by member name:
 * the members every dialect says carry a secret value in its requests and answers.
 */
export class Redactor {
  private readonly members: ReadonlySet<string>;
  private readonly xmlElement: RegExp;

  constructor(valueMembers: Iterable<string>) {
    this.members = new Set([...valueMembers].map((name) => name.toLowerCase()));
    const names = [...this.members].map((name) => name.replace(/[^a-z0-9_-]/g, ''));
    // Element text is escaped (no CDATA), so a value cannot contain its own closing tag.
    this.xmlElement = new RegExp(`<(${names.join('|') || '(?!)'})>[\\s\\S]*?</\\1>`, 'gi');
  }

  private isValueMember(name: string): boolean {
    return this.members.has(leaf(name));
  }

  /** A query string or form body with signing parameters and secret values replaced. */
  params(raw: string): string {
    const params = new URLSearchParams(raw);
    const out = new URLSearchParams();
    for (const [name, value] of params) {
      out.append(name, SIGNING_PARAMS.has(name.toLowerCase()) || this.isValueMember(name) ? REDACTED : value);
    }
    return out.toString();
  }

  /** A parsed JSON document with every secret-value member replaced, at any depth. */
  json(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((item) => this.json(item));
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [name, member] of Object.entries(value)) out[name] = this.isValueMember(name) ? REDACTED : this.json(member);
    return out;
  }

  /**
   * A body as the debug log may show it: JSON and form bodies redacted member by member, XML
   * only when `allowXml` (responses; no dialect accepts an XML request), anything else by size.
   */
  body(body: Buffer | string, contentType: string | undefined, allowXml: boolean): unknown {
    const text = Buffer.isBuffer(body) ? body.toString('utf8') : body;
    if (text === '') return undefined;
    const start = text.trimStart()[0];
    if (start === '{' || start === '[') {
      try {
        return this.json(JSON.parse(text));
      } catch {
        return `<${Buffer.byteLength(text)} bytes, not valid JSON>`;
      }
    }
    if (allowXml && start === '<') return text.replace(this.xmlElement, (_whole, tag: string) => `<${tag}>${REDACTED}</${tag}>`);
    if ((contentType ?? '').toLowerCase().includes('application/x-www-form-urlencoded')) return this.params(text);
    return `<${Buffer.byteLength(text)} bytes>`;
  }
}
