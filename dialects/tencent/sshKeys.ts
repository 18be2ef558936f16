/**
 * SSH key pairs as CVM hands them out through SSM: an RSA key, the public half in OpenSSH form
 * commented with the key id (`ssh-rsa AAAA… skey-e0vbh2ts`), the private half as PKCS#1 PEM
 * (`-----BEGIN RSA PRIVATE KEY-----`) without a trailing newline [doc: CLI example, GetSSHKeyPairValue].
 */
import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import type { SecretRecord } from '../../src/core/model.js';
import type { TencentContext } from './context.js';

const generateRsaKeyPair = promisify(generateKeyPair);

/** The key material an SSH key pair secret holds. */
export interface SshKeyPair {
  PublicKey: string;
  PrivateKey: string;
}

/** SSH's wire encoding of a string or byte field: a 4-byte big-endian length, then the bytes. */
function sshField(bytes: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

/** An SSH mpint from a JWK base64url integer: big-endian, with a 0 byte ahead of a set high bit. */
function sshMpint(base64url: string): Buffer {
  const bytes = Buffer.from(base64url, 'base64url');
  return sshField(bytes[0] & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
}

/** A new 2048-bit RSA key pair, the public key commented with `comment`. */
export async function newSshKeyPair(comment: string): Promise<SshKeyPair> {
  const { publicKey, privateKey } = await generateRsaKeyPair('rsa', { modulusLength: 2048 });
  const { n, e } = publicKey.export({ format: 'jwk' });
  const blob = Buffer.concat([sshField(Buffer.from('ssh-rsa')), sshMpint(e!), sshMpint(n!)]);
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  return { PublicKey: `ssh-rsa ${blob.toString('base64')} ${comment}`, PrivateKey: pem.trimEnd() };
}

/** The secret in the caller's region holding this SSH key id. */
export function findBySshKeyId(context: TencentContext, sshKeyId: string): SecretRecord | undefined {
  return context.secrets.list(context.ns).find((record) => record.tencent?.sshKeyId === sshKeyId);
}

/** A CVM-style key id, `skey-` and 8 lowercase letters or digits [doc: CLI example], unused in the caller's region. */
export function newSshKeyId(context: TencentContext): string {
  for (;;) {
    const id = `skey-${context.secrets.ids.alphanumeric(8).toLowerCase()}`;
    if (!findBySshKeyId(context, id)) return id;
  }
}
