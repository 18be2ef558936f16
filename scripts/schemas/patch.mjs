// RFC 6902 JSON Patch, enough of it for schemas/patches/<cloud>.json, and the loader for those files.
// Objects keep insertion order here (JSON itself does not care): an added member goes last, and
// `move` with the same `from` and `path` takes a member out and puts it back last, which is how a
// patch reorders members. The schema keywords themselves are put in a fixed order afterwards
// (format.mjs), so a patch need not care where an added keyword lands.
import { readFileSync, existsSync } from 'node:fs';

function parsePointer(pointer) {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`"${pointer}" is not a JSON pointer`);
  return pointer.slice(1).split('/').map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

function deepEqual(a, b) {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]));
  }
  return a === b;
}

// The container a pointer's last token lives in, and that token.
function locate(document, pointer) {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) throw new Error('the whole document cannot be patched');
  let parent = document;
  for (const token of tokens.slice(0, -1)) {
    const next = Array.isArray(parent) ? parent[Number(token)] : isObject(parent) ? parent[token] : undefined;
    if (next === undefined) throw new Error(`${pointer}: no "${token}" on the way`);
    parent = next;
  }
  return { parent, key: tokens[tokens.length - 1] };
}

function arrayIndex(array, key, allowEnd) {
  if (allowEnd && key === '-') return array.length;
  if (!/^(0|[1-9]\d*)$/.test(key)) throw new Error(`"${key}" is not an array index`);
  const index = Number(key);
  if (index > array.length || (!allowEnd && index === array.length)) throw new Error(`index ${index} is out of range`);
  return index;
}

function get(document, pointer) {
  const { parent, key } = locate(document, pointer);
  if (Array.isArray(parent)) return parent[arrayIndex(parent, key, false)];
  if (!Object.hasOwn(parent, key)) throw new Error(`${pointer} does not exist`);
  return parent[key];
}

function add(document, pointer, value) {
  const { parent, key } = locate(document, pointer);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, true), 0, value);
  else parent[key] = value;
}

// In place, so a replaced member keeps its position.
function replace(document, pointer, value) {
  const { parent, key } = locate(document, pointer);
  if (Array.isArray(parent)) parent[arrayIndex(parent, key, false)] = value;
  else if (!Object.hasOwn(parent, key)) throw new Error(`${pointer} does not exist`);
  else parent[key] = value;
}

function remove(document, pointer) {
  const { parent, key } = locate(document, pointer);
  if (Array.isArray(parent)) return parent.splice(arrayIndex(parent, key, false), 1)[0];
  if (!Object.hasOwn(parent, key)) throw new Error(`${pointer} does not exist`);
  const value = parent[key];
  delete parent[key];
  return value;
}

/**
 * Applies one RFC 6902 patch to a copy of `document` and returns the copy. Throws on an operation
 * that does not apply (a missing path, a failed `test`), naming the operation.
 */
export function applyPatch(document, patch) {
  const result = structuredClone(document);
  for (const [i, operation] of patch.entries()) {
    const { op, path, from, value } = operation;
    try {
      if (op === 'add') add(result, path, structuredClone(value));
      else if (op === 'remove') remove(result, path);
      else if (op === 'replace') replace(result, path, structuredClone(value));
      else if (op === 'move') add(result, path, remove(result, from));
      else if (op === 'copy') add(result, path, structuredClone(get(result, from)));
      else if (op === 'test') {
        if (!deepEqual(get(result, path), value)) throw new Error(`test failed: the value is ${JSON.stringify(get(result, path))}`);
      } else throw new Error(`unknown op "${op}"`);
    } catch (error) {
      throw new Error(`operation ${i} (${op} ${path}): ${error.message}`);
    }
  }
  return result;
}

/**
 * Reads schemas/patches/<cloud>.json: `{ "<Operation>": [ { "why": "...", "patch": [ RFC 6902
 * operations ] } ] }`, plus an optional top-level "$comment". Returns operation → groups.
 */
export function loadPatches(file) {
  if (!existsSync(file)) return new Map();
  const parsed = JSON.parse(readFileSync(file, 'utf8'));
  const groups = new Map();
  for (const [operation, entries] of Object.entries(parsed)) {
    if (operation === '$comment') continue;
    if (!Array.isArray(entries)) throw new Error(`${file}: ${operation} is not a list of patch groups`);
    for (const [i, entry] of entries.entries()) {
      if (typeof entry.why !== 'string' || entry.why.trim() === '') throw new Error(`${file}: ${operation} group ${i} has no "why"`);
      if (!Array.isArray(entry.patch) || entry.patch.length === 0) throw new Error(`${file}: ${operation} group ${i} has no "patch"`);
    }
    groups.set(operation, entries);
  }
  return groups;
}
