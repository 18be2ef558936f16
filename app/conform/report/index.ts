import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ConformResult } from '../result.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';

export { renderHtml, REPORT_CSP } from './html.js';
export { renderJson, REPORT_FORMAT, type JsonReport } from './json.js';
export { renderJunit, JUNIT_RUN_NAME, MISMATCH } from './junit.js';

/** Where {@link writeReports} put each report, as absolute paths. */
export interface ReportPaths {
  /** report.json: the result itself, for tools. */
  json: string;
  /** junit.xml: one test case per step on each cloud, for CI. */
  junit: string;
  /** report.html: the side-by-side matrix with each step's HTTP exchanges, for people. */
  html: string;
}

/**
 * Writes report.json, junit.xml and report.html for a result into `dir`, creating it (and its
 * parents) when missing and replacing reports of an earlier run there.
 */
export async function writeReports(result: ConformResult, dir: string): Promise<ReportPaths> {
  const folder = resolve(dir);
  await mkdir(folder, { recursive: true });
  const paths: ReportPaths = { json: join(folder, 'report.json'), junit: join(folder, 'junit.xml'), html: join(folder, 'report.html') };
  await Promise.all([writeFile(paths.json, renderJson(result)), writeFile(paths.junit, renderJunit(result)), writeFile(paths.html, renderHtml(result))]);
  return paths;
}
