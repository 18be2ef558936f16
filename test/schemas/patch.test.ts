import { applyPatch } from '../../scripts/schemas/patch.mjs';

// The patch files rely on two things JSON Patch leaves open: members keep their order, and a
// member moved onto itself goes last. The checked-in schemas' member order depends on both.
describe('applyPatch (schemas/patches)', () => {
  const schema = { type: 'object', required: ['B'], properties: { B: { type: 'string' }, A: { type: 'string' } } };

  it('adds a keyword last and replaces a member where it stands', () => {
    const result = applyPatch(schema, [
      { op: 'add', path: '/properties/B/maxLength', value: 8 },
      { op: 'replace', path: '/properties/B', value: { type: 'integer' } },
    ]);
    expect(Object.keys(result.properties)).toEqual(['B', 'A']);
    expect(result.properties.B).toEqual({ type: 'integer' });
    expect(schema.properties.B).toEqual({ type: 'string' });
  });

  it('moves a member onto itself to put it last', () => {
    const result = applyPatch(schema, [{ op: 'move', from: '/properties/B', path: '/properties/B' }]);
    expect(Object.keys(result.properties)).toEqual(['A', 'B']);
  });

  it('appends to an array with "-" and unescapes ~1 and ~0', () => {
    const result = applyPatch({ required: ['x'], properties: {} as Record<string, unknown> }, [
      { op: 'add', path: '/required/-', value: 'a/b' },
      { op: 'add', path: '/properties/a~1b~0c', value: {} },
    ]);
    expect(result.required).toEqual(['x', 'a/b']);
    expect(Object.keys(result.properties)).toEqual(['a/b~c']);
  });

  it('throws, naming the operation, when a test fails or a path is missing', () => {
    expect(() => applyPatch(schema, [{ op: 'test', path: '/required', value: ['A'] }])).toThrow(/operation 0 \(test \/required\): test failed/);
    expect(() => applyPatch(schema, [{ op: 'add', path: '/properties/C/maxLength', value: 1 }])).toThrow(/operation 0 .*no "C"/);
    expect(() => applyPatch(schema, [{ op: 'remove', path: '/properties/C' }])).toThrow(/does not exist/);
  });
});
