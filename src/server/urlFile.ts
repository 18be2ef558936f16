import { rename, rm, writeFile } from 'node:fs/promises';

/** The URL file of a listening server: written once listening, removed on a clean stop. */
export interface PublishedUrl {
  /** Deletes the file; a missing file is not an error. */
  remove(): Promise<void>;
}

/**
 * Writes `url` to `path` (when a path is given) through a temp file and a rename, so a reader such as
 * the container's health check sees the whole URL or no file, never a half-written one.
 */
export async function publishUrl(path: string | undefined, url: string): Promise<PublishedUrl> {
  if (!path) return { remove: async () => {} };
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, `${url}\n`);
  await rename(temp, path);
  return { remove: () => rm(path, { force: true }) };
}
