#!/usr/bin/env node
// Derives the request schemas from the vendors' SDK models, the way LocalStack derives its AWS
// validation from botocore and keeps its own corrections beside it:
//
//   schemas/aws/*.json      from @aws-sdk/client-secrets-manager + schemas/patches/aws.json
//   schemas/tencent/*.json  from tencentcloud-sdk-nodejs-ssm     + schemas/patches/tencent.json
//   schemas/alibaba/*.json  checked (member names, required) against @alicloud/kms20160120
//                           + schemas/patches/alibaba.json; the model is too thin to generate from
//
//   npm run schemas                          write the derived files
//   node scripts/derive-schemas.mjs --check  write nothing; exit 1 listing every file that differs
//
// schemas/README.md explains the sources and the patch format.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readAws, awsSource } from './schemas/aws.mjs';
import { readTencent, tencentSource } from './schemas/tencent.mjs';
import { readAlibaba, alibabaSource, outline } from './schemas/alibaba.mjs';
import { applyPatch, loadPatches } from './schemas/patch.mjs';
import { orderKeywords, formatPretty, formatCompact } from './schemas/format.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCHEMAS = join(ROOT, 'schemas');

// How each generated cloud is read and written; `order` is the keyword order its files use.
const GENERATED = {
  aws: {
    read: readAws,
    format: formatPretty,
    order: ['$schema', '$id', 'title', 'type', 'enum', 'minLength', 'maxLength', 'pattern', 'x-model-pattern', 'x-blob',
      'x-sensitive', 'items', 'minItems', 'maxItems', 'minimum', 'maximum', 'required', 'properties'],
  },
  tencent: {
    read: readTencent,
    format: (schema) => formatCompact(schema, 120),
    order: ['$schema', '$id', 'title', 'type', 'additionalProperties', 'required', 'minLength', 'maxLength', 'pattern', 'enum',
      'minimum', 'maximum', 'minItems', 'x-sensitive', 'items', 'properties'],
  },
};

const patchFile = (cloud) => join(SCHEMAS, 'patches', `${cloud}.json`);
const relative = (...parts) => ['schemas', ...parts].join('/');
const schemaFiles = (cloud) => readdirSync(join(SCHEMAS, cloud)).filter((name) => name.endsWith('.json')).sort();

// Applies an operation's patch groups in order; a group that does not apply says which and why it was there.
function patched(cloud, operation, base, groups) {
  let schema = base;
  for (const [i, group] of (groups ?? []).entries()) {
    try {
      schema = applyPatch(schema, group.patch);
    } catch (error) {
      throw new Error(`${relative('patches', `${cloud}.json`)}: ${operation} group ${i} ("${group.why}") does not apply: ${error.message}`);
    }
  }
  return schema;
}

/**
 * The files a generated cloud's model and patches give, file name → exact text, and the patch
 * entries naming operations the model does not have. Throws if a patch does not apply.
 */
export function deriveSchemas(cloud) {
  const spec = GENERATED[cloud];
  if (!spec) throw new Error(`${cloud} is not generated (the generated clouds: ${Object.keys(GENERATED).join(', ')})`);
  const model = spec.read();
  const patches = loadPatches(patchFile(cloud));
  const files = new Map();
  for (const [operation, base] of model) {
    const schema = orderKeywords(patched(cloud, operation, base, patches.get(operation)), spec.order, operation);
    files.set(`${operation}.json`, spec.format(schema));
  }
  const orphans = [...patches.keys()].filter((operation) => !model.has(operation));
  return { files, orphans };
}

// The first line where two texts part, for a message a person can act on.
function firstDifference(actual, expected) {
  const a = actual.split('\n');
  const b = expected.split('\n');
  const line = a.findIndex((text, i) => text !== b[i]);
  const at = line < 0 ? Math.min(a.length, b.length) : line;
  return `line ${at + 1}: has ${JSON.stringify(a[at] ?? '(end)')}, derived ${JSON.stringify(b[at] ?? '(end)')}`;
}

function checkGenerated(cloud) {
  const problems = [];
  let derived;
  try {
    derived = deriveSchemas(cloud);
  } catch (error) {
    return [{ file: relative('patches', `${cloud}.json`), problem: error.message }];
  }
  for (const operation of derived.orphans) {
    problems.push({ file: relative('patches', `${cloud}.json`), problem: `patches ${operation}, which the SDK model has no operation for` });
  }
  const present = new Set(schemaFiles(cloud));
  for (const [name, text] of derived.files) {
    const file = relative(cloud, name);
    if (!present.has(name)) problems.push({ file, problem: 'missing: the model has this operation' });
    else {
      const actual = readFileSync(join(SCHEMAS, cloud, name), 'utf8');
      if (actual !== text) problems.push({ file, problem: `differs from its derivation (${firstDifference(actual, text)})` });
    }
  }
  for (const name of present) {
    if (!derived.files.has(name)) problems.push({ file: relative(cloud, name), problem: 'the SDK model has no such operation' });
  }
  return problems;
}

