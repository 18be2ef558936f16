// Types for scripts/derive-schemas.mjs, so the TypeScript tests can call it in-process.

/** One thing out of step: a schema file (or patch file) relative to the repository, and what is wrong. */
export interface SchemaProblem {
  file: string;
  problem: string;
}

/** Where a cloud's model is read from. */
export interface ModelSource {
  package: string;
  version: string;
  file: string;
  /** The installed package's directory. */
  root: string;
}

/**
 * The files a generated cloud's SDK model and patches give (file name → exact text), and the
 * operations its patch file names that the model lacks. Throws if a patch does not apply.
 */
export declare function deriveSchemas(cloud: 'aws' | 'tencent'): { files: Map<string, string>; orphans: string[] };

/**
 * The Alibaba check (member names and required members against @alicloud/kms20160120 after the
 * patches), and the actions the SDK has no Request class for.
 */
export declare function checkAlibaba(): { problems: SchemaProblem[]; unchecked: string[] };

/** Every schema file that differs from its derivation, and every patch that does not apply; writes nothing. */
export declare function checkSchemas(): SchemaProblem[];

/** Writes the derived AWS and Tencent files that differ from the checked-in ones; returns their paths. */
export declare function writeSchemas(): string[];

/** The package, version and file each cloud's model is read from. */
export declare function sources(): Record<'aws' | 'tencent' | 'alibaba', ModelSource>;
