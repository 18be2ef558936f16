/**
 * SSM's asynchronous tasks (FlowID): the creation of a product secret and each RotateProductSecret.
 * A flow lives in its secret's Tencent state, so it persists with the secret
 * and disappears with it; DescribeAsyncRequestInfo finds it by scanning the caller's region.
 */
import type { SecretRecord } from '../../src/core/model.js';
import type { TencentFlow as Flow, TencentState } from '../../src/core/vendorState.js';
import type { TencentContext } from './context.js';

/** What a flow does. */
export type FlowKind = Flow['kind'];

/** How long every task runs on the emulator's clock [inf: long enough for a poller to see TaskStatus 0 once]. */
export const FLOW_DURATION_MS = 1000;

/** Flows remembered per secret, newest kept [inf: the real retention is undocumented]. */
const MAX_FLOWS = 10;

/** DescribeAsyncRequestInfo's TaskStatus: 0 running, 1 succeeded (2, failed, never happens here) [sdk]. */
export function taskStatusOf(flow: Flow, now: number): 0 | 1 {
  return now >= flow.doneAt ? 1 : 0;
}

/** The flows stored on a secret, oldest first. */
export function flowsOf(record: SecretRecord): Flow[] {
  return record.tencent?.flows ?? [];
}

/** The flow of this kind still running at `now`, if any. */
export function runningFlow(record: SecretRecord, kind: FlowKind, now: number): Flow | undefined {
  return flowsOf(record).find((flow) => flow.kind === kind && taskStatusOf(flow, now) === 0);
}

/** The secret in the caller's region holding this FlowID, and the flow. */
export function findFlow(context: TencentContext, id: number): { record: SecretRecord; flow: Flow } | undefined {
  for (const record of context.secrets.list(context.ns)) {
    const flow = flowsOf(record).find((candidate) => candidate.id === id);
    if (flow) return { record, flow };
  }
  return undefined;
}

/**
 * A FlowID not used in the caller's region: a positive integer below 2^32 drawn from the id
 * source, so a seeded source gives repeatable ids (real ones are small integers, e.g. 123 [doc: CLI example]).
 */
export function newFlowId(context: TencentContext): number {
  for (;;) {
    const id = Number.parseInt(context.secrets.ids.uuid().replace(/-/g, '').slice(0, 8), 16);
    if (id > 0 && !findFlow(context, id)) return id;
  }
}

/** Starts a flow in a new secret's Tencent state or a draft's (inside a core write) and returns it. */
export function startFlow(state: TencentState, id: number, kind: FlowKind, now: number): Flow {
  const flow: Flow = { id, kind, startedAt: now, doneAt: now + FLOW_DURATION_MS };
  state.flows = [...(state.flows ?? []), flow].slice(-MAX_FLOWS);
  return flow;
}

/** A product secret still `Creating` whose creation flow has finished becomes Enabled (a transition the core makes when due). */
export const creationFinishes = {
  summary: `a product secret still Creating becomes Enabled once its creation task has run (${FLOW_DURATION_MS / 1000} s)`,
  due: (record: SecretRecord, now: number) => record.tencent?.status === 'Creating' && !runningFlow(record, 'create', now),
  apply: (draft: SecretRecord) => {
    draft.tencent!.status = 'Enabled';
  },
};
