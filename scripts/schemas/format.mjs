// Writing a schema the way the checked-in files are written: keywords in a fixed order per cloud,
// then either plain JSON.stringify (AWS) or the compact layout the Alibaba and Tencent files use.

// Maps whose keys are member names, not keywords: their order is the members' order.
const MEMBER_MAPS = new Set(['properties', 'patternProperties']);

/**
 * A copy of `schema` whose keywords, at every level, follow `order`. Member maps keep their order.
 * A keyword missing from `order` throws, so a new kind of constraint gets a place on purpose.
 */
export function orderKeywords(schema, order, where = '') {
  if (Array.isArray(schema) || schema === null || typeof schema !== 'object') return schema;
  const rank = (key) => {
    const index = order.indexOf(key);
    if (index < 0) throw new Error(`${where || '/'}: keyword "${key}" has no place in the key order`);
    return index;
  };
  const keys = Object.keys(schema).sort((a, b) => rank(a) - rank(b));
  const result = {};
  for (const key of keys) {
    const value = schema[key];
    if (MEMBER_MAPS.has(key)) {
      result[key] = {};
      for (const [member, memberSchema] of Object.entries(value)) {
        result[key][member] = orderKeywords(memberSchema, order, `${where}/${key}/${member}`);
      }
    } else if (key === 'items') result[key] = orderKeywords(value, order, `${where}/items`);
    else result[key] = value;
  }
  return result;
}

/** The AWS files: JSON.stringify with two-space indentation and a final newline. */
export function formatPretty(schema) {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

function inline(value) {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[${value.map(inline).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value);
}

// A non-empty member map always gets a line per member, and so does everything holding one.
function holdsMemberMap(value) {
  if (Array.isArray(value)) return value.some(holdsMemberMap);
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, v]) => (MEMBER_MAPS.has(key) && Object.keys(v).length > 0) || holdsMemberMap(v));
}

/**
 * The Alibaba and Tencent files: a value goes on one line (`{ "a": 1 }`, `["x", "y"]`) when it
 * holds no member map and the line fits in `width` columns; otherwise one entry per line, two
 * spaces deeper. The whole document is always broken.
 */
export function formatCompact(schema, width = 120) {
  const print = (value, indent, prefix, mustBreak) => {
    if (value === null || typeof value !== 'object') return JSON.stringify(value);
    const entries = Array.isArray(value) ? value.map((v) => [undefined, v]) : Object.entries(value);
    if (entries.length === 0) return inline(value);
    if (!mustBreak && !holdsMemberMap(value)) {
      const line = inline(value);
      // +1 for the comma that may follow.
      if (indent + prefix + line.length + 1 <= width) return line;
    }
    const pad = ' '.repeat(indent + 2);
    const lines = entries.map(([key, v]) => {
      const label = key === undefined ? '' : `${JSON.stringify(key)}: `;
      return pad + label + print(v, indent + 2, label.length, MEMBER_MAPS.has(key));
    });
    const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
    return `${open}\n${lines.join(',\n')}\n${' '.repeat(indent)}${close}`;
  };
  return `${print(schema, 0, 0, true)}\n`;
}
