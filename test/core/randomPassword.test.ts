import { generatePassword, type PasswordOptions } from '../../src/core/randomPassword.js';

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
const RUNS = 300;

const has = (password: string, chars: string): boolean => [...password].some((c) => chars.includes(c));
const only = (password: string, chars: string): boolean => [...password].every((c) => chars.includes(c));

function many(options: PasswordOptions): string[] {
  return Array.from({ length: RUNS }, () => {
    const password = generatePassword(options);
    if (password === null) throw new Error('unexpected null');
    return password;
  });
}

describe('generatePassword', () => {
  it('the punctuation set is the documented 32 characters', () => {
    expect(PUNCTUATION).toHaveLength(32);
  });

  it('default: 32 characters from lower, upper, digits and punctuation, one of each', () => {
    for (const password of many({ length: 32 })) {
      expect(password).toHaveLength(32);
      expect(only(password, LOWER + UPPER + DIGITS + PUNCTUATION)).toBe(true);
      expect(has(password, LOWER) && has(password, UPPER) && has(password, DIGITS) && has(password, PUNCTUATION)).toBe(true);
      expect(password.includes(' ')).toBe(false);
    }
  });

  it('honours the exact requested length', () => {
    for (const length of [1, 4, 50, 4096]) {
      expect(generatePassword({ length, requireEachIncludedType: length >= 4 })).toHaveLength(length);
    }
  });

  it.each<[string, PasswordOptions, string]>([
    ['excludeLowercase', { length: 55, excludeLowercase: true }, LOWER],
    ['excludeUppercase', { length: 55, excludeUppercase: true }, UPPER],
    ['excludeNumbers', { length: 100, excludeNumbers: true }, DIGITS],
    ['excludePunctuation', { length: 100, excludePunctuation: true }, PUNCTUATION],
  ])('%s is honoured over many runs', (_name, options, forbidden) => {
    for (const password of many(options)) {
      expect(password).toHaveLength(options.length);
      expect(has(password, forbidden)).toBe(false);
    }
  });

  it('excludeCharacters removes characters and keeps the length exact (AWS-validated case from LocalStack)', () => {
    for (const password of many({ length: 120, excludeCharacters: 'xyzDje@?!.' })) {
      expect(password).toHaveLength(120);
      expect(has(password, 'xyzDje@?!.')).toBe(false);
    }
  });

  it('excludeCharacters that leave one character still fill the whole length', () => {
    const password = generatePassword({
      length: 10,
      excludeUppercase: true,
      excludeNumbers: true,
      excludePunctuation: true,
      excludeCharacters: LOWER.replace('q', ''),
    });
    expect(password).toBe('qqqqqqqqqq');
  });

  it('a class emptied by excludeCharacters is no longer required', () => {
    for (const password of many({ length: 3, excludeCharacters: DIGITS })) {
      expect(has(password, DIGITS)).toBe(false);
      expect(has(password, LOWER) && has(password, UPPER) && has(password, PUNCTUATION)).toBe(true);
    }
  });

  it('includeSpace adds the space, and requires one by default', () => {
    for (const password of many({ length: 5, includeSpace: true })) {
      expect(password.includes(' ')).toBe(true);
      expect(has(password, LOWER) && has(password, UPPER) && has(password, DIGITS) && has(password, PUNCTUATION)).toBe(true);
    }
  });

  it('includeSpace with a space in excludeCharacters leaves the space out', () => {
    for (const password of many({ length: 40, includeSpace: true, excludeCharacters: ' ' })) {
      expect(password.includes(' ')).toBe(false);
    }
  });

  it('length 4 holds one of each default type', () => {
    for (const password of many({ length: 4 })) {
      expect(password).toHaveLength(4);
      expect(has(password, LOWER) && has(password, UPPER) && has(password, DIGITS) && has(password, PUNCTUATION)).toBe(true);
    }
  });

  it('the guaranteed characters land at random positions', () => {
    // With 4 characters, one per class, every class must at some point appear at every position.
    const seen = new Set<string>();
    for (const password of many({ length: 4 })) {
      [...password].forEach((c, i) => {
        const kind = LOWER.includes(c) ? 'l' : UPPER.includes(c) ? 'u' : DIGITS.includes(c) ? 'd' : 'p';
        seen.add(`${kind}${i}`);
      });
    }
    expect(seen.size).toBe(16);
  });

  it('uses the injected random source', () => {
    const zero = (): number => 0;
    // A constant source makes the output reproducible and confined to the first character of each set.
    const password = generatePassword({ length: 6 }, zero);
    expect(password).not.toBeNull();
    expect(only(password!, 'aA0!')).toBe(true);
    expect(password).toBe(generatePassword({ length: 6 }, zero));
  });

  it('requireEachIncludedType=false allows a length below the number of types', () => {
    expect(generatePassword({ length: 1, requireEachIncludedType: false })).toHaveLength(1);
    expect(generatePassword({ length: 3, includeSpace: true, requireEachIncludedType: false })).toHaveLength(3);
  });

  it('returns null when the length cannot hold one of each required type', () => {
    expect(generatePassword({ length: 3 })).toBeNull();
    expect(generatePassword({ length: 4, includeSpace: true })).toBeNull();
    expect(generatePassword({ length: 2, excludeNumbers: true })).toBeNull();
    expect(generatePassword({ length: 3, excludeNumbers: true })).toHaveLength(3);
  });

  it('returns null when the options leave no characters', () => {
    const none: PasswordOptions = { length: 10, excludeLowercase: true, excludeUppercase: true, excludeNumbers: true, excludePunctuation: true };
    expect(generatePassword(none)).toBeNull();
    expect(generatePassword({ ...none, requireEachIncludedType: false })).toBeNull();
    expect(generatePassword({ ...none, includeSpace: true, excludeCharacters: ' ' })).toBeNull();
    expect(generatePassword({ length: 10, excludeCharacters: LOWER + UPPER + DIGITS + PUNCTUATION })).toBeNull();
  });

  it('only space when everything else is excluded', () => {
    const password = generatePassword({ length: 3, includeSpace: true, excludeLowercase: true, excludeUppercase: true, excludeNumbers: true, excludePunctuation: true });
    expect(password).toBe('   ');
  });

  it('rejects a non-integer or negative length as a programming error', () => {
    expect(() => generatePassword({ length: -1 })).toThrow(RangeError);
    expect(() => generatePassword({ length: 2.5 })).toThrow(RangeError);
  });
});
