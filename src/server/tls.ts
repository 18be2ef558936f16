import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PolysecretConfig } from './config.js';
import type { Logger } from './log.js';

/** The certificate and key https is served with, and where users find the certificate to trust it. */
export interface TlsIdentity {
  /** PEM certificate (chain). */
  cert: string;
  /** PEM private key; never logged. */
  key: string;
  /** The certificate's file, for `NODE_EXTRA_CA_CERTS`, `AWS_CA_BUNDLE` or `--ca-bundle`. */
  certFile: string;
  /** Removes what this start made that should not outlive it (a temp dir); safe to call twice. */
  dispose(): Promise<void>;
}

/** How long a generated certificate is valid; reused on later starts until it is nearly expired. */
const GENERATED_VALIDITY_DAYS = 365;
/** A kept certificate closer than this to its end is replaced rather than reused. */
const RENEW_BEFORE_MS = 24 * 60 * 60 * 1000;
/** Listen addresses that are no name a client can connect to, so no subject alternative name. */
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '']);

/** A file's text, or an error that names the file and what it was meant to be (never its content). */
async function readPem(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the TLS ${what} file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** Parses a certificate and its key and checks they belong together; errors name the files only. */
function checkPair(cert: string, certFile: string, key: string, keyFile: string): { certificate: X509Certificate; privateKey: KeyObject } {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(cert);
  } catch {
    throw new Error(`the TLS certificate file ${certFile} holds no PEM certificate`);
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(key);
  } catch {
    throw new Error(`the TLS key file ${keyFile} holds no PEM private key (or an encrypted one)`);
  }
  if (!certificate.checkPrivateKey(privateKey)) throw new Error(`the TLS key file ${keyFile} is not the key of the certificate in ${certFile}`);
  return { certificate, privateKey };
}

/** The names a generated certificate must cover: loopback always, and the listen host when it is one. */
export function subjectNamesFor(host: string): { dns: string[]; ips: string[] } {
  const dns = ['localhost'];
  const ips = ['127.0.0.1', '::1'];
  const bare = host.replace(/^\[|\]$/g, '');
  if (!WILDCARD_HOSTS.has(bare)) {
    const list = isIP(bare) ? ips : dns;
    if (!list.includes(bare.toLowerCase())) list.push(bare.toLowerCase());
  }
  return { dns, ips };
}

/** True when a kept certificate still serves: current for a while yet, and naming every host asked for. */
function stillServes(certificate: X509Certificate, names: { dns: string[]; ips: string[] }, now: number): boolean {
  const current = Date.parse(certificate.validFrom) <= now && Date.parse(certificate.validTo) - RENEW_BEFORE_MS > now;
  return current && names.dns.every((name) => certificate.checkHost(name) !== undefined) && names.ips.every((ip) => certificate.checkIP(ip) !== undefined);
}

/** A new self-signed certificate for `names`; the generator is loaded only here, so a start without TLS never pays for it. */
async function generate(names: { dns: string[]; ips: string[] }): Promise<{ cert: string; key: string }> {
  const { generate: selfSigned } = (await import('selfsigned')).default;
  const notBeforeDate = new Date(Date.now() - 60_000); // a minute of slack for clients whose clock runs behind
  const notAfterDate = new Date(notBeforeDate.getTime() + GENERATED_VALIDITY_DAYS * 24 * 60 * 60 * 1000);
  const pems = await selfSigned([{ name: 'commonName', value: 'polysecret' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      // An end-entity certificate, not a CA: clients told to trust this file trust exactly it (OpenSSL,
      // under Node, curl, Python and the aws CLI, takes a trusted self-signed leaf as is), and verifiers
      // that refuse a CA certificate serving as a server's own (webpki in Rust) have nothing to refuse.
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [...names.dns.map((value) => ({ type: 2 as const, value })), ...names.ips.map((ip) => ({ type: 7 as const, ip }))] },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

/** The generated certificate in `dir`, kept from an earlier start when it still serves, else made anew. */
async function generatedIdentity(dir: string, host: string, logger: Logger): Promise<{ cert: string; key: string; certFile: string }> {
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  const names = subjectNamesFor(host);
  try {
    const [cert, key] = await Promise.all([readFile(certFile, 'utf8'), readFile(keyFile, 'utf8')]);
    if (stillServes(checkPair(cert, certFile, key, keyFile).certificate, names, Date.now())) {
      logger.debug(`reusing the TLS certificate in ${dir}`);
      return { cert, key, certFile };
    }
  } catch {
    // None yet, or one that cannot serve: replaced below.
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const { cert, key } = await generate(names);
  await writeFile(keyFile, key, { mode: 0o600 });
  await writeFile(certFile, cert);
  logger.debug(`generated a TLS certificate in ${dir}`);
  return { cert, key, certFile };
}

/**
 * The https identity the configuration asks for: the `tlsCert`/`tlsKey` files, or with `tls` a
 * self-signed certificate kept in `tlsDir`, `<dataDir>/tls` or a temp dir; undefined when TLS is off.
 *
 * @throws with a message naming the file when a certificate or key is missing, unreadable or unusable.
 */
export async function loadTlsIdentity(config: PolysecretConfig, logger: Logger): Promise<TlsIdentity | undefined> {
  const nothingToRemove = async () => undefined;
  if (config.tlsCert !== undefined || config.tlsKey !== undefined) {
    if (config.tlsCert === undefined || config.tlsKey === undefined) throw new Error('--tls-cert and --tls-key go together: give both files');
    // One after the other, so with both files missing the message always names the certificate.
    const cert = await readPem(config.tlsCert, 'certificate');
    const key = await readPem(config.tlsKey, 'key');
    checkPair(cert, config.tlsCert, key, config.tlsKey);
    return { cert, key, certFile: config.tlsCert, dispose: nothingToRemove };
  }
  if (!config.tls) return undefined;
  if (config.tlsDir ?? config.dataDir) {
    const dir = config.tlsDir ?? join(config.dataDir as string, 'tls');
    return { ...(await generatedIdentity(dir, config.host, logger)), dispose: nothingToRemove };
  }
  // Without a place to keep it, the certificate lives as long as this server.
  const dir = await mkdtemp(join(tmpdir(), 'polysecret-tls-'));
  return { ...(await generatedIdentity(dir, config.host, logger)), dispose: () => rm(dir, { recursive: true, force: true }) };
}
