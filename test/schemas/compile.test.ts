import { loadValidators as awsSchemas } from '../../dialects/aws/validation.js';
import { loadValidators as alibabaSchemas } from '../../dialects/alibaba/validation.js';
import { loadSchemas as tencentSchemas } from '../../dialects/tencent/validation.js';

// The dialects compile a schema on first use; this compiles every one with the dialect's own ajv settings,
// so a schema ajv refuses fails here rather than on a user's first call.
describe.each([
  ['aws', awsSchemas, 23],
  ['alibaba', alibabaSchemas, 21],
  ['tencent', tencentSchemas, 24],
])('the %s schemas', (_cloud, load, count) => {
  it(`all ${count} compile with the dialect's ajv`, () => {
    const schemas = load();
    expect(schemas.operations).toHaveLength(count);
    for (const operation of schemas.operations) {
      const entry = schemas.get(operation);
      expect(typeof entry?.validate).toBe('function');
      expect(entry?.schema).toEqual(expect.objectContaining({ type: 'object' }));
    }
    expect(schemas.get('NoSuchOperation')).toBeUndefined();
  });
});
