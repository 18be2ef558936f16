import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The provenance convention (README, "How sure a vendor behaviour is"): a comment says where a
 * vendor behaviour comes from with one of five tags, `[doc]`, `[sdk]`, `[rec]`, `[obs]` or `[inf]`,
 * optionally with a detail after a colon, and cites only what a reader can open: a public document
 * by its title, an SDK, or a fixture path in this repo.
 */

const ROOT = normalize(join(dirname(fileURLToPath(import.meta.url)), '..'));
const TAGS = new Set(['doc', 'sdk', 'rec', 'obs', 'inf']);
/** Words that start a provenance tag in some spelling; anything else in brackets is code (`[key]`, `[i]`). */
const TAG_WORDS = /^(docs?|sdk|rec|record(ed)?|obs(erved)?|inf(erred)?|guess(ed)?|model|cli|verified|source|moto|localstack)$/i;
/** A bracket that opens with a word, as a tag does: `[doc]`, `[inf: …]`, and misspellings of them. */
const BRACKETED = /\[([A-Za-z]+)(?=[\]:;, ])/g;

async function sourcesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(join(ROOT, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(ts|mjs|sh)$/.test(entry.name) && !entry.parentPath.includes(`${sep}fixtures`))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** The comment lines of a file (line comments, block comment lines, shell comments), numbered. */
function commentLines(text: string): Array<{ line: number; text: string }> {
  return text
    .split('\n')
    .map((content, index) => ({ line: index + 1, text: content }))
    .filter(({ text: content }) => /^\s*(\/\/|\/?\*|#)/.test(content) || content.includes(' // '));
}

describe('provenance tags in comments', () => {
  let comments: Array<{ file: string; line: number; text: string }>;

  beforeAll(async () => {
    const files = (await Promise.all(['app', 'src', 'dialects', 'bench', 'scripts', 'test'].map(sourcesUnder))).flat();
    comments = [];
    for (const file of files) {
      for (const comment of commentLines(await readFile(join(ROOT, file), 'utf8'))) comments.push({ file, ...comment });
    }
  });

  it('reads the comments of the code, and they carry tags (the checks below are not vacuous)', () => {
    expect(comments.length).toBeGreaterThan(2000);
    const tagged = comments.filter(({ text }) => /\[(doc|sdk|rec|obs|inf)[\]:]/.test(text));
    expect(tagged.length).toBeGreaterThan(200);
  });

  it('spells every tag one of the five ways', () => {
    const misspelt = comments.flatMap(({ file, line, text }) =>
      [...text.matchAll(BRACKETED)]
        .map((match) => match[1])
        .filter((word) => TAG_WORDS.test(word) && !TAGS.has(word))
        .map((word) => `${file}:${line} [${word}`),
    );
    expect(misspelt).toEqual([]);
  });

  it('cites no notes outside the repo (section marks of private notes, capture numbers without a path)', () => {
    const outside = comments.filter(({ text }) => /§\s*\d|\b(aws|alibaba|tencent)\.md\b|\bcaptures? \d/.test(text)).map(({ file, line }) => `${file}:${line}`);
    expect(outside).toEqual([]);
  });
});
