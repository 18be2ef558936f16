import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The house rules, checked on every import of the shipped code (app/, src/, dialects/):
 *   app/ (the composition root) ──▶ dialects/<cloud> ──▶ src/dialect (the kit) ──▶ src/core
 *   app/ ──▶ src/server ──▶ src/dialect, src/core, src/store, src/auth
 * Nothing below imports what is above it, and the core imports nothing but itself.
 */

const ROOT = normalize(join(dirname(fileURLToPath(import.meta.url)), '..'));
const CLOUDS = ['aws', 'alibaba', 'tencent'];
const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/gm;

interface Edge {
  from: string;
  to: string;
}

async function sourcesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(join(ROOT, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** Every relative import of the shipped code, as repo paths of the importing and imported `.ts` files. */
async function edges(): Promise<Edge[]> {
  const files = (await Promise.all(['app', 'src', 'dialects'].map(sourcesUnder))).flat();
  const found: Edge[] = [];
  for (const from of files) {
    const text = await readFile(join(ROOT, from), 'utf8');
    for (const match of text.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? match[3];
      if (!specifier.startsWith('.')) continue;
      const to = normalize(join(dirname(from), specifier)).split(sep).join('/').replace(/\.js$/, '.ts');
      found.push({ from, to });
    }
  }
  return found;
}

const under = (path: string, folder: string) => path.startsWith(`${folder}/`);
const cloudOf = (path: string) => (under(path, 'dialects') ? path.split('/')[1] : undefined);
const show = (list: Edge[]) => list.map(({ from, to }) => `${from} -> ${to}`);

describe('layering: who may import whom', () => {
  let all: Edge[];

  beforeAll(async () => {
    all = await edges();
  });

  it('reads the imports of every shipped file (the rules below are not vacuous)', () => {
    expect(all.length).toBeGreaterThan(300);
    for (const cloud of CLOUDS) expect(all.some(({ from, to }) => under(from, `dialects/${cloud}`) && under(to, 'src/core'))).toBe(true);
  });

  it('src/ never imports dialects/ or the composition root', () => {
    expect(show(all.filter(({ from, to }) => under(from, 'src') && (under(to, 'dialects') || under(to, 'app'))))).toEqual([]);
  });

  it('dialects never import the server or the composition root', () => {
    expect(show(all.filter(({ from, to }) => under(from, 'dialects') && (under(to, 'src/server') || under(to, 'app'))))).toEqual([]);
  });

  it('a dialect never imports a sibling dialect', () => {
    expect(show(all.filter(({ from, to }) => under(from, 'dialects') && under(to, 'dialects') && cloudOf(from) !== cloudOf(to)))).toEqual([]);
  });

  it('an operation never imports another operation (only the operations index lists them)', () => {
    const isOperation = (path: string) => /^dialects\/[^/]+\/operations\/[^/]+\.ts$/.test(path) && !path.endsWith('/index.ts');
    expect(show(all.filter(({ from, to }) => isOperation(from) && isOperation(to)))).toEqual([]);
  });

  it('the core imports only itself: no server, store, auth or dialect kit', () => {
    expect(show(all.filter(({ from, to }) => under(from, 'src/core') && !under(to, 'src/core')))).toEqual([]);
  });

  it('the dialect kit sits between the dialects and the core: it imports neither the server nor the store', () => {
    expect(show(all.filter(({ from, to }) => under(from, 'src/dialect') && (under(to, 'src/server') || under(to, 'src/store'))))).toEqual([]);
  });

  it('only the composition root imports every dialect', () => {
    const importers = new Map<string, Set<string>>();
    for (const { from, to } of all) {
      const cloud = cloudOf(to);
      if (!cloud || cloudOf(from)) continue;
      importers.set(from, (importers.get(from) ?? new Set()).add(cloud));
    }
    const everyDialect = [...importers].filter(([, clouds]) => clouds.size === CLOUDS.length).map(([file]) => file);
    expect(everyDialect).toEqual(['app/clouds.ts']);
    expect([...importers.keys()].every((file) => under(file, 'app'))).toBe(true);
  });
});
