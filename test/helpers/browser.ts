import { existsSync } from 'node:fs';
import type { Browser } from 'puppeteer-core';

/** How to get the browser the inspector tests drive (never downloaded: the system's own Chromium). */
export const CHROMIUM_INSTALL = 'apt-get install chromium';
/** Set to `1` (CI does) to fail, not skip, the browser tests when no Chromium is found. */
export const REQUIRE_BROWSER = 'POLYSECRET_REQUIRE_BROWSER';
/** Names a Chromium or Chrome executable to use instead of the usual places. */
export const CHROMIUM_PATH = 'POLYSECRET_CHROMIUM';

const USUAL_PLACES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The Chromium executable to drive, or undefined when there is none. */
export function findChromium(): string | undefined {
  const named = process.env[CHROMIUM_PATH];
  if (named) return existsSync(named) ? named : undefined;
  return USUAL_PLACES.find((path) => existsSync(path));
}

/**
 * A describe block that needs Chromium: skipped with a note when none is found, failed instead when
 * {@link REQUIRE_BROWSER} is `1`.
 */
export function describeWithBrowser(title: string, body: (executablePath: string) => void): void {
  const executablePath = findChromium();
  if (executablePath) describe(title, () => body(executablePath));
  else if (process.env[REQUIRE_BROWSER] === '1') it(title, () => Promise.reject(new Error(`${REQUIRE_BROWSER}=1 but no Chromium was found: ${CHROMIUM_INSTALL}`)));
  else it.skip(`${title} (skipped: no Chromium executable found; ${CHROMIUM_INSTALL} or set ${CHROMIUM_PATH})`, () => undefined);
}

/** Starts headless Chromium; `--no-sandbox` because CI runs as root in a container, where the sandbox cannot start. */
export async function launchChromium(executablePath: string): Promise<Browser> {
  const { launch } = await import('puppeteer-core');
  return launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run', '--no-default-browser-check'],
    defaultViewport: { width: 1280, height: 800 },
  });
}
