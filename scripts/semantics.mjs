#!/usr/bin/env node
// Writes docs/semantics.md from the compiled clouds (run after `npm run build`, as `npm run semantics` does):
//
//   npm run semantics              write the document
//   npm run semantics -- --check   write nothing; exit 1 if the checked-in document differs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLOUDS } from '../dist/app/clouds.js';
import { renderSemantics, SEMANTICS_FILE } from '../dist/app/semantics.js';

const file = join(fileURLToPath(new URL('..', import.meta.url)), SEMANTICS_FILE);
const text = renderSemantics(CLOUDS);

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // A missing document is out of date like any other.
  }
  if (current !== text) {
    console.error(`${SEMANTICS_FILE} is out of date: run npm run semantics`);
    process.exit(1);
  }
} else {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`wrote ${SEMANTICS_FILE}`);
}
