import { readFile } from 'node:fs/promises';

/** The default port, as in the settings table; the probe reads it without the rest of the config. */
const DEFAULT_PORT = '4566';

/** How long one probe waits for the answer: well under the container HEALTHCHECK's own timeout. */
export const PROBE_TIMEOUT_MS = 2000;

/** Where {@link healthUrl} looks: the `POLYSECRET_URL_FILE` and `POLYSECRET_PORT` variables. */
export interface ProbeEnv {
  POLYSECRET_URL_FILE?: string;
  POLYSECRET_PORT?: string;
}

/**
 * The health URL of the local server: from the URL file the CLI writes once listening (so a port given
 * by `--port` is found), else `http://127.0.0.1:$POLYSECRET_PORT` (default 4566). A wildcard listen
 * address (0.0.0.0, ::) is not one a client can connect to, so it is mapped to loopback.
 */
export async function healthUrl(env: ProbeEnv): Promise<URL> {
  let base = `http://127.0.0.1:${env.POLYSECRET_PORT || DEFAULT_PORT}`;
  if (env.POLYSECRET_URL_FILE) {
    try {
      base = (await readFile(env.POLYSECRET_URL_FILE, 'utf8')).trim();
    } catch (error) {
      // Not listening yet (or stopped): the file is absent, and the port is the best guess.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  const url = new URL('/_emulator/health', base);
  if (url.hostname === '0.0.0.0') url.hostname = '127.0.0.1';
  if (url.hostname === '[::]') url.hostname = '[::1]';
  return url;
}

/** True when `url` answers 200 within `timeoutMs`; false on any other status, error or timeout. */
export async function isHealthy(url: URL, timeoutMs: number = PROBE_TIMEOUT_MS): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}
