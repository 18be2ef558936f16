import { generatePassword } from '../../../src/core/randomPassword.js';
import type { AlibabaContext } from '../context.js';
import { ERRORS } from '../errors.js';
import type { Params } from '../params.js';

const DEFAULT_LENGTH = 32;
const MIN_LENGTH = 8;
const MAX_LENGTH = 128;

/**
 * GetRandomPassword: PasswordLength (8–128, default 32) characters from lower- and upper-case
 * letters, digits and ASCII punctuation, less the excluded ones; every parameter is a string.
 */
export async function GetRandomPassword(params: Params, _context: AlibabaContext): Promise<object> {
  const password = generatePassword({
    length: params.int('PasswordLength', DEFAULT_LENGTH, MIN_LENGTH, MAX_LENGTH),
    excludeCharacters: params.get('ExcludeCharacters'),
    excludeLowercase: params.bool('ExcludeLowercase', false),
    excludeUppercase: params.bool('ExcludeUppercase', false),
    excludeNumbers: params.bool('ExcludeNumbers', false),
    excludePunctuation: params.bool('ExcludePunctuation', false),
    // [inf] KMS documents no default; its example sends true, and Secrets Manager defaults to true.
    requireEachIncludedType: params.bool('RequireEachIncludedType', true),
  });
  // Only possible when the exclusions leave no character to draw from.
  if (password === null) throw ERRORS.invalid('ExcludeCharacters', 'The exclusions leave no characters to choose from.');
  return { RandomPassword: password };
}
