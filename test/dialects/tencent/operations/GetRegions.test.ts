import { STORES, useServer } from '../../../helpers/server.js';
import { rawTencent, TENCENT_FRAMINGS, tencentClient, tencentError } from '../../../helpers/tencent.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const COMMON_REGIONS = ['ap-guangzhou', 'ap-shanghai', 'ap-beijing', 'ap-chengdu', 'ap-hongkong', 'ap-singapore', 'na-siliconvalley', 'eu-frankfurt'];

describe.each(STORES)('Tencent GetRegions (%s store)', (kind) => {
  describe('with the default region', () => {
    const server = useServer(kind);

    it.each(TENCENT_FRAMINGS)('lists the configured region first, then the common SSM regions ($name)', async (framing) => {
      const response = await tencentClient(server().url, framing).GetRegions();
      expect(response.Regions![0]).toBe('ap-guangzhou');
      expect(response.Regions).toEqual(expect.arrayContaining(COMMON_REGIONS));
      expect(new Set(response.Regions).size).toBe(response.Regions!.length);
      expect(response.RequestId).toMatch(UUID);
    });

    it('answers HTTP 200 application/json with exactly Regions (strings) and RequestId', async () => {
      const response = await rawTencent(server().url, 'GetRegions', {});
      expect([response.status, response.headers.get('content-type')]).toEqual([200, 'application/json']);
      expect(Object.keys(response.json.Response)).toEqual(['Regions', 'RequestId']);
      expect(response.json.Response.Regions.every((region: unknown) => typeof region === 'string' && /^[a-z]+-[a-z]+$/.test(region))).toBe(true);
    });

    it('gives the same list whichever region the caller names', async () => {
      const here = await tencentClient(server().url).GetRegions();
      const there = await tencentClient(server().url, TENCENT_FRAMINGS[2], { region: 'eu-frankfurt' }).GetRegions();
      expect(there.Regions).toEqual(here.Regions);
    });

    it('refuses parameters it does not take with UnknownParameter', async () => {
      const error = await tencentError(tencentClient(server().url).GetRegions({ Region: 'ap-guangzhou' } as never));
      expect([error.code, error.requestId]).toEqual(['UnknownParameter', expect.stringMatching(UUID)]);
      const raw = await rawTencent(server().url, 'GetRegions', { Limit: 1 });
      expect(raw.json.Response.Error).toEqual({ Code: 'UnknownParameter', Message: 'The parameter `Limit` is not recognized.' });
    });
  });

  describe('with a configured region outside the common list', () => {
    const server = useServer(kind, { tencentRegion: 'ap-taipei' });

    it('includes the configured default region, once, first', async () => {
      const response = await tencentClient(server().url).GetRegions();
      expect(response.Regions![0]).toBe('ap-taipei');
      expect(response.Regions!.filter((region) => region === 'ap-taipei')).toHaveLength(1);
      expect(response.Regions).toEqual(expect.arrayContaining(COMMON_REGIONS));
    });
  });
});
