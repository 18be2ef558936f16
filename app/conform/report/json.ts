import { POLYSECRET_VERSION } from '../../../src/version.js';
import type { ConformResult } from '../result.js';

/**
 * Names the shape of report.json, so a reader can refuse one it does not know. The number goes up
 * when a member of {@link ConformResult} changes meaning or goes away, not when one is added.
 */
export const REPORT_FORMAT = 'polysecret-conform/1';

/** What report.json holds: the result's own members, after the format marker and the polysecret version that wrote it. */
export type JsonReport = { format: typeof REPORT_FORMAT; polysecretVersion: string } & ConformResult;

/**
 * The result as the text of report.json: pretty-printed with two spaces, the members in the order
 * the result has them, after `format` and `polysecretVersion`, and a final newline.
 */
export function renderJson(result: ConformResult): string {
  const report: JsonReport = { format: REPORT_FORMAT, polysecretVersion: POLYSECRET_VERSION, ...result };
  return `${JSON.stringify(report, null, 2)}\n`;
}
