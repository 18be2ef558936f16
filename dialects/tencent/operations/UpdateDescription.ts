import type { TencentContext } from '../context.js';
import { requireWritableSecret } from '../secrets.js';
import { checkDescription } from '../values.js';

interface UpdateDescriptionInput {
  SecretName: string;
  Description: string;
}

/** UpdateDescription: replaces the description (≤2048 bytes) of an Enabled or Disabled secret. */
export async function UpdateDescription(input: UpdateDescriptionInput, context: TencentContext): Promise<object> {
  checkDescription(input.Description);
  const record = requireWritableSecret(context, input.SecretName);
  await context.secrets.update(record, (draft, now) => {
    draft.description = input.Description;
    draft.changedAt = now;
  });
  return { SecretName: record.name };
}
