import type { Outcome } from './outcome.js';
import type { ConformCloud } from './scenario.js';
import type { DriverTarget, TargetSpec } from './targets.js';

/** A polysecret target: its URL and the admin token its admin API may need. */
export type PolysecretSpec = Extract<TargetSpec, { kind: 'polysecret' }>;

/** One admin call, as any client of a running polysecret would make it; a refusal is an outcome. */
async function adminCall(spec: PolysecretSpec, path: string, body: object, note: string): Promise<Outcome> {
  const response = await fetch(new URL(path, spec.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(spec.adminToken ? { authorization: `Bearer ${spec.adminToken}` } : {}) },
    body: JSON.stringify(body),
  });
  await response.body?.cancel();
  return response.ok ? { ok: true, notes: [note] } : { ok: false, errorClass: 'other', vendorCode: `HTTP ${response.status}`, notes: [`${note} refused`] };
}

/** Moves a polysecret's clock forward. */
export function advanceClock(spec: PolysecretSpec, seconds: number): Promise<Outcome> {
  return adminCall(spec, '/_emulator/clock', { advanceSeconds: seconds }, 'POST /_emulator/clock');
}

/** What a `seed` step creates. */
export interface SeedRequest {
  name: string;
  value: string;
  tags?: Record<string, string>;
}

/**
 * Creates one secret alike in several clouds of one polysecret with a single multi-cloud seed
 * entry. AWS and Tencent clients name their region, so the entry puts each copy in the region the
 * driver uses; Alibaba's region comes from the endpoint's host, which for a polysecret is its default.
 */
export function seedEverywhere(spec: PolysecretSpec, lanes: Array<{ cloud: ConformCloud; target: DriverTarget }>, secret: SeedRequest): Promise<Outcome> {
  const clouds = lanes.map((lane) => lane.cloud);
  const namespaces = Object.fromEntries(lanes.filter((lane) => lane.cloud !== 'alibaba' && lane.target.region).map((lane) => [lane.cloud, { region: lane.target.region }]));
  const entry = { clouds, name: secret.name, versions: [{ value: secret.value }], ...(secret.tags ? { tags: secret.tags } : {}), namespaces };
  return adminCall(spec, '/_emulator/seed', { multiCloud: [entry] }, `POST /_emulator/seed: one multiCloud entry for ${clouds.join(', ')}`);
}
