import { ALIBABA_SDKS, alibabaClient } from '../../../helpers/alibaba.js';
import { expectKmsError, expectRawError, expectRawXml, rpc } from '../../../helpers/alibabaOperations.js';
import { STORES, useServer } from '../../../helpers/server.js';

const LOWER = /[a-z]/;
const UPPER = /[A-Z]/;
const DIGIT = /[0-9]/;
// The 32 printable ASCII symbols KMS documents as its punctuation set.
const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;
const ALLOWED = /^[a-zA-Z0-9!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]*$/;

describe.each(STORES)('GetRandomPassword (%s store)', (kind) => {
  const server = useServer(kind);
  const url = () => server().url;
  const password = async (params: Record<string, string> = {}): Promise<string> => {
    const response = await rpc(url(), 'GetRandomPassword', params);
    if (response.status !== 200) throw new Error(response.text);
    return response.json.RandomPassword;
  };

  describe.each(ALIBABA_SDKS)('through %s', (sdk) => {
    const call = () => alibabaClient(url(), sdk);

    it('answers 32 characters by default, one of each type at least, from the documented sets only', async () => {
      const answer = await call()('GetRandomPassword');
      expect(Object.keys(answer).sort()).toEqual(['RandomPassword', 'RequestId']);
      const value: string = answer.RandomPassword;
      expect(value).toHaveLength(32);
      expect(value).toMatch(ALLOWED);
      for (const type of [LOWER, UPPER, DIGIT, PUNCTUATION]) expect(value).toMatch(type);
    });

    it('takes PasswordLength and the exclusion flags as strings', async () => {
      const answer = await call()('GetRandomPassword', { PasswordLength: '20', ExcludePunctuation: 'true', ExcludeUppercase: 'true' });
      expect(answer.RandomPassword).toMatch(/^[a-z0-9]{20}$/);
    });

    it('refuses PasswordLength=7 with InvalidParameter (400)', async () => {
      await expectKmsError(sdk, call()('GetRandomPassword', { PasswordLength: '7' }), 'InvalidParameter', 400);
    });
  });

  it.each([8, 64, 128])('answers exactly %i characters when asked', async (length) => {
    expect(await password({ PasswordLength: String(length) })).toHaveLength(length);
  });

  it.each(['7', '129', '0', '-8', '12.5', 'long'])('refuses PasswordLength=%s with InvalidParameter', async (length) => {
    const response = await rpc(url(), 'GetRandomPassword', { PasswordLength: length });
    expectRawError(response, 'InvalidParameter', 400);
    expect(response.json.Message).toMatch(/^The specified parameter PasswordLength is not valid\./);
  });

  it.each([
    ['ExcludeLowercase', LOWER],
    ['ExcludeUppercase', UPPER],
    ['ExcludeNumbers', DIGIT],
    ['ExcludePunctuation', PUNCTUATION],
  ])('leaves out a type with %s=true, keeping the others', async (flag, type) => {
    const value = await password({ PasswordLength: '128', [flag]: 'true' });
    expect(value).not.toMatch(type);
    for (const other of [LOWER, UPPER, DIGIT, PUNCTUATION].filter((t) => t !== type)) expect(value).toMatch(other);
  });

  it('accepts the flags in any case, and false as no exclusion', async () => {
    const value = await password({ PasswordLength: '128', ExcludeNumbers: 'TRUE', ExcludeLowercase: 'False' });
    expect(value).not.toMatch(DIGIT);
    expect(value).toMatch(LOWER);
  });

  it('never uses a character of ExcludeCharacters', async () => {
    const excluded = 'abcdefghijklmABCDEFGHIJKLM01234!"#$%&';
    const value = await password({ PasswordLength: '128', ExcludeCharacters: excluded });
    for (const char of excluded) expect(value).not.toContain(char);
    expect(value).toMatch(/^[n-zN-Z5-9'()*+,\-./:;<=>?@[\\\]^_`{|}~]{128}$/);
  });

  it('builds a password from the one type left', async () => {
    const value = await password({ ExcludeLowercase: 'true', ExcludeUppercase: 'true', ExcludePunctuation: 'true' });
    expect(value).toMatch(/^[0-9]{32}$/);
  });

  it('still includes every remaining type with RequireEachIncludedType=true when ExcludeCharacters thins them', async () => {
    const value = await password({ PasswordLength: '8', ExcludeCharacters: 'bcdefghijklmnopqrstuvwxyz', RequireEachIncludedType: 'true' });
    expect(value).toContain('a');
    for (const type of [UPPER, DIGIT, PUNCTUATION]) expect(value).toMatch(type);
  });

  it('accepts RequireEachIncludedType=false', async () => {
    expect(await password({ RequireEachIncludedType: 'false', PasswordLength: '10' })).toMatch(/^[\x21-\x7e]{10}$/);
  });

  it('refuses exclusions that leave no characters with InvalidParameter', async () => {
    const response = await rpc(url(), 'GetRandomPassword', {
      ExcludeLowercase: 'true',
      ExcludeUppercase: 'true',
      ExcludePunctuation: 'true',
      ExcludeCharacters: '0123456789',
    });
    expectRawError(response, 'InvalidParameter', 400);
  });

  it.each(['ExcludeLowercase', 'ExcludeUppercase', 'ExcludeNumbers', 'ExcludePunctuation', 'RequireEachIncludedType'])(
    'refuses %s=yes with InvalidParameter',
    async (flag) => {
      const response = await rpc(url(), 'GetRandomPassword', { [flag]: 'yes' });
      expectRawError(response, 'InvalidParameter', 400);
      expect(response.json.Message).toMatch(new RegExp(`^The specified parameter ${flag} is not valid\\.`));
    },
  );

  it('answers XML under <KMS>, the password escaped and intact', async () => {
    const response = await rpc(url(), 'GetRandomPassword', { Format: 'XML', PasswordLength: '128', ExcludeLowercase: 'true', ExcludeUppercase: 'true', ExcludeNumbers: 'true' });
    expect((await expectRawXml(response)).RandomPassword).toMatch(/^[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]{128}$/);
  });
});
