import { pageOf } from '../../src/core/paging.js';
import { AwsError } from './envelope.js';
import { MESSAGES } from './messages.js';

/** One page of a list and the token for the next, omitted on the last page. */
export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/** Opaque NextToken: the offset of the next page, base64url-encoded so clients treat it as opaque. */
export function paginate<T>(items: T[], maxResults: number | undefined, nextToken: string | undefined, defaultSize: number): Page<T> {
  const page = pageOf(items, offsetOf(nextToken), maxResults ?? defaultSize);
  return { items: page.items, nextToken: tokenOf(page.nextOffset) };
}

/** The offset a NextToken resumes from (0 without one); InvalidNextTokenException for a token not made by {@link tokenOf}. */
export function offsetOf(nextToken: string | undefined): number {
  return nextToken === undefined ? 0 : decodeToken(nextToken);
}

/** The NextToken of the page at `offset`; undefined (no token) without one. */
export function tokenOf(offset: number | undefined): string | undefined {
  return offset === undefined ? undefined : Buffer.from(JSON.stringify({ offset })).toString('base64url');
}

function decodeToken(token: string): number {
  try {
    const { offset } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { offset?: unknown };
    if (Number.isSafeInteger(offset) && (offset as number) >= 0) return offset as number;
  } catch {
    // Falls through to the error below.
  }
  throw new AwsError('InvalidNextTokenException', MESSAGES.invalidNextToken);
}
