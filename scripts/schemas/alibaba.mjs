// Reads what @alicloud/kms20160120 knows of the KMS secrets actions: each `<Action>Request` class
// maps its fields to wire names (static names()) and its declaration marks optional fields with `?`.
// That is all the model holds — no lengths, enums or patterns, every RPC parameter a string on the
// wire, and only 13 of the 21 actions we serve — so the Alibaba schemas are checked against it
// (member names and required members) rather than generated from it.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';

const require = createRequire(import.meta.url);
const PACKAGE = '@alicloud/kms20160120';
const DECLARATIONS = 'dist/client.d.ts';

/** Where the model is read from, for messages and the README. */
export function alibabaSource() {
  const manifest = require.resolve(`${PACKAGE}/package.json`);
  const { version } = JSON.parse(readFileSync(manifest, 'utf8'));
  return { package: PACKAGE, version, file: `${DECLARATIONS} and the Request classes' names()`, root: dirname(manifest) };
}

/**
 * What a schema says about an action at the level this model can check: its member names and
 * required members, both sorted, each member mapped to `{}`. Works on a checked-in schema too.
 */
export function outline(schema) {
  const names = Object.keys(schema.properties ?? {}).sort();
  return {
    required: [...(schema.required ?? [])].sort(),
    properties: Object.fromEntries(names.map((name) => [name, {}])),
  };
}

/** The SDK's outline of every action it has a Request class for, by action name. */
export function readAlibaba() {
  const sdk = require(PACKAGE);
  const path = join(alibabaSource().root, DECLARATIONS);
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, false);
  const actions = new Map();
  for (const statement of source.statements) {
    if (!ts.isClassDeclaration(statement) || !statement.name?.text.endsWith('Request')) continue;
    const className = statement.name.text;
    const wireNames = sdk[className]?.names?.();
    if (!wireNames) throw new Error(`${PACKAGE} declares ${className} but exports no names() for it`);
    const properties = {};
    const required = [];
    for (const member of statement.members) {
      if (!ts.isPropertyDeclaration(member) || member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) continue;
      const field = member.name.getText(source);
      const wire = wireNames[field];
      if (!wire) throw new Error(`${className}.${field} has no wire name in names()`);
      properties[wire] = { type: 'string' };
      if (!member.questionToken) required.push(wire);
    }
    actions.set(className.slice(0, -'Request'.length), outline({ required, properties }));
  }
  return actions;
}
