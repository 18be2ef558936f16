import { randomInt } from 'node:crypto';

/** GetRandomPassword options, already defaulted by the caller except where noted. */
export interface PasswordOptions {
  length: number;
  excludeCharacters?: string;
  excludeNumbers?: boolean;
  excludePunctuation?: boolean;
  excludeUppercase?: boolean;
  excludeLowercase?: boolean;
  includeSpace?: boolean;
  /** Defaults to true, as in AWS. */
  requireEachIncludedType?: boolean;
}

const LOWERCASE = 'abcdefghijklmnopqrstuvwxyz';
const UPPERCASE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
/** The 32 ASCII punctuation characters AWS documents as its default set. */
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

/**
 * Returns a password, or null when the options leave no characters or the length is too short to hold one of each required type.
 *
 * @param random - returns an integer in [0, maxExclusive); injectable so tests can be deterministic.
 * @throws RangeError when `length` is not a non-negative integer (range checks belong to request validation).
 */
export function generatePassword(
  options: PasswordOptions,
  random: (maxExclusive: number) => number = (maxExclusive) => randomInt(maxExclusive),
): string | null {
  const { length } = options;
  if (!Number.isSafeInteger(length) || length < 0) throw new RangeError(`Invalid password length: ${length}`);

  const excluded = new Set(options.excludeCharacters ?? '');
  const keep = (chars: string): string => [...chars].filter((char) => !excluded.has(char)).join('');
  // The space is a class of its own: AWS's example calls IncludeSpace + RequireEachIncludedType a request
  // that "requires spaces", and moto guarantees one; the parameter text lists only the four other classes.
  const classes = [
    options.excludeLowercase ? '' : LOWERCASE,
    options.excludeUppercase ? '' : UPPERCASE,
    options.excludeNumbers ? '' : DIGITS,
    options.excludePunctuation ? '' : PUNCTUATION,
    options.includeSpace ? ' ' : '',
  ]
    .map(keep)
    // A class emptied by ExcludeCharacters cannot be required, so it simply drops out.
    .filter((chars) => chars.length > 0);

  const pool = classes.join('');
  if (pool.length === 0) return null;

  const requireEach = options.requireEachIncludedType ?? true;
  const required = requireEach ? classes : [];
  if (length < required.length) return null;

  const pick = (chars: string): string => chars[random(chars.length)]!;
  const chars = required.map(pick);
  while (chars.length < length) chars.push(pick(pool));

  // Fisher-Yates, so the guaranteed characters do not sit at predictable positions.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
