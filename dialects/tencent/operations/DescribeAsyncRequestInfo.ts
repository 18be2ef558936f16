import type { TencentContext } from '../context.js';
import { ERRORS } from '../errors.js';
import { findFlow, taskStatusOf } from '../flows.js';

interface DescribeAsyncRequestInfoInput {
  FlowID: number;
}

/** Task descriptions: the running one is SSM's own [doc: CLI example]; the finished one follows it [inf]. */
const DESCRIPTIONS = { 0: 'task is processing', 1: 'task succeeded' } as const;

/**
 * DescribeAsyncRequestInfo: TaskStatus 0 while a flow (a product secret's creation, a
 * RotateProductSecret) runs on the emulator's clock, 1 once it has finished. Asking also brings
 * the flow's secret up to date (a finished creation leaves it Enabled).
 */
export async function DescribeAsyncRequestInfo(input: DescribeAsyncRequestInfoInput, context: TencentContext): Promise<object> {
  const found = findFlow(context, input.FlowID);
  if (!found) throw ERRORS.flowNotFound();
  await context.secrets.settled(found.record);
  const status = taskStatusOf(found.flow, context.secrets.now());
  return { TaskStatus: status, Description: DESCRIPTIONS[status] };
}
