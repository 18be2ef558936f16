/** File writes that survive power loss once they resolve. */
import { open, readFile, rename } from 'node:fs/promises';
import type { Adapter } from 'lowdb';

/** The mode of every file polysecret writes in a data directory. */
export const PRIVATE_FILE = 0o600;

/** Writes `text` to a temp file, fsyncs it and renames it over `path` (the directory still needs {@link syncDirectory}). */
export async function writeDurably(path: string, text: string): Promise<void> {
  const temp = `${path}.tmp`;
  // Owner-only, whatever the umask (which can only take bits away): these files hold secret values.
  const handle = await open(temp, 'w', PRIVATE_FILE);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
}

/** Makes the directory's entries (new, renamed and removed files) durable. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * A lowdb text adapter that replaces its file atomically *and durably*: lowdb's own TextFile
 * renames a temp file but never fsyncs, so an acknowledged write could vanish on power loss.
 * It holds JSON text that was serialized when the change was queued.
 */
export class DurableTextFile implements Adapter<string> {
  constructor(private readonly path: string) {}

  async read(): Promise<string | null> {
    try {
      return await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async write(text: string): Promise<void> {
    await writeDurably(this.path, text);
  }
}
