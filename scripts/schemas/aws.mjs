// Reads AWS Secrets Manager's operation inputs from the static schemas that
// @aws-sdk/client-secrets-manager exports (the `<Shape>$` arrays whose layout
// @smithy/types declares public as StaticSchema), plus the enum values the
// package exports as objects. The SDK drops the model's constraint traits
// (length, range, pattern), so those live in schemas/patches/aws.json.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';

const require = createRequire(import.meta.url);
const PACKAGE = '@aws-sdk/client-secrets-manager';

// StaticSchema kinds and the numeric sentinels for simple types (@smithy/types, @smithy/core/schema).
const KIND = { SIMPLE: 0, LIST: 1, MAP: 2, STRUCT: 3, UNION: 4, OPERATION: 9 };
const SENTINEL = { STRING: 0, NUMERIC: 1, BOOLEAN: 2, BLOB: 21 };
const LIST_OF = 64;
const MAP_OF = 128;
// Trait bits when traits are given as a number (smithy's translateTraits order).
const SENSITIVE_BIT = 1 << 3;

/** Where the model is read from, for messages and the README. */
export function awsSource() {
  const manifest = require.resolve(`${PACKAGE}/package.json`);
  const { version } = JSON.parse(readFileSync(manifest, 'utf8'));
  return { package: PACKAGE, version, file: 'dist-cjs/index.js (exported `<Shape>$` static schemas)', root: dirname(manifest) };
}

const deref = (ref) => (typeof ref === 'function' ? ref() : ref);

function isSensitive(traits) {
  if (typeof traits === 'number') return (traits & SENSITIVE_BIT) !== 0;
  return Boolean(traits && typeof traits === 'object' && traits.sensitive);
}

/**
 * Members typed with an SDK enum, as `Struct.Member` → enum name. The static schemas type
 * them as plain strings; only the declarations tie a member to its enum.
 */
function enumMembers(root) {
  const path = join(root, 'dist-types', 'models', 'models_0.d.ts');
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, false);
  const enums = new Set();
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && statement.moduleSpecifier.text === './enums') {
      for (const element of statement.importClause?.namedBindings?.elements ?? []) enums.add(element.name.text);
    }
  }
  // A member declared `Key?: FilterNameStringType | undefined` names its enum among the union's types.
  const enumOf = (type) => (ts.isUnionTypeNode(type) ? type.types : [type])
    .map((t) => (ts.isTypeReferenceNode(t) ? t.typeName.getText(source) : undefined))
    .find((name) => enums.has(name));
  const links = new Map();
  for (const statement of source.statements) {
    if (!ts.isInterfaceDeclaration(statement)) continue;
    for (const member of statement.members) {
      const name = member.type && ts.isPropertySignature(member) ? enumOf(member.type) : undefined;
      if (name) links.set(`${statement.name.text}.${member.name.getText(source)}`, name);
    }
  }
  return links;
}

/**
 * One JSON schema per operation input, in the shape the checked-in files use: members in the
 * SDK's order, `required` from the struct's leading required members, sensitive and blob flags.
 */
export function readAws() {
  const sdk = require(PACKAGE);
  const links = enumMembers(awsSource().root);

  function memberSchema(ref, context) {
    let traits = 0;
    // A member given as [schema, traits] (two entries; a static schema has at least five) carries member traits.
    if (Array.isArray(ref) && ref.length === 2) {
      traits = ref[1];
      ref = ref[0];
    }
    const target = deref(ref);
    if (typeof target === 'number') return simple(target, isSensitive(traits), context);
    const [kind, , name, ownTraits] = target;
    const sensitive = isSensitive(traits) || isSensitive(ownTraits);
    if (kind === KIND.SIMPLE) return simple(deref(target[4]), sensitive, context);
    if (kind === KIND.LIST) return { type: 'array', items: memberSchema(target[4], `${context}[]`) };
    if (kind === KIND.STRUCT) return structSchema(target);
    throw new Error(`${context}: ${name} is a kind of shape (${kind}) no request uses yet`);
  }

  function simple(sentinel, sensitive, context) {
    if (sentinel >= LIST_OF && sentinel < MAP_OF) return { type: 'array', items: simple(sentinel & (LIST_OF - 1), false, `${context}[]`) };
    let schema;
    if (sentinel === SENTINEL.STRING) schema = { type: 'string' };
    else if (sentinel === SENTINEL.BOOLEAN) schema = { type: 'boolean' };
    // Every number in this service's requests is an integer or long; the schema spells all numbers alike.
    else if (sentinel === SENTINEL.NUMERIC) schema = { type: 'integer' };
    else if (sentinel === SENTINEL.BLOB) schema = { type: 'string', 'x-blob': true };
    else throw new Error(`${context}: simple type ${sentinel} is not one this reader maps`);
    if (sensitive) schema['x-sensitive'] = true;
    return schema;
  }

  function structSchema(struct) {
    const [, , name, , members, targets, requiredCount = 0] = struct;
    const properties = {};
    members.forEach((member, i) => {
      const schema = memberSchema(targets[i], `${name}.${member}`);
      const enumName = links.get(`${name}.${member}`);
      properties[member] = enumName ? { type: 'string', enum: Object.values(sdk[enumName]) } : schema;
    });
    // The SDK lists a struct's required members first and gives their count.
    return { type: 'object', required: members.slice(0, requiredCount), properties };
  }

  const operations = new Map();
  for (const [exported, value] of Object.entries(sdk)) {
    if (!exported.endsWith('$') || !Array.isArray(value) || value[0] !== KIND.OPERATION) continue;
    const operation = value[2];
    const input = structSchema(deref(value[4]));
    operations.set(operation, {
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: `aws/${operation}`,
      title: operation,
      ...input,
    });
  }
  return operations;
}
