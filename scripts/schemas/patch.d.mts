// Types for scripts/schemas/patch.mjs, for the TypeScript tests.

/** One RFC 6902 operation, as a patch group lists it. */
export interface PatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  from?: string;
  value?: unknown;
}

/** A patch group: the operations and the vendor behaviour they reproduce. */
export interface PatchGroup {
  why: string;
  patch: PatchOperation[];
}

/**
 * Applies one RFC 6902 patch to a copy of `document` and returns the copy. Throws on an operation
 * that does not apply, naming it.
 */
export declare function applyPatch<T>(document: T, patch: PatchOperation[]): T;

/** Reads a patch file: operation name → its patch groups. */
export declare function loadPatches(file: string): Map<string, PatchGroup[]>;
