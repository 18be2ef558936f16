import type { AwsContext } from '../context.js';
import { AwsError } from '../envelope.js';
import { MESSAGES } from '../messages.js';
import { generatePassword } from '../../../src/core/randomPassword.js';

interface GetRandomPasswordInput {
  PasswordLength?: number;
  ExcludeCharacters?: string;
  ExcludeNumbers?: boolean;
  ExcludePunctuation?: boolean;
  ExcludeUppercase?: boolean;
  ExcludeLowercase?: boolean;
  IncludeSpace?: boolean;
  RequireEachIncludedType?: boolean;
}

/** GetRandomPassword: a password of exactly the asked length (32 by default). */
export async function GetRandomPassword(input: GetRandomPasswordInput, _context: AwsContext): Promise<object> {
  const password = generatePassword({
    length: input.PasswordLength ?? 32,
    excludeCharacters: input.ExcludeCharacters,
    excludeNumbers: input.ExcludeNumbers,
    excludePunctuation: input.ExcludePunctuation,
    excludeUppercase: input.ExcludeUppercase,
    excludeLowercase: input.ExcludeLowercase,
    includeSpace: input.IncludeSpace,
    requireEachIncludedType: input.RequireEachIncludedType,
  });
  if (password === null) throw new AwsError('InvalidParameterException', MESSAGES.passwordTooShort);
  return { RandomPassword: password };
}