function describeOutline(actual, expected) {
  const differences = [];
  const names = (o) => Object.keys(o.properties);
  const missing = names(expected).filter((n) => !names(actual).includes(n));
  const extra = names(actual).filter((n) => !names(expected).includes(n));
  if (missing.length) differences.push(`lacks member(s) ${missing.join(', ')}`);
  if (extra.length) differences.push(`has member(s) ${extra.join(', ')} the model lacks`);
  if (JSON.stringify(actual.required) !== JSON.stringify(expected.required)) {
    differences.push(`requires [${actual.required.join(', ')}], the model [${expected.required.join(', ')}]`);
  }
  return differences.join('; ');
}

/**
 * The Alibaba check: for every action the SDK has a Request class for and we have a schema for,
 * the schema's member names and required members must equal the SDK's after the patches. Also
 * returns the schemas the SDK has no class for (not a failure: the SDK predates those actions).
 */
export function checkAlibaba() {
  const model = readAlibaba();
  const patches = loadPatches(patchFile('alibaba'));
  const problems = [];
  const unchecked = [];
  for (const name of schemaFiles('alibaba')) {
    const action = name.slice(0, -'.json'.length);
    const file = relative('alibaba', name);
    if (!model.has(action)) {
      unchecked.push(action);
      if (patches.has(action)) problems.push({ file: relative('patches', 'alibaba.json'), problem: `patches ${action}, which the SDK model has no action for` });
      continue;
    }
    try {
      const expected = outline(patched('alibaba', action, model.get(action), patches.get(action)));
      const actual = outline(JSON.parse(readFileSync(join(SCHEMAS, 'alibaba', name), 'utf8')));
      if (JSON.stringify(actual) !== JSON.stringify(expected)) problems.push({ file, problem: describeOutline(actual, expected) });
    } catch (error) {
      problems.push({ file: relative('patches', 'alibaba.json'), problem: error.message });
    }
  }
  for (const action of patches.keys()) {
    if (!existsSync(join(SCHEMAS, 'alibaba', `${action}.json`))) {
      problems.push({ file: relative('patches', 'alibaba.json'), problem: `patches ${action}, which has no schema file` });
    }
  }
  return { problems, unchecked };
}

/**
 * Every checked-in schema file that differs from what this script would write (or, for Alibaba,
 * from the SDK's member names after the patches), and every patch that does not apply. Empty when
 * all is in order. Writes nothing.
 */
export function checkSchemas() {
  return [...checkGenerated('aws'), ...checkGenerated('tencent'), ...checkAlibaba().problems];
}

/** Writes the derived AWS and Tencent files that differ from the checked-in ones; returns their paths. */
export function writeSchemas() {
  const written = [];
  for (const cloud of Object.keys(GENERATED)) {
    for (const [name, text] of deriveSchemas(cloud).files) {
      const path = join(SCHEMAS, cloud, name);
      if (existsSync(path) && readFileSync(path, 'utf8') === text) continue;
      writeFileSync(path, text);
      written.push(relative(cloud, name));
    }
  }
  return written;
}

/** The model each cloud is read from, for the command's summary. */
export function sources() {
  return { aws: awsSource(), tencent: tencentSource(), alibaba: alibabaSource() };
}

function main(argv) {
  const check = argv.includes('--check');
  const unknown = argv.filter((arg) => arg !== '--check');
  if (unknown.length) {
    console.error(`usage: node scripts/derive-schemas.mjs [--check]  (unknown: ${unknown.join(' ')})`);
    return 2;
  }
  for (const [cloud, source] of Object.entries(sources())) console.log(`${cloud}: ${source.package}@${source.version}, ${source.file}`);
  if (!check) {
    const written = writeSchemas();
    console.log(written.length ? `wrote ${written.join(', ')}` : 'every generated schema was already up to date');
  }
  const { unchecked } = checkAlibaba();
  if (unchecked.length) console.log(`alibaba: the SDK has no Request class for ${unchecked.join(', ')}; those schemas are hand-written and unchecked`);
  const problems = checkSchemas();
  for (const { file, problem } of problems) console.error(`${file}: ${problem}`);
  if (problems.length) {
    console.error(`${problems.length} schema file(s) or patch(es) out of step with the SDK models${check ? '' : ' (after writing)'}`);
    return 1;
  }
  console.log('schemas match their derivation');
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main(process.argv.slice(2));
