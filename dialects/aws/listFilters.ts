/**
 * ListSecrets / BatchGetSecretValue filter matching.
 *
 * Sources: the AWS Filter reference (key semantics, `!` negation), the AWS user guide "Find secrets"
 * (how search strings break into words), LocalStack's AWS-validated `test_list_secrets_filtering`
 * and moto's `aws_verified` list-secrets tests (concrete hits and misses).
 */

import type { SecretRecord } from '../../src/core/model.js';
import { AwsError } from './envelope.js';
import { MESSAGES } from './messages.js';
import { primaryRegionOf } from './render.js';

/** What the ListSecrets / BatchGetSecretValue filters look at for one secret. */
export interface FilterableSecret {
  name: string;
  description?: string;
  tags: { key: string; value: string }[];
  primaryRegion?: string;
  owningService?: string;
}

/** One request filter: a key from the Filter enum and 1-10 values. */
export interface SecretsFilter {
  Key: string;
  Values: string[];
}

type TermMatcher = (secret: FilterableSecret, term: string) => boolean;

/** Case-sensitive prefix of the whole attribute; a space in the term is just a character ("testing1 one" hits nothing). */
function prefixOf(attributes: (secret: FilterableSecret) => (string | undefined)[]): TermMatcher {
  return (secret, term) => attributes(secret).some((attribute) => attribute !== undefined && attribute.startsWith(term));
}

/** Word-prefix match over each attribute separately (see {@link wordsMatch}). */
function wordsOf(attributes: (secret: FilterableSecret) => (string | undefined)[]): TermMatcher {
  return (secret, term) => {
    const termWords = splitWords(term).map((word) => word.toLowerCase());
    // A term made only of separators (e.g. "+") has no words, and AWS returns nothing for it.
    if (termWords.length === 0) return false;
    return attributes(secret).some((attribute) => attribute !== undefined && wordsMatch(termWords, attribute));
  };
}

/**
 * Every term word must start some word of the one attribute. The per-attribute scope follows moto;
 * AWS only says it "searches all attributes", and no verified case tells per-attribute from pooled.
 */
function wordsMatch(termWords: string[], attribute: string): boolean {
  const attributeWords = splitWords(attribute).map((word) => word.toLowerCase());
  return termWords.every((termWord) => attributeWords.some((word) => word.startsWith(termWord)));
}

// A Map, not an object literal, so keys such as "constructor" cannot reach Object.prototype.
const MATCHERS = new Map<string, TermMatcher>(Object.entries({
  name: prefixOf((secret) => [secret.name]),
  'tag-key': prefixOf((secret) => (secret.tags ?? []).map((tag) => tag.key)),
  'tag-value': prefixOf((secret) => (secret.tags ?? []).map((tag) => tag.value)),
  'primary-region': prefixOf((secret) => [secret.primaryRegion]),
  'owning-service': prefixOf((secret) => [secret.owningService]),
  // The reference calls description a case-insensitive prefix match, but AWS-validated runs show word
  // matching: "a secret" hits "an secret" and misses "asecret". moto found the same tokenizer as `all`.
  description: wordsOf((secret) => [secret.description]),
  all: wordsOf((secret) => [
    secret.name,
    secret.description,
    ...(secret.tags ?? []).map((tag) => tag.key),
    ...(secret.tags ?? []).map((tag) => tag.value),
  ]),
}));

/**
 * Breaks text into search words the way AWS does: any character that is not a letter or digit
 * separates (space, `/ _ + = . @ -`, `:`, `#`, …); inside a run, words break between lower and
 * upper case, before the last capital of an upper-case run that leads into lower case
 * (`COMPANYthings` → `COMPAN`, `Ythings`, AWS-verified in moto), and between letters and digits
 * (`credsDatabase#892` → `creds`, `Database`, `892`, AWS user guide).
 *
 * moto refuses to split a value that mixes two different separators (`a-b/c`); nothing AWS-verified
 * backs that, so every separator splits here.
 */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  for (const run of text.split(/[^\p{L}\p{N}]+/u)) {
    if (run === '') continue;
    words.push(...run.split(/(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u));
  }
  return words;
}

/** Whether one filter value (possibly `!`-negated) holds for the secret. */
function valueMatches(matcher: TermMatcher, secret: FilterableSecret, value: string): boolean {
  // Negation is taken against the whole secret: `tag-key=!env` keeps secrets with no tag key starting
  // with "env" (including untagged ones). moto instead asks whether *some* attribute misses the term,
  // which makes `!x` pass almost every multi-tag secret; for single-valued keys both readings agree.
  if (value.startsWith('!')) return !matcher(secret, value.slice(1));
  return matcher(secret, value);
}

/**
 * True when the secret passes every filter (AND across filters, OR across one filter's values, `!` prefix negates).
 *
 * Keys are expected to be validated by the caller; an unknown key matches nothing rather than throwing,
 * so a filter the emulator does not understand can never widen a listing.
 */
export function matchesFilters(secret: FilterableSecret, filters: SecretsFilter[]): boolean {
  return filters.every((filter) => {
    const matcher = MATCHERS.get(filter.Key);
    if (matcher === undefined) return false;
    return (filter.Values ?? []).some((value) => valueMatches(matcher, secret, value));
  });
}

/**
 * The filters of a request in the shape the matcher takes. The schema has already refused what the
 * model forbids (an unknown key, a bad value, an empty `Values` list: ValidationException, before
 * this runs); the model leaves both members optional, so a filter without a `Key`, then one without
 * `Values`, is refused here, the first such filter in request order naming the error.
 */
export function toFilters(filters: Array<{ Key?: string; Values?: string[] }> | undefined): SecretsFilter[] {
  return (filters ?? []).map(({ Key: key, Values: values }) => {
    if (key === undefined) throw new AwsError('InvalidParameterException', MESSAGES.invalidFilterKey);
    // An empty list cannot pass the schema; were it to, it is as valueless as a missing one.
    if (values === undefined || values.length === 0) throw new AwsError('InvalidParameterException', MESSAGES.invalidFilterValues(key));
    return { Key: key, Values: values };
  });
}

/** Whether a secret passes ListSecrets-style filters. */
export function secretMatches(record: SecretRecord, filters: SecretsFilter[]): boolean {
  return matchesFilters(
    {
      name: record.name,
      description: record.description,
      tags: record.tags ?? [],
      primaryRegion: primaryRegionOf(record),
      owningService: record.aws?.owningService,
    },
    filters,
  );
}
