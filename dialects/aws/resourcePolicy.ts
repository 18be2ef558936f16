import { AwsError } from './envelope.js';
import { MESSAGES } from './messages.js';

/** A policy document after the syntax check. */
interface PolicyDocument {
  Statement?: unknown;
}

/** Parses a resource policy; anything but a JSON object is MalformedPolicyDocumentException. */
export function parsePolicy(text: string): PolicyDocument {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new AwsError('MalformedPolicyDocumentException', MESSAGES.malformedPolicy);
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new AwsError('MalformedPolicyDocumentException', MESSAGES.malformedPolicy);
  }
  return document as PolicyDocument;
}

function isWildcardPrincipal(principal: unknown): boolean {
  if (principal === '*') return true;
  if (typeof principal !== 'object' || principal === null) return false;
  const aws = (principal as { AWS?: unknown }).AWS;
  return aws === '*' || (Array.isArray(aws) && aws.includes('*'));
}

/** True when an Allow statement names everyone (`"*"` or `{"AWS":"*"}`) without conditions. */
export function grantsPublicAccess(document: PolicyDocument): boolean {
  const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  return statements.some((statement) => {
    if (typeof statement !== 'object' || statement === null) return false;
    const s = statement as { Effect?: unknown; Principal?: unknown; Condition?: unknown };
    return s.Effect === 'Allow' && s.Condition === undefined && isWildcardPrincipal(s.Principal);
  });
}
