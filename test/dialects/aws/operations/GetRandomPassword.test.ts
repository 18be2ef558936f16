import { GetRandomPasswordCommand, type GetRandomPasswordCommandInput } from '@aws-sdk/client-secrets-manager';
import { MESSAGES } from '../../../../dialects/aws/messages.js';
import { awsClient, rawAws, sdkError, STORES, useServer } from '../../../helpers/server.js';

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
/** The 32 punctuation characters AWS documents. */
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

const has = (password: string, chars: string): boolean => [...password].some((c) => chars.includes(c));
const only = (password: string, chars: string): boolean => [...password].every((c) => chars.includes(c));

describe.each(STORES)('GetRandomPassword (%s store)', (kind) => {
  const server = useServer(kind);
  const client = () => awsClient(server().url);
  const raw = (body: unknown) => rawAws(server().url, 'GetRandomPassword', body);

  async function password(input: GetRandomPasswordCommandInput = {}): Promise<string> {
    const response = await client().send(new GetRandomPasswordCommand(input));
    return response.RandomPassword!;
  }

  function expectError(response: { status: number; headers: Headers; json: any }, code: string, message: string): void {
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe(code);
    expect(response.json).toEqual({ __type: code, Message: message });
  }

  it('defaults to 32 characters with a lowercase letter, an uppercase letter, a digit and a punctuation mark, no space', async () => {
    const result = await password();
    expect(result).toHaveLength(32);
    expect(only(result, LOWER + UPPER + DIGITS + PUNCTUATION)).toBe(true);
    expect(has(result, LOWER) && has(result, UPPER) && has(result, DIGITS) && has(result, PUNCTUATION)).toBe(true);
  });

  it('answers exactly {RandomPassword} on the wire, also for an empty body', async () => {
    for (const body of [{}, '']) {
      const response = await raw(body);
      expect(response.status).toBe(200);
      expect(Object.keys(response.json)).toEqual(['RandomPassword']);
      expect(response.json.RandomPassword).toHaveLength(32);
    }
  });

  it.each([4, 5, 64, 4096])('honours PasswordLength %i', async (length) => {
    expect(await password({ PasswordLength: length })).toHaveLength(length);
  });

  it('allows a 1-character password when not every type is required', async () => {
    const result = await password({ PasswordLength: 1, RequireEachIncludedType: false });
    expect(result).toHaveLength(1);
    expect(only(result, LOWER + UPPER + DIGITS + PUNCTUATION)).toBe(true);
  });

  it.each<[keyof GetRandomPasswordCommandInput, string, string]>([
    ['ExcludeNumbers', DIGITS, LOWER + UPPER + PUNCTUATION],
    ['ExcludePunctuation', PUNCTUATION, LOWER + UPPER + DIGITS],
    ['ExcludeUppercase', UPPER, LOWER + DIGITS + PUNCTUATION],
    ['ExcludeLowercase', LOWER, UPPER + DIGITS + PUNCTUATION],
  ])('%s leaves that class out and still has one of each other class', async (option, excluded, allowed) => {
    const result = await password({ [option]: true, PasswordLength: 40 });
    expect(result).toHaveLength(40);
    expect(has(result, excluded)).toBe(false);
    expect(only(result, allowed)).toBe(true);
    for (const chars of [LOWER, UPPER, DIGITS, PUNCTUATION].filter((chars) => chars !== excluded)) {
      expect(has(result, chars)).toBe(true);
    }
  });

  it('combines the Exclude options: only digits remain', async () => {
    const result = await password({ PasswordLength: 20, ExcludeLowercase: true, ExcludeUppercase: true, ExcludePunctuation: true });
    expect(result).toMatch(/^[0-9]{20}$/);
  });

  it('IncludeSpace adds the space (required, as each included type is by default)', async () => {
    const result = await password({ IncludeSpace: true, PasswordLength: 10 });
    expect(result).toHaveLength(10);
    expect(result).toContain(' ');
    expect(only(result, LOWER + UPPER + DIGITS + PUNCTUATION + ' ')).toBe(true);
  });

  it('ExcludeCharacters removes exactly those characters and keeps the exact length', async () => {
    const excluded = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXY012345678!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}';
    const result = await password({ PasswordLength: 200, ExcludeCharacters: excluded });
    expect(result).toHaveLength(200);
    expect(only(result, 'Z9~')).toBe(true);
    // One of each class survives in the remaining characters.
    expect(result).toContain('Z');
    expect(result).toContain('9');
    expect(result).toContain('~');
  });

  it('ExcludeCharacters that empties a class drops that class instead of failing', async () => {
    const result = await password({ PasswordLength: 16, ExcludeCharacters: DIGITS });
    expect(result).toHaveLength(16);
    expect(has(result, DIGITS)).toBe(false);
  });

  it('RequireEachIncludedType=false does not require every class', async () => {
    const result = await password({ PasswordLength: 3, RequireEachIncludedType: false });
    expect(result).toHaveLength(3);
  });

  it.each<[string, GetRandomPasswordCommandInput]>([
    ['3 characters for 4 required types', { PasswordLength: 3 }],
    ['4 characters for 5 required types (with space)', { PasswordLength: 4, IncludeSpace: true }],
    ['1 character for 2 required types', { PasswordLength: 1, ExcludeLowercase: true, ExcludeUppercase: true }],
  ])('a password too short for the required types (%s) is InvalidParameterException', async (_label, input) => {
    const error = await sdkError(client().send(new GetRandomPasswordCommand(input)));
    expect(error.name).toBe('InvalidParameterException');
    expect(error.message).toBe(MESSAGES.passwordTooShort);
    expect(error.$metadata.httpStatusCode).toBe(400);
    expectError(await raw(input), 'InvalidParameterException', MESSAGES.passwordTooShort);
  });

  it('PasswordLength 5555 is ValidationException in AWS wording', async () => {
    const message =
      "1 validation error detected: Value '5555' at 'passwordLength' failed to satisfy constraint: Member must have value less than or equal to 4096";
    const error = await sdkError(client().send(new GetRandomPasswordCommand({ PasswordLength: 5555 })));
    expect(error.name).toBe('ValidationException');
    expect(error.message).toBe(message);
    expect(error.$metadata.httpStatusCode).toBe(400);
    expectError(await raw({ PasswordLength: 5555 }), 'ValidationException', message);
  });

  it('PasswordLength 4097 is just over the limit', async () => {
    const error = await sdkError(client().send(new GetRandomPasswordCommand({ PasswordLength: 4097 })));
    expect(error.name).toBe('ValidationException');
    expect(error.message).toBe(
      "1 validation error detected: Value '4097' at 'passwordLength' failed to satisfy constraint: Member must have value less than or equal to 4096",
    );
  });

  it('PasswordLength 0 is ValidationException', async () => {
    const message =
      "1 validation error detected: Value '0' at 'passwordLength' failed to satisfy constraint: Member must have value greater than or equal to 1";
    const error = await sdkError(client().send(new GetRandomPasswordCommand({ PasswordLength: 0 })));
    expect(error.name).toBe('ValidationException');
    expect(error.message).toBe(message);
    expectError(await raw({ PasswordLength: 0 }), 'ValidationException', message);
  });

  it('a non-numeric PasswordLength cannot be deserialized', async () => {
    expectError(await raw({ PasswordLength: '12' }), 'SerializationException', MESSAGES.wrongType('passwordLength'));
  });
});
