/**
 * The XML form of KMS answers (`Format=XML`): elements named by keys, arrays as repeated elements,
 * text escaped. Written out directly because building it through xml2js cost a third of an XML
 * read; the output is byte for byte what xml2js's Builder printed (test/dialects/alibaba/xml.test.ts
 * checks the two against each other).
 */

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const SPECIAL = /[&<>\r]/g;
const REPLACEMENTS: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#xD;' };
// Characters XML 1.0 cannot carry at all, not even as references (a strict parser refuses `&#x0;`).
// KMS documents no refusal of them in SecretData, so the value is stored exactly and the XML form
// shows each as U+FFFD; Format=JSON answers carry them unchanged.
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const REPLACEMENT_CHARACTER = '\uFFFD';
// Any character either replacement could touch (a valid surrogate pair too): text without one is written as it is, in one scan.
const MAY_NEED_ESCAPING = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;

function escapeText(text: string): string {
  if (!MAY_NEED_ESCAPING.test(text)) return text;
  return text.replace(SPECIAL, (c) => REPLACEMENTS[c]).replace(ILLEGAL, REPLACEMENT_CHARACTER);
}

function element(name: string, value: unknown, out: string[]): void {
  if (value === undefined) return;
  if (Array.isArray(value)) {
    for (const item of value) element(name, item, out);
    return;
  }
  if (value !== null && typeof value === 'object') {
    const start = out.length;
    out.push(`<${name}>`);
    for (const [key, member] of Object.entries(value)) element(key, member, out);
    if (out.length === start + 1) out[start] = `<${name}/>`;
    else out.push(`</${name}>`);
    return;
  }
  const text = value === null ? '' : String(value);
  out.push(text === '' ? `<${name}/>` : `<${name}>${escapeText(text)}</${name}>`);
}

/** `body` as an XML document under `root`; undefined members are left out, as in JSON. */
export function toXml(root: string, body: Record<string, unknown>): string {
  const out = [DECLARATION];
  element(root, body, out);
  return out.join('');
}
