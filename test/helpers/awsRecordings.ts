import { readFileSync } from 'node:fs';

/** Responses recorded against real AWS by LocalStack's AWS-validated tests (data only: compared, never copied). */
const RECORDINGS = JSON.parse(
  readFileSync(new URL('../fixtures/aws-recorded-responses/test_secretsmanager.snapshot.json', import.meta.url), 'utf8'),
) as Record<string, { 'recorded-content': Record<string, any> }>;

/**
 * One recorded value of the named test (e.g. `test_secret_tags`): a response without botocore's
 * ResponseMetadata, or as recorded when it is not an object (some recordings are error strings).
 */
export function recorded(test: string, key: string): any {
  const entry = Object.entries(RECORDINGS).find(([id]) => id.endsWith(`::${test}`));
  const response = entry?.[1]['recorded-content'][key];
  if (response === undefined) throw new Error(`no recording ${test} / ${key}`);
  if (typeof response !== 'object' || response === null) return response;
  const { ResponseMetadata: _metadata, ...rest } = response;
  return rest;
}

/** The members a recorded response had, sorted. */
export function recordedKeys(test: string, key: string): string[] {
  return Object.keys(recorded(test, key)).sort();
}
