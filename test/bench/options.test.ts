import { parseOptions } from '../../bench/options.js';

describe('npm run bench options', () => {
  it('defaults to a full run of 10 s after 2 s of warm-up at 32 connections over three store sizes', () => {
    expect(parseOptions([])).toEqual({
      quick: false,
      connections: 32,
      fewConnections: [1, 4],
      durationS: 10,
      warmupS: 2,
      storeSizes: [1_000, 10_000, 100_000],
      out: 'bench/results/full.json',
      only: [],
    });
  });

  it('--quick shortens every scenario and writes quick.json, unless timings are given', () => {
    expect(parseOptions(['--quick'])).toMatchObject({ quick: true, durationS: 1, warmupS: 0.5, out: 'bench/results/quick.json' });
    expect(parseOptions(['--quick', '--duration', '3'])).toMatchObject({ quick: true, durationS: 3, warmupS: 2 });
  });

  it('reads every option', () => {
    const options = parseOptions(['--connections', '8', '--sizes', '10,20', '--only', 'get-aws,put', '--out', 'x.json', '--warmup', '1']);
    expect(options).toMatchObject({ connections: 8, storeSizes: [10, 20], only: ['get-aws', 'put'], out: 'x.json', warmupS: 1 });
    expect(parseOptions(['--help'])).toBe('help');
  });

  it('--few-connections lists the connection counts of the latency-bound rows', () => {
    expect(parseOptions(['--few-connections', '1,2,8'])).toMatchObject({ fewConnections: [1, 2, 8], connections: 32 });
    expect(parseOptions(['--quick'])).toMatchObject({ fewConnections: [1, 4] });
  });

  it('refuses unknown options and bad numbers with the usage', () => {
    expect(() => parseOptions(['--fast'])).toThrow(/unknown option --fast\nUsage: npm run bench/);
    expect(() => parseOptions(['--connections', 'many'])).toThrow('--connections needs a positive number, got many');
    expect(() => parseOptions(['--duration', '0'])).toThrow('--duration needs a positive number, got 0');
    expect(() => parseOptions(['--sizes', '10,-1'])).toThrow('--sizes needs a positive number, got -1');
    expect(() => parseOptions(['--out'])).toThrow(/--out needs a file/);
    expect(() => parseOptions(['--few-connections', '1,0'])).toThrow('--few-connections needs a positive number, got 0');
    expect(() => parseOptions(['--few-connections'])).toThrow('--few-connections needs a positive number, got nothing');
  });
});
