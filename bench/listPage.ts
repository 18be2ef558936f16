/**
 * `npm run bench:list`: the CPU cost of one ListSecrets page of 100, in process, per dialect.
 *
 * Each dialect's ListSecrets operation is called directly on an engine holding `--secrets` secrets
 * (25,000 by default) per cloud, so the figure is the listing itself, without HTTP. CPU time comes
 * from process.cpuUsage over many pages, so it holds on a busy machine; rounds alternate between the
 * cases and the median of the rounds is reported.
 */
import { SecretEngine } from '../src/core/engine.js';
import { SecretLifecycle } from '../src/core/lifecycle.js';
import type { Cloud, Namespace } from '../src/core/model.js';
import { ManualClock, randomIds } from '../src/core/runtime.js';
import { MemoryStore } from '../src/store/memoryStore.js';
import { awsPolicy } from '../dialects/aws/policy.js';
import { alibabaPolicy } from '../dialects/alibaba/policy.js';
import { tencentPolicy } from '../dialects/tencent/policy.js';
import type { AwsContext } from '../dialects/aws/context.js';
import { CreateSecret as createAws } from '../dialects/aws/operations/CreateSecret.js';
import { ListSecrets as listAws } from '../dialects/aws/operations/ListSecrets.js';
import { CreateSecret as createAlibaba } from '../dialects/alibaba/operations/CreateSecret.js';
import { ListSecrets as listAlibaba } from '../dialects/alibaba/operations/ListSecrets.js';
import { Params } from '../dialects/alibaba/params.js';
import { CreateSecret as createTencent } from '../dialects/tencent/operations/CreateSecret.js';
import { ListSecrets as listTencent } from '../dialects/tencent/operations/ListSecrets.js';
import { DEFAULT_NAMESPACES } from './population.js';

type AwsListInput = Parameters<typeof listAws>[0];

/** Tencent SSM refuses a region's 1001st secret, so its listing is measured at that size. */
const TENCENT_MAX_SECRETS = 1_000;

/** Every 10th secret carries this tag, so a filter on it matches 10% of a namespace, spread over its order. */
const TENTH_TAG = { key: 'shard', value: 'tenth' };

/**
 * One measured case: a call that lists one page, and what comes before each call, unmeasured (a
 * change to the namespace, the previous page), so a page is measured in the state a client meets it in.
 */
