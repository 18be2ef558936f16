import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { copyCleanTree } from './helpers/image.js';

/** Text files a reader or a test follows; fixtures are data and other binaries are skipped. */
const TEXT = /\.(ts|js|mjs|cjs|json|md|sh|ya?ml|txt)$|(^|\/)(Dockerfile|run|\.dockerignore|\.gitignore)$/;

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'));
}

const exists = (path: string) => stat(path).then(() => true, () => false);

describe('a clone of the repo stands alone', () => {
  let parent: string;
  let clone: string;
  let files: string[];

  beforeAll(async () => {
    // An empty directory around the copy: nothing beside it, as on a developer's fresh clone.
    parent = await mkdtemp(join(tmpdir(), 'polysecret-clone-'));
    clone = join(parent, 'polysecret');
    await copyCleanTree(clone);
    files = (await filesUnder(clone)).filter((file) => TEXT.test(file));
  }, 60_000);

  afterAll(() => rm(parent, { recursive: true, force: true }));

  it('has the fixtures the tests read, each folder described in test/fixtures/README.md', async () => {
    const readme = await readFile(join(clone, 'test/fixtures/README.md'), 'utf8');
    const folders = (await readdir(join(clone, 'test/fixtures'), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.sort()).toEqual(['alibaba-sdk-captures', 'aws-recorded-responses', 'tencent-sdk-captures']);
    for (const folder of folders) expect(readme).toContain(`\`${folder}/`);
    expect(readme).toMatch(/licence/i);
  });

  it('names no path outside itself (no sibling shared folder: fixtures, tools or notes)', async () => {
    // Built from parts so this file does not match itself.
    const outside = new RegExp(['(\\.\\./)+shared\\b', '\\bshared/(fixtures|tools|research)/'].join('|'));
    const offenders: string[] = [];
    for (const file of files) {
      if (file.startsWith('test/fixtures/')) continue;
      const lines = (await readFile(join(clone, file), 'utf8')).split('\n');
      lines.forEach((line, i) => {
        if (outside.test(line)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  it("resolves every file URL a test or helper builds from import.meta.url to a file inside the clone", async () => {
    const urls: string[] = [];
    for (const file of files.filter((f) => f.startsWith('test/') && f.endsWith('.ts'))) {
      const text = await readFile(join(clone, file), 'utf8');
      for (const match of text.matchAll(/new URL\('([^']+)', import\.meta\.url\)/g)) {
        const target = resolve(dirname(join(clone, file)), match[1]);
        const inside = !relative(clone, target).startsWith('..');
        urls.push(`${file} -> ${match[1]}: ${inside && (await exists(target)) ? 'ok' : 'missing or outside'}`);
      }
    }
    expect(urls.length).toBeGreaterThanOrEqual(5);
    expect(urls.filter((line) => !line.endsWith(': ok'))).toEqual([]);
  });

  it('links from every Markdown file only to files that exist in the clone', async () => {
    const broken: string[] = [];
    for (const file of files.filter((f) => f.endsWith('.md') && !f.startsWith('test/fixtures/alibaba'))) {
      const text = await readFile(join(clone, file), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)\s#]+)(#[^)]*)?\)/g)) {
        if (/^[a-z]+:/.test(target)) continue;
        const path = resolve(dirname(join(clone, file)), target);
        if (relative(clone, path).startsWith('..') || !(await exists(path))) broken.push(`${file}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
