import { matchesFilters, splitWords, type FilterableSecret, type SecretsFilter } from '../../../dialects/aws/listFilters.js';

function secret(name: string, extra: Partial<FilterableSecret> = {}): FilterableSecret {
  return { name, tags: [], ...extra };
}

/** Names of the secrets that pass the filters, in input order. */
function hits(secrets: FilterableSecret[], filters: SecretsFilter[]): string[] {
  return secrets.filter((s) => matchesFilters(s, filters)).map((s) => s.name);
}

const f = (Key: string, ...Values: string[]): SecretsFilter => ({ Key, Values });

describe('splitWords', () => {
  it.each([
    ['test', ['test']],
    ['my test', ['my', 'test']],
    ['Mytest', ['Mytest']],
    ['MyTest', ['My', 'Test']],
    ['MyTestPhrase', ['My', 'Test', 'Phrase']],
    ['myTest', ['my', 'Test']],
    ['my/test', ['my', 'test']],
    ['COMPANYthings', ['COMPAN', 'Ythings']],
    ['COMPANY', ['COMPANY']],
    ['SecretFTag', ['Secret', 'F', 'Tag']],
    ['credsDatabase#892', ['creds', 'Database', '892']],
    ['prod-AppBeta/x1', ['prod', 'App', 'Beta', 'x', '1']],
    ['a_b+c=d.e@f-g h:i', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']],
    ['+', []],
    ['', []],
  ])('%j → %j', (input, words) => {
    expect(splitWords(input)).toEqual(words);
  });
});

describe('name filter: case-sensitive prefix of the whole name', () => {
  // LocalStack test_list_secrets_filtering (AWS-validated).
  const secrets = [
    secret('testing1/one-12345'),
    secret('/testing2/two-12345'),
    secret('testing3/three-12345'),
    secret('/testing4/four-12345'),
  ];

  it('"/" hits names starting with a slash only', () => {
    expect(hits(secrets, [f('name', '/')])).toEqual(['/testing2/two-12345', '/testing4/four-12345']);
  });

  it('"!/" hits the others', () => {
    expect(hits(secrets, [f('name', '!/')])).toEqual(['testing1/one-12345', 'testing3/three-12345']);
  });

  it('"testing1 one" hits nothing: the value is not split into words', () => {
    expect(hits(secrets, [f('name', 'testing1 one')])).toEqual([]);
  });

  it('is case-sensitive and anchored at the start', () => {
    const list = [secret('DatabaseSecret'), secret('databaseSecret'), secret('MyDatabase')];
    expect(hits(list, [f('name', 'Data')])).toEqual(['DatabaseSecret']);
    expect(hits(list, [f('name', 'Secret')])).toEqual([]);
  });

  it('ORs the values of one filter', () => {
    const list = [secret('foo'), secret('bar'), secret('baz')];
    expect(hits(list, [f('name', 'foo', 'bar')])).toEqual(['foo', 'bar']);
  });
});

describe('description filter: case-insensitive word prefixes', () => {
  // LocalStack test_list_secrets_filtering (AWS-validated).
  const secrets = [
    secret('s1', { description: 'a secret' }),
    secret('s2', { description: 'an secret' }),
    secret('s3', { description: 'asecret' }),
    secret('s4', { description: 'thesecret' }),
  ];

  it('"a" hits every description with a word starting with a', () => {
    expect(hits(secrets, [f('description', 'a')])).toEqual(['s1', 's2', 's3']);
  });

  it('"a secret" needs both terms: hits "a secret" and "an secret", not "asecret"', () => {
    expect(hits(secrets, [f('description', 'a secret')])).toEqual(['s1', 's2']);
  });

  it('"!a" hits only the description without such a word', () => {
    expect(hits(secrets, [f('description', '!a')])).toEqual(['s4']);
  });

  it('"!c" hits all, since no word starts with c', () => {
    expect(hits(secrets, [f('description', '!c')])).toEqual(['s1', 's2', 's3', 's4']);
  });

  it('is case-insensitive', () => {
    expect(hits(secrets, [f('description', 'A SECRET')])).toEqual(['s1', 's2']);
  });

  // moto test_with_filter_with_value_with_multiple_words (aws_verified).
  it('matches every term anywhere in the description', () => {
    const list = [
      secret('foo', { description: 'one two' }),
      secret('bar', { description: 'one and two' }),
      secret('baz', { description: 'one' }),
      secret('qux', { description: 'two' }),
      secret('none', { description: 'unrelated' }),
    ];
    expect(hits(list, [f('description', 'one two')])).toEqual(['foo', 'bar']);
    expect(hits(list, [f('description', 'o t')])).toEqual(['foo', 'bar']);
    expect(hits(list, [f('description', 't')])).toEqual(['foo', 'bar', 'qux']);
  });

  it('a secret without a description fails a positive term and passes a negated one', () => {
    expect(matchesFilters(secret('x'), [f('description', 'a')])).toBe(false);
    expect(matchesFilters(secret('x'), [f('description', '!a')])).toBe(true);
  });
});

describe('tag-key and tag-value filters: case-sensitive prefix', () => {
  const secrets = [
    secret('foo', { tags: [{ key: 'right', value: 'right' }] }),
    secret('bar', { tags: [{ key: 'right', value: 'wrong' }] }),
    secret('baz', { tags: [{ key: 'wrong', value: 'right' }] }),
    secret('qux', { tags: [{ key: 'wrong', value: 'wrong' }] }),
    secret('untagged'),
  ];

  it('match any tag by prefix', () => {
    expect(hits(secrets, [f('tag-key', 'ri')])).toEqual(['foo', 'bar']);
    expect(hits(secrets, [f('tag-value', 'ri')])).toEqual(['foo', 'baz']);
    expect(hits(secrets, [f('tag-key', 'Right')])).toEqual([]);
  });

  it('AND across filters (moto test_with_multiple_filters)', () => {
    expect(hits(secrets, [f('tag-key', 'right'), f('tag-value', 'right')])).toEqual(['foo']);
  });

  it('negation holds for secrets with no matching tag, including untagged ones', () => {
    expect(hits(secrets, [f('tag-key', '!right')])).toEqual(['baz', 'qux', 'untagged']);
  });

  it('negation is against the whole secret, not one tag', () => {
    const both = secret('both', { tags: [{ key: 'env', value: 'prod' }, { key: 'team', value: 'a' }] });
    expect(matchesFilters(both, [f('tag-key', '!env')])).toBe(false);
  });

  it('does not throw when tags are missing at runtime', () => {
    const loose = { name: 'loose' } as unknown as FilterableSecret;
    expect(matchesFilters(loose, [f('tag-key', 'a')])).toBe(false);
    expect(matchesFilters(loose, [f('all', 'loose')])).toBe(true);
  });
});

describe('primary-region and owning-service filters: case-sensitive prefix', () => {
  const secrets = [
    secret('replicated', { primaryRegion: 'us-east-1' }),
    secret('managed', { owningService: 'rds' }),
    secret('plain'),
  ];

  it('primary-region', () => {
    expect(hits(secrets, [f('primary-region', 'us-east')])).toEqual(['replicated']);
    expect(hits(secrets, [f('primary-region', 'US-EAST')])).toEqual([]);
    expect(hits(secrets, [f('primary-region', '!us-east-1')])).toEqual(['managed', 'plain']);
  });

  it('owning-service', () => {
    expect(hits(secrets, [f('owning-service', 'rd')])).toEqual(['managed']);
    expect(hits(secrets, [f('owning-service', 'RDS')])).toEqual([]);
    expect(hits(secrets, [f('owning-service', 'n/a')])).toEqual([]);
  });
});

describe('all filter: case-insensitive word prefixes over name, description and tags', () => {
  // moto test_with_all_filter (aws_verified), with a fixed suffix.
  const u = '3fa2e1';
  const first = secret(`SecretOne${u}`);
  const second = secret(`SecretTwo${u}`, { description: 'DescTwo' });
  const third = secret(`Thirdsecret${u}`);
  const tagKeyHolder = secret(`SecretFTag${u}`, { tags: [{ key: '1', value: 'foo' }] });
  const tagValueHolder = secret(`SecretFValue${u}`, { tags: [{ key: 'foo', value: 'v' }] });
  const none = secret(`none${u}`);
  const secrets = [first, second, third, tagKeyHolder, tagValueHolder, none];
  const names = (...list: FilterableSecret[]): string[] => list.map((s) => s.name);

  it.each([
    ['SecretOne', [first]],
    ['foo', [tagKeyHolder, tagValueHolder]],
    ['Secret', [first, second, tagKeyHolder, tagValueHolder]],
    ['secret', [first, second, tagKeyHolder, tagValueHolder]],
    ['sec', [first, second, tagKeyHolder, tagValueHolder]],
    ['ret', []],
    ['SomeSecret', []],
    ['d', [second]],
    ['d t', [second]],
    ['t', [second, third, tagKeyHolder]],
  ])('%j', (value, expected) => {
    expect(hits(secrets, [f('all', value)])).toEqual(names(...expected));
  });

  // moto test_with_all_filter_special_characters (aws_verified).
  describe('special characters and upper-case runs', () => {
    const special = ['/', '_', '+', '=', '.', '@', '-'].map((c) => secret(`prod${c}AppBeta${c}${u}`));
    const fullUpper = secret(`uat/COMPANY/${u}`);
    const partialUpper = secret(`uat/COMPANYthings/${u}`);
    const list = [...special, fullUpper, partialUpper];

    it.each([
      ['AppBeta', special],
      ['Beta', special],
      ['+', []],
      ['/', []],
      [u, list],
      ['company', [fullUpper]],
      ['things', []],
      ['Ythings', [partialUpper]],
      ['N', []],
      ['pany', []],
    ])('%j', (value, expected) => {
      expect(hits(list, [f('all', value)])).toEqual(names(...expected));
    });

    it('ORs values', () => {
      expect(hits(list, [f('all', 'AppBeta', 'prod')])).toEqual(names(...special));
      expect(hits(list, [f('all', 'AppBeta', 'company')])).toEqual(names(...special, fullUpper));
    });
  });

  it('searches tag keys and values (moto test_with_all_filter, mock)', () => {
    const list = [
      secret('foo'),
      secret('bar', { description: 'foo' }),
      secret('baz', { tags: [{ key: 'foo', value: '1' }] }),
      secret('qux', { tags: [{ key: '1', value: 'foo' }] }),
      secret('none'),
    ];
    expect(hits(list, [f('all', 'foo')])).toEqual(['foo', 'bar', 'baz', 'qux']);
    expect(hits(list, [f('all', 'FOO')])).toEqual(['foo', 'bar', 'baz', 'qux']);
    expect(hits(list, [f('all', '!foo')])).toEqual(['none']);
  });
});

describe('combining filters', () => {
  it('AND across filters even with the same key (moto test_with_duplicate_filter_keys, aws_verified)', () => {
    const list = [
      secret('foo', { description: 'one two' }),
      secret('bar', { description: 'one' }),
      secret('baz', { description: 'two' }),
      secret('qux', { description: 'unrelated' }),
    ];
    expect(hits(list, [f('description', 'one'), f('description', 'two')])).toEqual(['foo']);
  });

  it('AND across keys: description "a" with name "secret" hits nothing (LocalStack, AWS-validated)', () => {
    const list = [secret('testing1/one', { description: 'a secret' }), secret('/testing2/two', { description: 'an secret' })];
    expect(hits(list, [f('description', 'a'), f('name', 'secret')])).toEqual([]);
    expect(hits(list, [f('description', 'a'), f('name', 'an')])).toEqual([]);
    expect(hits(list, [f('description', 'a'), f('name', '/')])).toEqual(['/testing2/two']);
  });

  it('negated and positive values OR together within one filter', () => {
    const list = [
      secret('foo', { description: 'one two' }),
      secret('bar', { description: 'one and two' }),
      secret('baz', { description: 'one' }),
      secret('qux', { description: 'two' }),
      secret('none', { description: 'unrelated' }),
    ];
    // "one" OR NOT "two": everything except the secret that has two but not one.
    expect(hits(list, [f('description', 'one', '!two')])).toEqual(['foo', 'bar', 'baz', 'none']);
    expect(hits(list, [f('description', '!o')])).toEqual(['qux', 'none']);
  });

  it('no filters match everything', () => {
    expect(matchesFilters(secret('x'), [])).toBe(true);
  });

  it('a filter with no values or an unknown key matches nothing', () => {
    expect(matchesFilters(secret('x'), [f('name')])).toBe(false);
    expect(matchesFilters(secret('x'), [f('constructor', 'x')])).toBe(false);
    expect(matchesFilters(secret('x'), [f('invalid', 'x')])).toBe(false);
  });
});