interface ListCase {
  title: string;
  before?: () => Promise<unknown>;
  listOnce: () => Promise<unknown>;
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function populatedLifecycle(secrets: number): Promise<{ lifecycle: SecretLifecycle; ns: Record<Cloud, Namespace> }> {
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const engine = new SecretEngine({ store: new MemoryStore(), clock, ids: randomIds, policies: { aws: awsPolicy, alibaba: alibabaPolicy, tencent: tencentPolicy } });
  const lifecycle = new SecretLifecycle(engine);
  const ns = {
    aws: { cloud: 'aws', ...DEFAULT_NAMESPACES.aws },
    alibaba: { cloud: 'alibaba', ...DEFAULT_NAMESPACES.alibaba },
    tencent: { cloud: 'tencent', ...DEFAULT_NAMESPACES.tencent },
  } as const;
  const aws = { secrets: lifecycle, ns: ns.aws } as AwsContext;
  for (let i = 0; i < secrets; i++) {
    const name = `bench-${String(i).padStart(6, '0')}`;
    const tagged = i % 10 === 0;
    const awsTags = tagged ? [{ Key: TENTH_TAG.key, Value: TENTH_TAG.value }] : undefined;
    await createAws({ Name: name, SecretString: 'v', ClientRequestToken: `token-${String(i).padStart(32, '0')}`, Tags: awsTags }, aws);
    const alibabaParams = new Map([['SecretName', name], ['SecretData', 'v'], ['VersionId', 'v1']]);
    if (tagged) alibabaParams.set('Tags', JSON.stringify([{ TagKey: TENTH_TAG.key, TagValue: TENTH_TAG.value }]));
    await createAlibaba(new Params(alibabaParams), { secrets: lifecycle, ns: ns.alibaba });
    const tencentTags = tagged ? [{ TagKey: TENTH_TAG.key, TagValue: TENTH_TAG.value }] : undefined;
    if (i < TENCENT_MAX_SECRETS) await createTencent({ SecretName: name, SecretString: 'v', Tags: tencentTags }, { secrets: lifecycle, ns: ns.tencent, defaultRegion: ns.tencent.region });
    clock.advance(1_000);
  }
  return { lifecycle, ns };
}

/** The NextToken of AWS ListSecrets page `page` (1 is the first), reached by following the tokens as a client does. */
async function awsTokenOfPage(input: AwsListInput, page: number, aws: AwsContext): Promise<string | undefined> {
  let token: string | undefined;
  for (let at = 1; at < page; at++) token = ((await listAws({ ...input, NextToken: token }, aws)) as { NextToken?: string }).NextToken;
  return token;
}

async function cases(lifecycle: SecretLifecycle, ns: Record<Cloud, Namespace>, secrets: number): Promise<ListCase[]> {
  const aws = { secrets: lifecycle, ns: ns.aws } as AwsContext;
  const alibaba = { secrets: lifecycle, ns: ns.alibaba };
  const tencent = { secrets: lifecycle, ns: ns.tencent, defaultRegion: ns.tencent.region };
  const middle = Math.floor(secrets / 200);
  // Four fifths into the pages of the 10% filter: 20 of 25 at 25,000 secrets.
  const deep = Math.max(1, Math.floor((secrets / 10 / 100) * 0.8));
  const awsTagFilter: AwsListInput = { MaxResults: 100, Filters: [{ Key: 'tag-value', Values: [TENTH_TAG.value] }] };
  const awsMiddleToken = await awsTokenOfPage({ MaxResults: 100 }, middle + 1, aws);
  const [awsDeepPreviousToken, awsDeepToken] = [await awsTokenOfPage(awsTagFilter, deep - 1, aws), await awsTokenOfPage(awsTagFilter, deep, aws)];
  const alibabaPage = (page: number, filters?: object) =>
    new Params(new Map([['PageSize', '100'], ['PageNumber', String(page)], ...(filters ? [['Filters', JSON.stringify(filters)] as [string, string]] : [])]));
  const alibabaTagFilter = [{ Key: 'TagValue', Values: [TENTH_TAG.value] }];
  const tencentTagFilter = [{ TagKey: TENTH_TAG.key, TagValue: [TENTH_TAG.value] }];
  // A read time noted on one secret: a change to the namespace, which a listing must not answer from before it.
  const changeOne = async (cloud: Cloud) => lifecycle.note(lifecycle.list(ns[cloud])[0], (draft, now) => void (draft.accessedAt = now));
  const tencentMiddle = TENCENT_MAX_SECRETS / 2;
  return [
    { title: 'AWS, first page', listOnce: () => listAws({ MaxResults: 100 }, aws) },
    { title: 'AWS, middle page (NextToken)', listOnce: () => listAws({ MaxResults: 100, NextToken: awsMiddleToken }, aws) },
    { title: 'AWS, by name, descending', listOnce: () => listAws({ MaxResults: 100, SortBy: 'name', SortOrder: 'desc' }, aws) },
    { title: 'AWS, name filter, first page', listOnce: () => listAws({ MaxResults: 100, Filters: [{ Key: 'name', Values: ['bench-0'] }] }, aws) },
    {
      title: `AWS, 10% tag filter, page ${deep} after ${deep - 1}`,
      before: async () => (await changeOne('aws'), listAws({ ...awsTagFilter, NextToken: awsDeepPreviousToken }, aws)),
      listOnce: () => listAws({ ...awsTagFilter, NextToken: awsDeepToken }, aws),
    },
    { title: `AWS, 10% tag filter, page ${deep}, cold`, before: () => changeOne('aws'), listOnce: () => listAws({ ...awsTagFilter, NextToken: awsDeepToken }, aws) },
    { title: 'Alibaba, first page', listOnce: () => listAlibaba(alibabaPage(1), alibaba) },
    { title: 'Alibaba, middle page', listOnce: () => listAlibaba(alibabaPage(middle + 1), alibaba) },
    {
      title: `Alibaba, 10% tag filter, page ${deep} after ${deep - 1}`,
      before: async () => (await changeOne('alibaba'), listAlibaba(alibabaPage(deep - 1, alibabaTagFilter), alibaba)),
      listOnce: () => listAlibaba(alibabaPage(deep, alibabaTagFilter), alibaba),
    },
    { title: `Alibaba, 10% tag filter, page ${deep}, cold`, before: () => changeOne('alibaba'), listOnce: () => listAlibaba(alibabaPage(deep, alibabaTagFilter), alibaba) },
    { title: 'Tencent (1000), first page, cold', before: () => changeOne('tencent'), listOnce: () => listTencent({ Limit: 100 }, tencent) },
    { title: 'Tencent (1000), middle page, cold', before: () => changeOne('tencent'), listOnce: () => listTencent({ Limit: 100, Offset: tencentMiddle }, tencent) },
    {
      title: 'Tencent (1000), middle page after previous',
      before: async () => (await changeOne('tencent'), listTencent({ Limit: 100, Offset: tencentMiddle - 100 }, tencent)),
      listOnce: () => listTencent({ Limit: 100, Offset: tencentMiddle }, tencent),
    },
    { title: 'Tencent (1000), 10% tag filter, cold', before: () => changeOne('tencent'), listOnce: () => listTencent({ Limit: 100, TagFilters: tencentTagFilter }, tencent) },
  ];
}

/** CPU µs per call of `listOnce`, over `calls` calls; what comes `before` each is not counted. */
async function cpuMicrosPerCall({ before, listOnce }: ListCase, calls: number): Promise<number> {
  if (!before) {
    const started = process.cpuUsage();
    for (let i = 0; i < calls; i++) await listOnce();
    const used = process.cpuUsage(started);
    return (used.user + used.system) / calls;
  }
  let micros = 0;
  for (let i = 0; i < calls; i++) {
    await before();
    const started = process.cpuUsage();
    await listOnce();
    const used = process.cpuUsage(started);
    micros += used.user + used.system;
  }
  return micros / calls;
}

async function main(): Promise<void> {
  const secrets = option('secrets', 25_000);
  const rounds = option('rounds', 5);
  const calls = option('calls', 50);
  const started = process.cpuUsage();
  const { lifecycle, ns } = await populatedLifecycle(secrets);
  const populating = process.cpuUsage(started);
  console.log(`populated ${secrets} secrets per cloud in ${((populating.user + populating.system) / 1e6).toFixed(1)} s CPU`);
  const listCases = await cases(lifecycle, ns, secrets);
  for (const listCase of listCases) await cpuMicrosPerCall(listCase, 3); // warm-up
  const samples = listCases.map(() => [] as number[]);
  // Rounds alternate between cases, so a busy spell on the machine spreads over all of them.
  for (let round = 0; round < rounds; round++) {
    for (const [i, listCase] of listCases.entries()) samples[i].push(await cpuMicrosPerCall(listCase, calls));
  }
  console.log(`ListSecrets, a page of 100 of ${secrets} secrets: CPU µs per page, median of ${rounds} rounds of ${calls} pages`);
  for (const [i, { title }] of listCases.entries()) {
    const runs = samples[i].map((value) => value.toFixed(0)).join(' / ');
    console.log(`  ${title.padEnd(44)} ${median(samples[i]).toFixed(0).padStart(8)} µs   (${runs})`);
  }
}

await main();
