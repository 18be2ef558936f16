import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { ErrorCode, Node } from 'yaml';

/** yaml, loaded on the first YAML seed: most servers never read one, and loading it costs start-up time. */
const loadYaml = (): typeof Yaml => createRequire(import.meta.url)('yaml') as typeof Yaml;

/**
 * How many times one anchor may be expanded through aliases (weighted by the aliases nested in it),
 * yaml's own guard against "billion laughs" documents. Aliases resolve to shared objects, but
 * everything after parsing (schema checks, seeding) walks the expanded tree.
 */
export const MAX_YAML_ALIAS_COUNT = 100;

const TAG_REASON = 'a tagged value; seed files take no tags (every value is text)';

/**
 * What each yaml error code means, in our words: yaml's own messages can quote the source
 * (a scalar, an escape sequence), which in a seed file is a secret value.
 */
const REASONS: Partial<Record<ErrorCode, string>> = {
  ALIAS_PROPS: 'an alias cannot have a tag or an anchor',
  BAD_ALIAS: 'an empty or ambiguous anchor or alias name',
  BAD_COLLECTION_TYPE: 'a tag that does not fit its node',
  BAD_DIRECTIVE: 'an unsupported directive',
  BAD_DQ_ESCAPE: 'an invalid escape sequence in a double-quoted string',
  BAD_INDENT: 'bad indentation',
  BAD_PROP_ORDER: 'an anchor or tag before its indicator',
  BAD_SCALAR_START: 'a plain value that starts with a reserved character (quote it)',
  BLOCK_AS_IMPLICIT_KEY: 'a nested mapping or sequence where a key was expected',
  BLOCK_IN_FLOW: 'a block collection inside a flow collection',
  DUPLICATE_KEY: 'a duplicate key',
  KEY_OVER_1024_CHARS: 'an implicit key longer than 1024 characters',
  MISSING_CHAR: 'a missing quote, bracket, comma, colon or space',
  MULTILINE_IMPLICIT_KEY: 'a key spread over several lines',
  MULTIPLE_ANCHORS: 'more than one anchor on a node',
  MULTIPLE_DOCS: 'more than one document (a seed file holds one)',
  MULTIPLE_TAGS: 'more than one tag on a node',
  NON_STRING_KEY: 'a key that is not text',
  RESOURCE_EXHAUSTION: 'nesting too deep',
  TAB_AS_INDENT: 'a tab used as indentation',
  TAG_RESOLVE_FAILED: TAG_REASON,
  UNEXPECTED_TOKEN: 'unexpected content',
};

/** YAML text that cannot be read: where (when known) and why, never the text itself. */
export class InvalidYamlError extends Error {
  constructor(
    readonly reason: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(line === undefined ? reason : `line ${line} column ${column}: ${reason}`);
    this.name = 'InvalidYamlError';
  }
}

/**
 * Parses one YAML document into plain data, strictly:
 * - the failsafe schema reads every scalar as text, as every leaf of a seed is (so an account
 *   `000000000000` stays that, not the number 0, and `value: 123` is the string "123");
 * - tags (`!!binary`, `!custom`, even `!!str`) and non-text keys are refused, as is anything yaml
 *   only warns about; `<<` is an ordinary key, never a merge;
 * - aliases are limited by {@link MAX_YAML_ALIAS_COUNT};
 * - a `__proto__` key becomes an own property (yaml defines it, as JSON.parse does), never a prototype.
 * Throws an {@link InvalidYamlError} naming the first problem's line and column.
 */
export function parseYaml(text: string): unknown {
  const { isAlias, LineCounter, parseDocument, visit } = loadYaml();
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    schema: 'failsafe',
    merge: false,
    stringKeys: true,
    uniqueKeys: true,
    lineCounter: lines,
    prettyErrors: false,
    // Problems are reported to the caller below, not printed by yaml; 'silent' would also stop
    // yaml from flagging a second document.
    logLevel: 'error',
  });
  const at = (offset: number, reason: string) => {
    const { line, col } = lines.linePos(offset);
    return new InvalidYamlError(reason, line, col);
  };
  const [problem] = [...doc.errors, ...doc.warnings];
  if (problem) throw at(problem.pos[0], REASONS[problem.code] ?? problem.code.toLowerCase().replace(/_/g, ' '));
  // yaml resolves every tag it knows (!!binary, !!set, !!timestamp) whatever the schema, so tags are
  // refused here. An alias must follow its anchor and lie outside it: yaml finds the first out only
  // while converting, without a position, and turns the second into a circular object that every
  // later walk loops on.
  const anchors = new Map<string, Node>();
  const start = (node: Node) => node.range?.[0] ?? 0;
  let refused: InvalidYamlError | undefined;
  visit(doc, {
    Node(_key, node, path) {
      if (node.tag) {
        refused = at(start(node), TAG_REASON);
      } else if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (!target) refused = at(start(node), 'an alias with no anchor before it');
        else if (path.includes(target)) refused = at(start(node), 'an alias inside the node it refers to');
      } else if (node.anchor) {
        // The last anchor of a name before an alias is the one it refers to.
        anchors.set(node.anchor, node);
      }
      return refused ? visit.BREAK : undefined;
    },
  });
  if (refused) throw refused;
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError && error.message.startsWith('Excessive alias count')) {
      throw new InvalidYamlError(`aliases expand too far (an anchor may be used at most ${MAX_YAML_ALIAS_COUNT} times, counting nested aliases)`);
    }
    throw error;
  }
}
