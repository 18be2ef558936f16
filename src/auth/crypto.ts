import { createHash, timingSafeEqual, type BinaryLike } from 'node:crypto';

/** Lower-case hex SHA-256, the payload hash every cloud's signature uses. */
export function sha256Hex(data: BinaryLike): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Compares a computed signature with a given one in constant time (lengths are no secret: unequal ones fail at once). */
export function safeEqual(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
