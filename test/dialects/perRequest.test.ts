import { perRequest, type DialectRequest } from '../../src/dialect/contract.js';

const request = (): DialectRequest => ({ method: 'GET', path: '/', headers: {}, query: new URLSearchParams(), rawQuery: '', body: Buffer.alloc(0), bodyTooLarge: false });

describe('perRequest', () => {
  it('computes once per request, undefined included, and apart for each wrapper and each request', () => {
    const calls: string[] = [];
    const first = perRequest((r) => (calls.push(`first ${r.path}`), undefined));
    const second = perRequest((r) => (calls.push(`second ${r.path}`), r.path.length));
    const one = request();
    const other = { ...request(), path: '/other' };
    expect([first(one), first(one), second(one), second(one), first(other), second(other), second(other)]).toEqual([undefined, undefined, 1, 1, undefined, 6, 6]);
    expect(calls).toEqual(['first /', 'second /', 'first /other', 'second /other']);
    // Kept out of sight of anything that lists or serialises the request.
    expect(Object.keys(one)).toEqual(Object.keys(request()));
    expect(JSON.stringify(one)).toBe(JSON.stringify(request()));
  });
});
