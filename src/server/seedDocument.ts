/**
 * What a seed document holds (schemas/admin/seed.json) and the secrets it declares, one per cloud
 * namespace: secrets listed under a cloud, account and region, and multi-cloud secrets created alike
 * in each of their clouds.
 */
import { accountProblem, regionProblem } from '../core/namespaceRules.js';
import type { Cloud, Namespace } from '../core/model.js';

/** One version of a seeded secret: a text `value` or base64 `binary`, never both. */
export interface SeedVersion {
  id?: string;
  value?: string;
  binary?: string;
  labels?: string[];
}

/** One seeded secret; its versions are added in order, so the last one is current unless labels say otherwise. */
export interface SeedSecret {
  name: string;
  description?: string;
  tags?: Record<string, string>;
  versions: SeedVersion[];
}

/** An account and region of one cloud; either may be left to the cloud's default. */
export interface SeedNamespaceChoice {
  account?: string;
  region?: string;
}

/** One secret created in each of its clouds, in that cloud's default namespace unless `namespaces` names another. */
export interface MultiCloudSeedSecret extends SeedSecret {
  clouds: Cloud[];
  namespaces?: Partial<Record<Cloud, SeedNamespaceChoice>>;
}

/**
 * A seed document: cloud → account → region → secrets, multi-cloud secrets, and where AWS rotation
 * functions run (schemas/admin/seed.json).
 */
export type SeedDocument = Partial<Record<Cloud, Record<string, Record<string, SeedSecret[]>>>> & {
  multiCloud?: MultiCloudSeedSecret[];
  rotationLambdas?: Record<string, string>;
};

/** Each cloud's default account and region (`--<cloud>-account`, `--<cloud>-region`): where its SDKs land unless told otherwise. */
export type DefaultNamespaces = Readonly<Record<Cloud, { account: string; region: string }>>;

/**
 * One secret to write in one namespace, with the JSON path it was declared at. `multiCloud` says it
 * was declared under `multiCloud`, where one declaration serves several clouds, so a problem with it
 * must say which cloud's rules refused it.
 */
export interface SeedEntry {
  ns: Namespace;
  path: string;
  secret: SeedSecret;
  multiCloud: boolean;
}

const CLOUDS = ['aws', 'alibaba', 'tencent'] as const;

/** Every secret a schema-valid document declares, once per namespace it is written in: the per-cloud lists, then the multi-cloud ones. */
export function seedEntries(doc: SeedDocument, defaults: DefaultNamespaces): SeedEntry[] {
  const out: SeedEntry[] = [];
  for (const cloud of CLOUDS) {
    for (const [account, regions] of Object.entries(doc[cloud] ?? {})) {
      for (const [region, secrets] of Object.entries(regions)) {
        secrets.forEach((secret, i) => out.push({ ns: { cloud, account, region }, path: `/${cloud}/${account}/${region}/${i}`, secret, multiCloud: false }));
      }
    }
  }
  (doc.multiCloud ?? []).forEach((declared, i) => {
    for (const cloud of declared.clouds) {
      const chosen = declared.namespaces?.[cloud];
      const ns = { cloud, account: chosen?.account ?? defaults[cloud].account, region: chosen?.region ?? defaults[cloud].region };
      out.push({ ns, path: `/multiCloud/${i}`, secret: declared, multiCloud: true });
    }
  });
  return out;
}

/** `problem` as a "JSON path: reason" line, or nothing when there is none. */
function at(path: string, problem: string | undefined): string[] {
  return problem ? [`${path}: ${problem}`] : [];
}

/**
 * Every account and region a schema-valid document names that is not one of its cloud's (README
 * "Configuration"), and every multi-cloud namespace given for a cloud the secret is not created in.
 */
export function namespaceProblems(doc: SeedDocument): string[] {
  const problems: string[] = [];
  for (const cloud of CLOUDS) {
    for (const [account, regions] of Object.entries(doc[cloud] ?? {})) {
      problems.push(...at(`/${cloud}/${account}`, accountProblem(cloud, account)));
      for (const region of Object.keys(regions)) problems.push(...at(`/${cloud}/${account}/${region}`, regionProblem(cloud, region)));
    }
  }
  (doc.multiCloud ?? []).forEach((declared, i) => {
    for (const [key, chosen] of Object.entries(declared.namespaces ?? {})) {
      const cloud = key as Cloud;
      const path = `/multiCloud/${i}/namespaces/${cloud}`;
      // A namespace for an unlisted cloud would be silently ignored: more likely a mistake than a wish.
      if (!declared.clouds.includes(cloud)) problems.push(`${path}: ${cloud} is not one of this secret's clouds`);
      if (chosen.account !== undefined) problems.push(...at(`${path}/account`, accountProblem(cloud, chosen.account)));
      if (chosen.region !== undefined) problems.push(...at(`${path}/region`, regionProblem(cloud, chosen.region)));
    }
  });
  return problems;
}
