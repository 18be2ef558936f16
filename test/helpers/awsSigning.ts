/**
 * SigV4 test vectors for the AWS dialect. There are no captured AWS requests, so requests are
 * signed here with @smithy/signature-v4 (the signer inside the official SDK) and sent byte for
 * byte over node:http, so a test can alter exactly one thing before sending.
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignatureV4 } from '@smithy/signature-v4';

type Data = string | ArrayBuffer | ArrayBufferView;

function bytes(data: Data): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

/** The hash constructor @smithy/signature-v4 expects, on node:crypto. */
class Sha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: Data) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: Data): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

/** A key as a client holds it. */
export interface TestKey {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** A request ready to send: headers exactly as signed, body as bytes. */
export interface RawRequest {
  headers: Record<string, string>;
  body: Buffer;
}

/** Signs a Secrets Manager JSON 1.1 call to `url` with the SDK's signer, at `date`; a string input is sent as is. */
export async function signCall(
  url: string,
  operation: string,
  input: unknown,
  options: { key: TestKey; date: Date; region?: string; service?: string; headers?: Record<string, string>; checksum?: boolean },
): Promise<RawRequest> {
  const { hostname, port, host } = new URL(url);
  const body = typeof input === 'string' ? input : JSON.stringify(input);
  const signer = new SignatureV4({
    service: options.service ?? 'secretsmanager',
    region: options.region ?? 'us-east-1',
    credentials: options.key,
    sha256: Sha256,
    // Like the SDK's client, which signs X-Amz-Content-SHA256 too; `checksum: false` leaves it out.
    applyChecksum: options.checksum ?? true,
  });
  const signed = await signer.sign(
    {
      method: 'POST',
      protocol: 'http:',
      hostname,
      port: Number(port),
      path: '/',
      query: {},
      headers: {
        host,
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `secretsmanager.${operation}`,
        'content-length': String(Buffer.byteLength(body)),
        ...options.headers,
      },
      body,
    },
    { signingDate: options.date },
  );
  return { headers: { ...(signed.headers as Record<string, string>) }, body: Buffer.from(body) };
}

/** What came back, parsed when it is JSON. */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

/** Sends a request over node:http with exactly these headers (fetch would add or forbid some, Host among them). */
export function send(url: string, request: RawRequest): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { hostname, port, path: '/', method: 'POST', headers: { ...request.headers, 'content-length': String(request.body.length) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

/** Replaces one parameter of the Authorization header. */
export function withAuthParam(request: RawRequest, name: 'Credential' | 'SignedHeaders' | 'Signature', value: string): RawRequest {
  const authorization = request.headers.authorization.replace(new RegExp(`${name}=[^,]*`), `${name}=${value}`);
  return { ...request, headers: { ...request.headers, authorization } };
}

/** The AWS entries of a credentials file. */
export interface AwsListedKey {
  accessKeyId: string;
  secretAccessKey: string;
  accountId: string;
  sessionToken?: string;
}

/**
 * Writes a temporary credentials file listing `aws` keys, synchronously so a suite can pass it to
 * useServer; removes it after the suite.
 */
export function credentialsFile(aws: AwsListedKey[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'polysecret-aws-credentials-'));
  const file = join(dir, 'credentials.json');
  writeFileSync(file, JSON.stringify({ aws }));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return file;
}
