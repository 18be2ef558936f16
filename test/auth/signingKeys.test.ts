import { SigningKeyCache } from '../../src/auth/signingKeys.js';

describe('SigningKeyCache', () => {
  it('derives a key once per secret and scope, and never mixes secrets or scopes', () => {
    const cache = new SigningKeyCache();
    let derivations = 0;
    const derive = (text: string) => () => {
      derivations++;
      return Buffer.from(text);
    };
    expect(cache.get('s1', 'aws4/20260101/us-east-1/secretsmanager', derive('a')).toString()).toBe('a');
    expect(cache.get('s1', 'aws4/20260101/us-east-1/secretsmanager', derive('ignored')).toString()).toBe('a');
    expect(cache.get('s2', 'aws4/20260101/us-east-1/secretsmanager', derive('b')).toString()).toBe('b');
    expect(cache.get('s1', 'aws4/20260102/us-east-1/secretsmanager', derive('c')).toString()).toBe('c');
    expect(derivations).toBe(3);
  });

  it('stays bounded, starting over once full', () => {
    const cache = new SigningKeyCache();
    for (let i = 0; i < 1024; i++) cache.get('s', `scope-${i}`, () => Buffer.from(String(i)));
    let derived = false;
    cache.get('s', 'scope-0', () => {
      derived = true;
      return Buffer.from('0');
    });
    expect(derived).toBe(false);
    cache.get('s', 'one-too-many', () => Buffer.from('x'));
    cache.get('s', 'scope-0', () => {
      derived = true;
      return Buffer.from('0');
    });
    expect(derived).toBe(true);
  });
});
