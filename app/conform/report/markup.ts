import { htmlText } from './escape.js';

/** HTML that is already escaped, so {@link html} inserts it as it is. */
export class Markup {
  constructor(readonly text: string) {}

  toString(): string {
    return this.text;
  }
}

/** What {@link html} accepts in a placeholder; `undefined`, `false` and `null` insert nothing, for optional parts. */
export type Insertable = string | number | Markup | readonly Markup[] | undefined | null | false;

function inserted(value: Insertable): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof Markup) return value.text;
  if (Array.isArray(value)) return value.map((part: Markup) => part.text).join('');
  return htmlText(String(value));
}

/**
 * A template tag for HTML in which every placeholder is escaped unless it is {@link Markup}: a
 * renderer cannot forget to escape a string from a result, because a plain string is never markup.
 *
 * @example
 * ```ts
 * html`<td>${cell.actual}</td>` // a body such as `</pre><script>` stays text
 * ```
 */
export function html(template: TemplateStringsArray, ...values: Insertable[]): Markup {
  return new Markup(template.reduce((text, part, index) => text + part + (index < values.length ? inserted(values[index]) : ''), ''));
}
