/**
 * Escaping for the XML and HTML reports. Every string in a ConformResult can come from a vendor's
 * answer or a scenario's author (HTTP bodies are untrusted text), so none reaches markup without it.
 */

/**
 * What XML 1.0 allows in a document (its `Char` production): tab, newline, carriage return and the
 * code points from U+0020 up, less the surrogates and U+FFFE/U+FFFF. A character outside this set
 * makes a strict parser reject the whole file, even escaped as `&#1;`; HTML calls the same ones
 * parse errors.
 */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Shown where a forbidden character was: a report must parse, and a reader should see something was there. */
export const REPLACEMENT_CHARACTER = '\uFFFD';

/** The text with every character XML 1.0 forbids (NUL, other C0 controls, lone surrogates) replaced by U+FFFD. */
export function withoutForbiddenCharacters(text: string): string {
  return text.replace(FORBIDDEN, REPLACEMENT_CHARACTER);
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  // In an attribute a parser turns raw whitespace into spaces; as references these survive.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

const replaceWith = (pattern: RegExp) => (text: string) => withoutForbiddenCharacters(text).replace(pattern, (character) => ENTITIES[character]);

/**
 * Text for XML element content. `>` is escaped too, so `]]>` never appears; a carriage return is
 * written as a reference, since a parser would otherwise read it as a newline.
 */
export const xmlText: (text: string) => string = replaceWith(/[&<>\r]/g);

/** Text for a double- or single-quoted XML attribute, its tabs and line breaks kept. */
export const xmlAttribute: (text: string) => string = replaceWith(/[&<>"'\t\n\r]/g);

/** Text for HTML, safe both as element content and inside a quoted attribute. */
export const htmlText: (text: string) => string = replaceWith(/[&<>"']/g);
