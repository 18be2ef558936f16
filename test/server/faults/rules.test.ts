import { FaultRules } from '../../../src/server/faults/rules.js';

const call = (secretName?: string) => ({ cloud: 'aws' as const, action: 'GetSecretValue', secretName, namespace: { account: '000000000000', region: 'us-east-1' } });

describe('FaultRules', () => {
  it('reads * and ? as wildcards and every other character literally', () => {
    const rules = new FaultRules();
    rules.add({ id: 'g', match: { secretName: 'a.b/*?' }, effect: { kind: 'throttle' } });
    expect(rules.fire(call('a.b/xy'))?.ruleId).toBe('g');
    expect(rules.fire(call('a.b/'))).toBeUndefined();
    expect(rules.fire(call('aXb/xy'))).toBeUndefined();
    expect(rules.fire(call(undefined))).toBeUndefined();
  });

  it('picks the same calls for the same seed, in separate instances', () => {
    const picks = () => {
      const rules = new FaultRules();
      rules.add({ effect: { kind: 'drop' }, percent: 25, seed: 12345 });
      return Array.from({ length: 64 }, () => (rules.fire(call('s')) ? 1 : 0)).join('');
    };
    expect(picks()).toBe(picks());
    expect(picks()).toMatch(/1/);
  });

  it('leaves a call to the next rule when one is spent or not picked', () => {
    const rules = new FaultRules();
    rules.add({ id: 'once', effect: { kind: 'throttle' }, times: 1 });
    rules.add({ id: 'never', effect: { kind: 'internal' }, percent: 0 });
    rules.add({ id: 'always', effect: { kind: 'latency', ms: 1 } });
    expect([rules.fire(call())?.ruleId, rules.fire(call())?.ruleId]).toEqual(['once', 'always']);
    expect(rules.list().map(({ id, hits }) => [id, hits])).toEqual([['once', 1], ['never', 0], ['always', 1]]);
  });
});
