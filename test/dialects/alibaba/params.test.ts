import { Params } from '../../../dialects/alibaba/params.js';
import { kmsTime } from '../../../dialects/alibaba/render.js';

describe('Params.toObject', () => {
  it('gives every parameter as an own string member, __proto__ and constructor included', () => {
    const object = new Params(new Map([['SecretName', 'n'], ['__proto__', 'p'], ['constructor', 'c']])).toObject();
    expect(Object.keys(object)).toEqual(['SecretName', '__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(object, '__proto__')?.value).toBe('p');
    expect(object.constructor).toBe('c');
  });
});

describe('kmsTime', () => {
  it('writes UTC seconds without a fraction, in four- and six-digit years alike', () => {
    expect(kmsTime(Date.UTC(2026, 0, 2, 3, 4, 5, 678))).toBe('2026-01-02T03:04:05Z');
    expect(kmsTime(Date.UTC(20000, 0, 1))).toBe('+020000-01-01T00:00:00Z');
    expect(kmsTime(undefined)).toBeUndefined();
  });
});
