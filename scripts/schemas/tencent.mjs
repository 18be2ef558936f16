// Reads Tencent Cloud SSM's operation inputs from the `<Operation>Request` interfaces that
// tencentcloud-sdk-nodejs-ssm declares in ssm_models.d.ts. The declarations give member names,
// order, TypeScript types and optionality; lengths, patterns, enums and ranges appear only as
// prose in the doc comments, so those live in schemas/patches/tencent.json.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';

const require = createRequire(import.meta.url);
const PACKAGE = 'tencentcloud-sdk-nodejs-ssm';
const MODELS = 'tencentcloud/services/ssm/v20190923/ssm_models.d.ts';

/** Where the model is read from, for messages and the README. */
export function tencentSource() {
  const manifest = require.resolve(`${PACKAGE}/package.json`);
  const { version } = JSON.parse(readFileSync(manifest, 'utf8'));
  return { package: PACKAGE, version, file: MODELS, root: dirname(manifest) };
}

/**
 * One JSON schema per operation input. Every object is closed (`additionalProperties: false`):
 * the SSM gateway answers UnknownParameter for a member its model does not have.
 */
export function readTencent() {
  const path = join(tencentSource().root, MODELS);
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, false);
  const interfaces = new Map();
  const empty = new Set();
  for (const statement of source.statements) {
    if (ts.isInterfaceDeclaration(statement)) interfaces.set(statement.name.text, statement);
    // Operations without parameters declare `type XRequest = null`.
    else if (ts.isTypeAliasDeclaration(statement) && statement.type.kind === ts.SyntaxKind.LiteralType
      && statement.type.literal.kind === ts.SyntaxKind.NullKeyword) empty.add(statement.name.text);
  }

  function typeSchema(node, context) {
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword: return { type: 'string' };
      // SSM's numeric parameters are all Integer or Uint64 in the API reference.
      case ts.SyntaxKind.NumberKeyword: return { type: 'integer' };
      case ts.SyntaxKind.BooleanKeyword: return { type: 'boolean' };
      case ts.SyntaxKind.ArrayType: return { type: 'array', items: typeSchema(node.elementType, `${context}[]`) };
      case ts.SyntaxKind.TypeReference: {
        const name = node.typeName.getText(source);
        if (name === 'Array' && node.typeArguments?.length === 1) return { type: 'array', items: typeSchema(node.typeArguments[0], `${context}[]`) };
        const declaration = interfaces.get(name);
        if (declaration) return objectSchema(declaration);
        throw new Error(`${context}: type ${name} is not declared in ${MODELS}`);
      }
      default:
        throw new Error(`${context}: ${ts.SyntaxKind[node.kind]} is not a type this reader maps`);
    }
  }

  function objectSchema(declaration) {
    const required = [];
    const properties = {};
    for (const member of declaration.members) {
      if (!ts.isPropertySignature(member) || !member.type) continue;
      const name = member.name.getText(source);
      if (!member.questionToken) required.push(name);
      properties[name] = typeSchema(member.type, `${declaration.name.text}.${name}`);
    }
    return { type: 'object', additionalProperties: false, required, properties };
  }

  const operations = new Map();
  const names = [...interfaces.keys(), ...empty].filter((name) => name.endsWith('Request')).sort();
  for (const name of names) {
    const operation = name.slice(0, -'Request'.length);
    const input = empty.has(name)
      ? { type: 'object', additionalProperties: false, required: [], properties: {} }
      : objectSchema(interfaces.get(name));
    operations.set(operation, {
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: `tencent/${operation}`,
      title: operation,
      ...input,
    });
  }
  return operations;
}
